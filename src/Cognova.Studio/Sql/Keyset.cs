namespace Cognova.Studio.Sql;

/// <summary>One term of a grid's ORDER BY: an expression over the table, its type, direction and whether it can be NULL.</summary>
internal sealed record OrderTerm(string Expression, string Type, bool Descending, bool Nullable)
{
    /// <summary>NULLs sort last in both directions. A column that cannot be NULL keeps PostgreSQL's default, so a plain index serves it both ways.</summary>
    public string OrderBy => Expression + (Descending ? " DESC" : " ASC") + (Nullable && Descending ? " NULLS LAST" : "");
}

/// <summary>
/// The WHERE condition of keyset paging: the rows after the last row of the previous page in the order of
/// <see cref="OrderTerm"/>s. When every term goes the same way and none can be NULL it is a row-value
/// comparison, <c>(a, b) &gt; ($1, $2)</c>, which an index on (a, b) answers directly; otherwise the expanded
/// chain <c>a &gt; $1 OR (a = $1 AND b &gt; $2)</c>, with NULLs placed last (<c>IS NULL</c> stands for equality with NULL).
/// </summary>
internal static class Keyset
{
    public static string After(IReadOnlyList<OrderTerm> terms, IReadOnlyList<string?> values, SqlParameters parameters)
    {
        if (terms.Count == 0 || values.Count != terms.Count)
        {
            throw new StudioRequestException(400, "The page cursor does not fit this sort; start again from the first page.");
        }

        var placeholders = values.Select((v, i) => v is null ? null : parameters.Add(v, terms[i].Type)).ToList();
        if (terms.All(t => !t.Nullable && t.Descending == terms[0].Descending) && placeholders.All(p => p is not null))
        {
            var comparison = terms[0].Descending ? " < " : " > ";
            return terms.Count == 1
                ? terms[0].Expression + comparison + placeholders[0]
                : "(" + string.Join(", ", terms.Select(t => t.Expression)) + ")" + comparison + "(" + string.Join(", ", placeholders) + ")";
        }

        var alternatives = new List<string>();
        for (var i = 0; i < terms.Count; i++)
        {
            if (Beyond(terms[i], placeholders[i]) is not { } beyond)
            {
                continue;
            }

            var equalBefore = Enumerable.Range(0, i).Select(j => placeholders[j] is null ? terms[j].Expression + " IS NULL" : terms[j].Expression + " = " + placeholders[j]);
            var parts = equalBefore.Append(beyond).ToList();
            alternatives.Add(parts.Count == 1 ? parts[0] : "(" + string.Join(" AND ", parts) + ")");
        }

        return alternatives.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", alternatives) + ")";
    }

    // The rows after a value in one term. After NULL comes nothing (NULLs are last); after a value come
    // the greater (or smaller) values, then the NULLs.
    private static string? Beyond(OrderTerm term, string? placeholder)
    {
        if (placeholder is null)
        {
            return null;
        }

        var comparison = term.Expression + (term.Descending ? " < " : " > ") + placeholder;
        return term.Nullable ? "(" + comparison + " OR " + term.Expression + " IS NULL)" : comparison;
    }
}
