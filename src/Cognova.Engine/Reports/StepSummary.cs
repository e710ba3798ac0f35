using System.Text;
using Cognova.Engine.Build.Results;

namespace Cognova.Engine.Reports;

/// <summary>A Markdown table of findings per migration, appended to <c>GITHUB_STEP_SUMMARY</c> when a CI job sets it.</summary>
public static class StepSummary
{
    public static string Create(CheckResult result)
    {
        var text = new StringBuilder();
        foreach (var context in result.Contexts)
        {
            text.AppendLine($"### Cognova.Build: {context.Name}");
            text.AppendLine();
            if (context.Drift.Count > 0)
            {
                text.AppendLine($"Model drift: {context.Drift.Count} change(s) without a migration.");
                text.AppendLine();
            }

            text.AppendLine("| migration | lock | rule | severity | finding | approved |");
            text.AppendLine("|---|---|---|---|---|---|");
            foreach (var migration in context.Migrations)
            {
                var lockStatus = ReportText.LockStatus(migration.LockStatus);
                if (migration.Findings.Count == 0)
                {
                    text.AppendLine($"| {migration.Id} | {lockStatus} | | | no findings | |");
                    continue;
                }

                foreach (var placed in migration.Findings)
                {
                    var finding = placed.Finding;
                    var approved = placed.Approval is { } approval ? "yes: " + Cell(approval.Reason) : "no";
                    var severity = ReportText.Severity(finding.Severity);
                    text.AppendLine($"| {migration.Id} | {lockStatus} | {finding.Rule.Id} | {severity} | {Cell(finding.Hit.Action)} | {approved} |");
                }
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
