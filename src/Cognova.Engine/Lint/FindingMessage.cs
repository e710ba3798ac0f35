namespace Cognova.Engine.Lint;

/// <summary>
/// The text of a finding's diagnostic: what the migration does and why it is risky on PostgreSQL,
/// the SQL statement, the safer way, and the exact command that approves it.
/// </summary>
public static class FindingMessage
{
    private const int MaxSqlLines = 8;

    public static string Format(Finding finding, string approveCommand)
    {
        var lines = new List<string> { $"Migration {finding.MigrationId} {finding.Hit.Action}. {finding.Rule.Why}" };
        var sql = finding.Hit.Statement.Replace("\r\n", "\n").Split('\n');
        lines.Add("SQL: " + sql[0]);
        lines.AddRange(sql.Skip(1).Take(MaxSqlLines - 1).Select(l => "     " + l));
        if (sql.Length > MaxSqlLines)
        {
            lines.Add($"     … ({sql.Length - MaxSqlLines} more lines)");
        }

        lines.Add("Safer: " + finding.Rule.Safer);
        lines.Add("Approve: " + approveCommand);
        return string.Join('\n', lines);
    }

    public static string ApproveCommand(string projectArgument, string migrationId)
        => $"dotnet build {projectArgument}-t:CognovaApprove -p:CognovaApproveMigration={migrationId} -p:CognovaApproveReason=\"<why this is safe>\"";
}
