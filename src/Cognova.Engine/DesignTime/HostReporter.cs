using Microsoft.EntityFrameworkCore.Design.Internal;

namespace Cognova.Engine.DesignTime;

/// <summary>
/// Receives EF Core's design-time messages. They are shown only in verbose mode: the build
/// reports problems through diagnostics, never through EF's own log lines.
/// </summary>
internal sealed class HostReporter(HostLog log) : IOperationReporter
{
    public void WriteError(string message) => log.Verbose("ef: error: " + message);

    public void WriteWarning(string message) => log.Verbose("ef: warning: " + message);

    public void WriteInformation(string message) => log.Verbose("ef: " + message);

    public void WriteVerbose(string message) => log.Verbose("ef: " + message);
}
