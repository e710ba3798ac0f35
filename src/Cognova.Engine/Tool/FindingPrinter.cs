using Cognova.Engine.Build.Checks;
using Cognova.Engine.Build.Results;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Sources;
using Cognova.Migrations;

namespace Cognova.Engine.Tool;

/// <summary>
/// Shows a migration's SQL and a finding with its statement in context, for <c>generate</c> and <c>review</c>.
/// The findings are placed and paired with their approvals as the build's check does (<see cref="FindingPlacement"/>).
/// </summary>
internal sealed class FindingPrinter(CliSession session)
{
    public void PrintSql(MigrationScript script)
    {
        session.Console.Heading($"SQL of {script.Id}:");
        session.Console.Sql(script.Sql.Length == 0 ? "-- (no statements)" : Indent(script.Sql));
    }

    /// <summary>One line per finding: where, what, and the rule; dimmed when approved.</summary>
    public void PrintSummary(FindingResult placed)
    {
        var finding = placed.Finding;
        var line = $"{Where(placed.Location)}: {Level(finding.Severity)} {finding.Rule.Id}: {finding.Hit.Action}";
        if (placed.IsApproved)
        {
            session.Console.Dim(line + " (approved)");
        }
        else if (finding.Severity == DiagnosticSeverity.Error)
        {
            session.Console.Danger(line);
        }
        else
        {
            session.Console.Warning(line);
        }
    }

    /// <summary>The finding at length: why it is risky, the statement (between its neighbours, with <paramref name="context"/>), the safer way.</summary>
    public void PrintDetail(MigrationScript script, FindingResult placed, bool context)
    {
        var finding = placed.Finding;
        var console = session.Console;
        console.Line($"  {finding.Rule.Why}");
        if (!context)
        {
            console.Line($"  Safer: {finding.Rule.Safer}");
            return;
        }

        console.Line("  SQL in context:");
        for (var i = Math.Max(0, finding.OperationIndex - 1); i <= Math.Min(script.OperationSql.Count - 1, finding.OperationIndex + 1); i++)
        {
            var sql = script.OperationSql[i].Length == 0 ? "-- (no SQL)" : script.OperationSql[i];
            foreach (var line in sql.Split('\n'))
            {
                if (i == finding.OperationIndex)
                {
                    console.Sql("  > " + line);
                }
                else
                {
                    console.Dim("    " + line);
                }
            }
        }

        console.Line($"  Safer: {finding.Rule.Safer}");
    }

    private static string Where(SourceLocation at)
    {
        var file = Path.GetRelativePath(Environment.CurrentDirectory, at.File);
        return at.Line > 0 ? $"{file}({at.Line},{at.Column})" : file;
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    private static string Indent(string sql) => string.Join('\n', sql.Split('\n').Select(l => "  " + l));
}
