using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Engine.Lock;
using Cognova.Migrations;

namespace Cognova.Engine.Build.Checks;

/// <summary>
/// <c>approve</c>: records the reviewer's reason in the lock entry (in memory; the lock file is written
/// after the check) and says what it approved, or why it could not.
/// </summary>
internal static class ApprovalStep
{
    /// <param name="Matches">How many migrations the request matched: approved, or refused with a problem.</param>
    /// <param name="LockChanged">Approvals were recorded: the lock file is to be written.</param>
    public sealed record Outcome(int Matches, bool LockChanged, IReadOnlyList<LockProblem> Problems, IReadOnlyList<Diagnostic> Diagnostics);

    public static Outcome Apply(
        string contextName,
        LockedContext locked,
        IReadOnlyList<MigrationScript> scripts,
        IReadOnlyList<Finding> findings,
        ApprovalRequest approval,
        string lockPath)
    {
        var before = locked.Migrations.Sum(m => m.Approvals.Count);
        var (problems, approved) = Approvals.Apply(locked, scripts, findings, approval);
        var diagnostics = LockProblemPlacement.Place(problems, lockPath, _ => null).ToList();
        if (approved.Count > 0)
        {
            var count = locked.Migrations.Sum(m => m.Approvals.Count) - before;
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.LockFileUpdated,
                DiagnosticSeverity.Info,
                $"{contextName}: approved {count} finding(s) of {string.Join(", ", approved)} in {lockPath} (reason: {approval.Reason}). Commit the lock file.",
                lockPath));
        }

        return new Outcome(approved.Count + problems.Count, approved.Count > 0, problems, diagnostics);
    }
}
