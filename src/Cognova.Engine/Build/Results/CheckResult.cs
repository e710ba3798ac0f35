using Cognova.Engine.Diagnostics;

namespace Cognova.Engine.Build.Results;

/// <summary>
/// What one <c>check</c>, <c>approve</c> or <c>bundle</c> run found, computed before anything is printed:
/// one <see cref="ContextResult"/> per DbContext checked, every diagnostic of the run in the order it arose
/// (those of the contexts included), and the lock files to write (per file, not per context: DbContexts whose
/// migrations share a folder share one). Writing the lock files, the MSBuild lines, the SARIF log, the JSON
/// report, the step summary and the bundle staging each read this value.
/// </summary>
public sealed record CheckResult(
    IReadOnlyList<ContextResult> Contexts,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<LockWrite> LockWrites,
    IReadOnlyList<string> LockFiles,
    int ApprovalMatches = 0)
{
    public static CheckResult Empty { get; } = new([], [], [], []);

    public int ErrorCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>This result with <paramref name="more"/> after its diagnostics (masked, as every diagnostic of a result is).</summary>
    public CheckResult WithDiagnostics(IEnumerable<Diagnostic> more)
    {
        var list = new DiagnosticList();
        list.AddRange(more);
        return list.Items.Count == 0 ? this : this with { Diagnostics = [.. Diagnostics, .. list.Items] };
    }
}
