namespace Cognova.Engine.Lint.Sql;

/// <summary>
/// A possibly schema-qualified object name as PostgreSQL resolves it: unquoted parts folded to lower
/// case, quoted parts exact.
/// </summary>
public sealed record SqlName(string? Schema, string Name)
{
    public override string ToString() => Schema is null ? Name : $"{Schema}.{Name}";

    /// <summary>Reads <c>name</c> or <c>schema.name</c> (a longer name keeps its last two parts) and moves past it.</summary>
    internal static SqlName? Read(IReadOnlyList<SqlToken> tokens, ref int index)
    {
        var parts = new List<string>();
        while (IsName(tokens, index))
        {
            parts.Add(Part(tokens[index]));
            index++;
            if (!tokens.IsPunctuation(index, ".") || !IsName(tokens, index + 1))
            {
                break;
            }

            index++;
        }

        return parts.Count switch
        {
            0 => null,
            1 => new SqlName(null, parts[0]),
            _ => new SqlName(parts[^2], parts[^1]),
        };
    }

    /// <summary>One identifier as PostgreSQL stores it.</summary>
    internal static string Part(SqlToken token) =>
        token.Kind == SqlTokenKind.QuotedIdentifier ? SqlTokenReader.Unquote(token) : token.Text.ToLowerInvariant();

    internal static bool IsName(IReadOnlyList<SqlToken> tokens, int index) =>
        index >= 0 && index < tokens.Count && tokens[index].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;
}
