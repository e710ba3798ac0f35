using Cognova.Engine.Build.Results;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;

namespace Cognova.Engine.Build.Checks;

/// <summary>One diagnostic per finding nobody approved, at its place in the migration, with the command that approves it.</summary>
internal static class FindingDiagnostics
{
    private const string ReasonMissing =
        "Approval: the lock file approves this statement, but the approval's reason is missing (empty or blank), so it does not count. Approve it again with a reason (the command above).";

    /// <param name="projectArgument">The project as the approve command names it (<see cref="ApproveCommandText.ProjectArgument"/>).</param>
    public static IEnumerable<Diagnostic> ForOpenFindings(IEnumerable<MigrationResult> migrations, string projectArgument)
    {
        foreach (var migration in migrations)
        {
            foreach (var placed in migration.Findings.Where(f => !f.IsApproved))
            {
                var finding = placed.Finding;
                yield return new Diagnostic(
                    finding.Rule.Id,
                    finding.Severity,
                    FindingMessage.Format(finding, FindingMessage.ApproveCommand(projectArgument, migration.Id))
                    + (placed.ApprovedWithoutReason ? "\n" + ReasonMissing : ""),
                    placed.Location.File,
                    placed.Location.Line,
                    placed.Location.Column);
            }
        }
    }
}
