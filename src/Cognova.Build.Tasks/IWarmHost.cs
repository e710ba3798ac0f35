using System;
using System.Collections.Generic;

namespace Cognova.Build.Tasks;

/// <summary>
/// A design host that is already running when the check comes, waiting for its request: one started beside the
/// compiler (<see cref="WarmHost"/>) or the spare one the last build left (<see cref="SpareHostConnection"/>).
/// </summary>
internal interface IWarmHost : IDisposable
{
    /// <summary>See <see cref="HostCommandLine.Identity"/>: the host is used only by a check that would start the same one.</summary>
    string Identity { get; }

    /// <summary>Which host it is, for the build log.</summary>
    string Description { get; }

    /// <summary>
    /// Sends the request and passes every line the host writes to <paramref name="onLine"/> (true: standard error),
    /// on the calling thread, up to the line that says it finished. Returns the host's exit code, or null when it ran
    /// nothing (it had gone, or the application's dependencies changed since it started): start a fresh host then.
    /// </summary>
    int? Run(IReadOnlyList<string> arguments, Action<string, bool> onLine);
}
