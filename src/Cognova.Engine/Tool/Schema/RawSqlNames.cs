using Cognova.Engine.Lint.Sql;

namespace Cognova.Engine.Tool.Schema;

/// <summary>
/// The names a raw SQL text (a migration's <c>Sql()</c>) may change the schema of: every identifier in its
/// statements that are not plain data statements, as PostgreSQL reads it (unquoted names folded to lower
/// case), bodies of <c>DO</c> blocks and functions included. Over-inclusive on purpose: a name listed here
/// only makes a difference "unexplained" instead of "changed by hand".
/// </summary>
internal static class RawSqlNames
{
    // Statements that read or change rows but never the schema.
    private static readonly HashSet<string> DataStatements = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "insert", "update", "delete", "merge", "with", "values", "truncate", "copy", "lock", "analyze", "vacuum", "notify", "set", "reset",
    };

    public static IReadOnlySet<string> SchemaChangedBy(string sql)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(sql, names);
        return names;
    }

    private static void Collect(string sql, HashSet<string> names)
    {
        foreach (var statement in SqlStatementSplitter.Split(sql))
        {
            var first = statement.Tokens.FirstOrDefault(token => !token.IsTrivia);
            if (first.Kind == SqlTokenKind.Word && DataStatements.Contains(first.Text))
            {
                continue;
            }

            foreach (var token in statement.Tokens)
            {
                switch (token.Kind)
                {
                    case SqlTokenKind.Word:
                        names.Add(token.Text.ToLowerInvariant());
                        break;
                    case SqlTokenKind.QuotedIdentifier when token.Text.StartsWith('"'):
                        names.Add(token.Text.Trim('"').Replace("\"\"", "\"", StringComparison.Ordinal));
                        break;
                    case SqlTokenKind.DollarString:
                        Collect(DollarBody(token.Text), names);
                        break;
                }
            }
        }
    }

    /// <summary>The text between a dollar-quoted string's opening and closing <c>$tag$</c>.</summary>
    private static string DollarBody(string text)
    {
        var tag = text[..(text.IndexOf('$', 1) + 1)];
        return text.Length >= 2 * tag.Length && text.EndsWith(tag, StringComparison.Ordinal) ? text[tag.Length..^tag.Length] : text[tag.Length..];
    }
}
