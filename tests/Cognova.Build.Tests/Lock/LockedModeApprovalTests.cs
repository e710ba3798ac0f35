using Cognova.Engine;
using Cognova.Engine.Build;
using Cognova.Engine.Diagnostics;
using Cognova.Protocol;

namespace Cognova.Build.Tests.Lock;

/// <summary>The host itself refuses an approval in locked mode, whichever target asked for it.</summary>
public sealed class LockedModeApprovalTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-locked-").FullName;

    [Fact]
    public void Approve_in_locked_mode_is_refused_with_COG3008_before_anything_is_read_or_written()
    {
        var project = Path.Combine(_directory, "App.csproj");
        var output = new StringWriter();
        var diagnostics = new DiagnosticWriter(output);

        CheckCommand.Run(
            EngineRequest.Read(["approve", "--project", project, "--project-dir", _directory, "--assembly", Path.Combine(_directory, "App.dll"),
                "--migration", "Cleanup", "--reason", "fine", "--locked-mode"]),
            diagnostics,
            new HostLog(TextWriter.Null, verbose: false));

        var written = Assert.Single(diagnostics.Written);
        Assert.Equal((DiagnosticCodes.ApprovalInLockedMode, DiagnosticSeverity.Error), (written.Code, written.Severity));
        Assert.Contains("committed with the lock file", written.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
