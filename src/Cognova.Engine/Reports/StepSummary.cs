using System.Text;

namespace Cognova.Engine.Reports;

/// <summary>A Markdown table of findings per migration, appended to <c>GITHUB_STEP_SUMMARY</c> when a CI job sets it.</summary>
public static class StepSummary
{
    public static string Create(CheckReport report)
    {
        var text = new StringBuilder();
        foreach (var context in report.Contexts)
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
                if (migration.Findings.Count == 0)
                {
                    text.AppendLine($"| {migration.Id} | {migration.LockStatus} | | | no findings | |");
                    continue;
                }

                foreach (var finding in migration.Findings)
                {
                    var approved = finding.Approved ? "yes: " + Cell(finding.Reason ?? "") : "no";
                    text.AppendLine($"| {migration.Id} | {migration.LockStatus} | {finding.Rule} | {finding.Severity} | {Cell(finding.Action)} | {approved} |");
                }
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
