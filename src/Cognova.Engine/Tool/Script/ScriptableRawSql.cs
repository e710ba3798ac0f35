using System.Text;
using Cognova.Engine.Lint.Sql;

namespace Cognova.Engine.Tool.Script;

/// <summary>
/// A migration's raw SQL (<c>migrationBuilder.Sql(…)</c>) made safe to put in a script that psql runs. EF Core
/// sends each operation as a command of its own, so a statement without a closing <c>;</c> runs fine through
/// <c>database update</c>, but in a script it runs into the next one; and an idempotent script wraps each
/// operation in a <c>DO</c> block, where PL/pgSQL refuses a <c>SELECT</c> whose result goes nowhere.
/// So: the last statement is closed with <c>;</c>, and in a <c>DO</c> block a statement that starts with
/// <c>SELECT</c> (and has no <c>INTO</c>) starts with <c>PERFORM</c>, which runs the query and discards its rows.
/// </summary>
internal static class ScriptableRawSql
{
    private static readonly string[] RowChangingVerbs = ["insert", "update", "delete", "merge"];

    public static ScriptableSql Rewrite(string sql, bool insideDoBlock)
    {
        var edits = new List<(int Start, int Length, string Text)>();
        var changes = new List<string>();
        var hazards = new List<string>();
        var statements = SqlStatementSplitter.Split(sql);
        foreach (var statement in statements)
        {
            var significant = SqlTokenReader.Significant(statement.Tokens);
            if (!insideDoBlock || significant.Count == 0)
            {
                continue;
            }

            var first = significant[0];
            if (SqlTokenReader.IsWord(first, "select") && significant.IndexOfTopLevelWord(1, "into") < 0)
            {
                edits.Add((first.Start, first.Text.Length, "PERFORM"));
                changes.Add($"SELECT became PERFORM (a DO block discards no rows): {Abbreviate(statement.Text)}");
            }
            else if (first.Kind == SqlTokenKind.Word && RowReturning.Contains(first.Text) && !ChangesRows(significant))
            {
                hazards.Add(Abbreviate(statement.Text));
            }
        }

        if (statements.Count > 0 && LastSignificant(sql) is { } last && last.Text != ";")
        {
            edits.Add((last.End, 0, ";"));
            changes.Add($"closed with ';': {Abbreviate(statements[^1].Text)}");
        }

        return new ScriptableSql(Apply(sql, edits), changes, hazards);
    }

    // Statements that return rows and that PERFORM cannot simply take the place of: SELECT … INTO (which
    // creates a table in SQL but assigns variables in PL/pgSQL), WITH queries, VALUES, TABLE, SHOW, EXPLAIN.
    private static readonly HashSet<string> RowReturning = new(StringComparer.OrdinalIgnoreCase) { "select", "with", "values", "table", "show", "explain" };

    /// <summary>A <c>WITH</c> whose main statement changes rows (and returns none unless it says RETURNING).</summary>
    private static bool ChangesRows(IReadOnlyList<SqlToken> statement)
        => SqlTokenReader.IsWord(statement[0], "with")
           && RowChangingVerbs.Any(verb => statement.IndexOfTopLevelWord(1, verb) >= 0)
           && statement.IndexOfTopLevelWord(1, "returning") < 0;

    private static SqlToken? LastSignificant(string sql)
    {
        var tokens = SqlLexer.Tokenize(sql);
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            if (!tokens[i].IsTrivia)
            {
                return tokens[i];
            }
        }

        return null;
    }

    private static string Apply(string sql, List<(int Start, int Length, string Text)> edits)
    {
        var result = new StringBuilder(sql);
        foreach (var (start, length, text) in edits.OrderByDescending(e => e.Start))
        {
            result.Remove(start, length).Insert(start, text);
        }

        return result.ToString();
    }

    private static string Abbreviate(string statement)
    {
        var oneLine = string.Join(' ', statement.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 60 ? oneLine : oneLine[..57] + "...";
    }
}

/// <summary>Raw SQL as a script runs it, what was changed in it, and the statements a DO block still cannot run.</summary>
internal sealed record ScriptableSql(string Sql, IReadOnlyList<string> Changes, IReadOnlyList<string> Hazards);
