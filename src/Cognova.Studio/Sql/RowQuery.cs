using System.Globalization;

namespace Cognova.Studio.Sql;

internal enum FilterOperator
{
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Contains,
    StartsWith,
    IsNull,
    NotNull,
}

internal sealed record SortColumn(string Column, bool Descending);

internal sealed record ColumnFilter(string Column, FilterOperator Operator, string? Value);

/// <summary>
/// What a grid asks for: sort columns, filters, the page size and where the page starts, read from the
/// query string (<c>sort=Name:desc</c>, <c>filter=Price:ge:10.5</c>, <c>limit=50</c>, <c>after=…</c>).
/// </summary>
internal sealed record RowQuery(IReadOnlyList<SortColumn> Sort, IReadOnlyList<ColumnFilter> Filters, int Limit, PageCursor? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    private static readonly Dictionary<string, FilterOperator> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = FilterOperator.Eq,
        ["ne"] = FilterOperator.Ne,
        ["lt"] = FilterOperator.Lt,
        ["le"] = FilterOperator.Le,
        ["gt"] = FilterOperator.Gt,
        ["ge"] = FilterOperator.Ge,
        ["contains"] = FilterOperator.Contains,
        ["startsWith"] = FilterOperator.StartsWith,
        ["isNull"] = FilterOperator.IsNull,
        ["notNull"] = FilterOperator.NotNull,
    };

    public static RowQuery Parse(IEnumerable<string> sorts, IEnumerable<string> filters, string? limit, string? after)
    {
        var size = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxLimit))
        {
            throw new StudioRequestException(400, $"limit must be a whole number from 1 to {MaxLimit} (got '{limit}').");
        }

        return new RowQuery(
            sorts.Where(s => !string.IsNullOrEmpty(s)).Select(ParseSort).ToList(),
            filters.Where(f => !string.IsNullOrEmpty(f)).Select(ParseFilter).ToList(),
            size,
            string.IsNullOrEmpty(after) ? null : PageCursor.Decode(after));
    }

    /// <summary><c>column:asc</c> or <c>column:desc</c>; the direction is after the last colon, so a name may hold colons.</summary>
    public static SortColumn ParseSort(string text)
    {
        var colon = text.LastIndexOf(':');
        var (column, direction) = colon < 0 ? (text, "asc") : (text[..colon], text[(colon + 1)..]);
        return direction switch
        {
            "asc" when column.Length > 0 => new SortColumn(column, false),
            "desc" when column.Length > 0 => new SortColumn(column, true),
            _ => throw new StudioRequestException(400, $"sort must be <column>:asc or <column>:desc (got '{text}')."),
        };
    }

    /// <summary>
    /// <c>column:op:value</c> (<c>isNull</c> and <c>notNull</c> take no value). The first <c>:op</c> that names an
    /// operator ends the column, so a value may hold colons (a timestamp).
    /// </summary>
    public static ColumnFilter ParseFilter(string text)
    {
        for (var colon = text.IndexOf(':', StringComparison.Ordinal); colon > 0; colon = text.IndexOf(':', colon + 1))
        {
            var rest = text[(colon + 1)..];
            var end = rest.IndexOf(':', StringComparison.Ordinal);
            var name = end < 0 ? rest : rest[..end];
            if (!Operators.TryGetValue(name, out var op))
            {
                continue;
            }

            var value = end < 0 ? null : rest[(end + 1)..];
            var needsValue = op is not (FilterOperator.IsNull or FilterOperator.NotNull);
            if (needsValue && value is null)
            {
                throw new StudioRequestException(400, $"The filter '{text}' needs a value: <column>:{name}:<value>.");
            }

            return new ColumnFilter(text[..colon], op, needsValue ? value : null);
        }

        throw new StudioRequestException(400,
            $"filter must be <column>:<op>:<value> with op one of {string.Join(", ", Operators.Keys)} (got '{text}').");
    }
}
