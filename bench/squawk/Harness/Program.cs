using System.Text.Json;
using Cognova.Engine.Lint;
using Cognova.Engine.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

// Usage: Harness <cases.sql>. Prints one JSON array: each case with its directives, its SQL and our rule codes.
if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: Harness <cases.sql>");
    return 2;
}

var results = new List<object>();
foreach (var @case in Cases.Read(File.ReadAllText(args[0])))
{
    var operation = new SqlOperation { Sql = @case.Sql, SuppressTransaction = !@case.InTransaction };
    var script = new MigrationScript("20240101000000_Case", "Case", [operation], [@case.Sql], @case.Sql);
    var severities = RuleSeverities.Parse(@case.LockTimeout ? "" : "COG2307=none");
    var codes = new MigrationLinter(severities).Lint(script).Select(f => f.Rule.Id).Distinct().Order().ToList();
    results.Add(new { id = @case.Id, rule = @case.Rule, inTransaction = @case.InTransaction, lockTimeout = @case.LockTimeout, sql = @case.Sql, codes });
}

Console.WriteLine(JsonSerializer.Serialize(results));
return 0;

internal sealed record Case(string Id, string Rule, bool InTransaction, bool LockTimeout, string Sql);

internal static class Cases
{
    public static IEnumerable<Case> Read(string text)
    {
        string? id = null, rule = null;
        bool inTransaction = true, lockTimeout = false;
        var sql = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n").Split('\n').Append("-- case: <end>"))
        {
            if (line.StartsWith("-- case:", StringComparison.Ordinal))
            {
                if (id is not null)
                {
                    yield return new Case(id, rule ?? "none", inTransaction, lockTimeout, string.Join('\n', sql).Trim());
                }

                (id, rule, inTransaction, lockTimeout) = (line[8..].Trim(), null, true, false);
                sql.Clear();
            }
            else if (id is null)
            {
                continue;
            }
            else if (line.StartsWith("-- rule:", StringComparison.Ordinal))
            {
                rule = line[8..].Trim();
            }
            else if (line.StartsWith("-- tx:", StringComparison.Ordinal))
            {
                inTransaction = line[6..].Trim() != "none";
            }
            else if (line.StartsWith("-- lock-timeout:", StringComparison.Ordinal))
            {
                lockTimeout = line[16..].Trim() == "on";
            }
            else
            {
                sql.Add(line);
            }
        }
    }
}
