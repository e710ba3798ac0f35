using Cognova.Studio.Catalog;

namespace Cognova.Studio.Sql;

/// <summary>
/// The SQL of the grid: a page of rows, the exact count, one full cell, an export. Every name is a
/// column of the catalog's <see cref="TableInfo"/> (unknown names are refused before any SQL is written),
/// quoted; every value is a parameter cast to the column's type.
/// </summary>
internal static class TableQueries
{
    /// <summary>Values longer than this many characters are cut on the server.</summary>
    public const int MaxTextLength = 200;

    /// <summary>bytea values longer than this many bytes are cut on the server (shown as hex).</summary>
    public const int MaxByteaLength = 100;

    /// <summary>The name a row's key uses for a table without a primary key: its physical address, read-only.</summary>
    public const string CtidKey = "ctid";

    // Columns are written qualified by the table's alias: in ORDER BY a bare name would mean the output
    // column of that name first ("Id"::text sorts as text), and any column can be called like an output.
    internal const string Alias = "r";

    internal static string From(TableInfo table) => " FROM " + SqlText.QualifiedName(table.Schema, table.Name) + " AS " + Alias;

    internal static string Column(string name) => Alias + "." + SqlText.Quote(name);

    /// <summary>
    /// A page: <c>limit + 1</c> rows (the extra row says whether there is a next page). Result columns, in
    /// order: xmin (when <see cref="RowLayout.HasXmin"/>), the key's columns, the cursor's values, then for
    /// each column its text (cut) and its full length.
    /// </summary>
    public static (SqlStatement Statement, RowLayout Layout) Page(TableInfo table, RowQuery query)
    {
        var parameters = new SqlParameters();
        var order = Order(table, query.Sort);
        var keyExpressions = KeyColumns(table).Select(k => k.Expression).ToList();
        var select = new List<string>();
        if (table.HasXmin)
        {
            select.Add(Alias + ".xmin::text");
        }

        select.AddRange(keyExpressions.Select(e => e + "::text"));
        if (order.Keyed)
        {
            select.AddRange(order.Terms.Select(t => t.Expression + "::text"));
        }

        foreach (var column in table.Columns)
        {
            var name = Column(column.Name);
            if (column.IsBytea)
            {
                select.Add($"CASE WHEN octet_length({name}) > {MaxByteaLength} THEN '\\x' || encode(substring({name} FROM 1 FOR {MaxByteaLength}), 'hex') ELSE {name}::text END");
                select.Add($"octet_length({name})");
            }
            else
            {
                select.Add($"left({name}::text, {MaxTextLength})");
                select.Add($"char_length({name}::text)");
            }
        }

        var conditions = Conditions(table, query.Filters, parameters);
        if (query.After is { Values: { } values } && order.Keyed)
        {
            conditions.Add(Keyset.After(order.Terms, values, parameters));
        }
        else if (query.After is { Values: not null } || (query.After is { Offset: not null } && order.Keyed))
        {
            throw new StudioRequestException(400, "The page cursor does not fit this table; start again from the first page.");
        }

        var sql = "SELECT " + string.Join(", ", select) + From(table)
                  + Where(conditions)
                  + (order.Terms.Count > 0 ? " ORDER BY " + string.Join(", ", order.Terms.Select(t => t.OrderBy)) : "")
                  + " LIMIT " + (query.Limit + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                  + (query.After is { Offset: { } offset } ? " OFFSET " + offset.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
        var layout = new RowLayout(table.HasXmin, KeyColumns(table).Select(k => k.Name).ToList(), order.Keyed ? order.Terms.Count : 0, table.Columns);
        return (parameters.Statement(sql), layout);
    }

    public static SqlStatement Count(TableInfo table, IReadOnlyList<ColumnFilter> filters)
    {
        var parameters = new SqlParameters();
        var conditions = Conditions(table, filters, parameters);
        return parameters.Statement("SELECT count(*)" + From(table) + Where(conditions));
    }

    /// <summary>One column's whole value (its text) in the row with this key.</summary>
    public static SqlStatement Cell(TableInfo table, IReadOnlyDictionary<string, string?> key, string column)
    {
        var target = table.RequireColumn(column);
        var parameters = new SqlParameters();
        var condition = KeyCondition(table, key, parameters);
        return parameters.Statement($"SELECT {Column(target.Name)}::text{From(table)} WHERE {condition}");
    }

    /// <summary>Every row that passes the filters, in the grid's order, every value whole.</summary>
    public static SqlStatement Export(TableInfo table, RowQuery query)
    {
        var parameters = new SqlParameters();
        var order = Order(table, query.Sort);
        var conditions = Conditions(table, query.Filters, parameters);
        return parameters.Statement(
            "SELECT " + string.Join(", ", table.Columns.Select(c => Column(c.Name) + "::text"))
            + From(table) + Where(conditions)
            + (order.Terms.Count > 0 ? " ORDER BY " + string.Join(", ", order.Terms.Select(t => t.OrderBy)) : ""));
    }

    /// <summary>
    /// <c>key columns = values</c> for the row named by <paramref name="key"/>: every primary key column,
    /// or <c>ctid</c> for a table without one.
    /// </summary>
    public static string KeyCondition(TableInfo table, IReadOnlyDictionary<string, string?> key, SqlParameters parameters)
    {
        var columns = KeyColumns(table);
        if (columns.Count == 0)
        {
            throw new StudioRequestException(400, $"{table.Schema}.{table.Name} has no key to find a row by.");
        }

        if (key.Count != columns.Count || columns.Any(c => !key.ContainsKey(c.Name)))
        {
            throw new StudioRequestException(400, $"A row of {table.Schema}.{table.Name} is named by {string.Join(", ", columns.Select(c => c.Name))}; the key given has {string.Join(", ", key.Keys)}.");
        }

        return string.Join(" AND ", columns.Select(c => key[c.Name] is { } value
            ? c.Expression + " = " + parameters.Add(value, c.Type)
            : throw new StudioRequestException(400, $"The key column {c.Name} cannot be null.")));
    }

    /// <summary>The filters as SQL conditions (ANDed by the caller).</summary>
    public static List<string> Conditions(TableInfo table, IReadOnlyList<ColumnFilter> filters, SqlParameters parameters)
    {
        var conditions = new List<string>();
        foreach (var filter in filters)
        {
            var column = table.RequireColumn(filter.Column);
            var name = Column(column.Name);
            conditions.Add(filter.Operator switch
            {
                FilterOperator.Eq => name + " = " + parameters.Add(filter.Value, column.Type),
                FilterOperator.Ne => name + " <> " + parameters.Add(filter.Value, column.Type),
                FilterOperator.Lt => name + " < " + parameters.Add(filter.Value, column.Type),
                FilterOperator.Le => name + " <= " + parameters.Add(filter.Value, column.Type),
                FilterOperator.Gt => name + " > " + parameters.Add(filter.Value, column.Type),
                FilterOperator.Ge => name + " >= " + parameters.Add(filter.Value, column.Type),
                FilterOperator.Contains => name + "::text ILIKE " + parameters.Add("%" + SqlText.LikeEscape(filter.Value!) + "%"),
                FilterOperator.StartsWith => name + "::text ILIKE " + parameters.Add(SqlText.LikeEscape(filter.Value!) + "%"),
                FilterOperator.IsNull => name + " IS NULL",
                FilterOperator.NotNull => name + " IS NOT NULL",
                _ => throw new StudioRequestException(400, $"Unknown filter operator {filter.Operator}."),
            });
        }

        return conditions;
    }

    private static string Where(List<string> conditions) => conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);

    private sealed record KeyColumn(string Name, string Expression, string Type);

    private static List<KeyColumn> KeyColumns(TableInfo table)
    {
        if (table.PrimaryKey.Count > 0)
        {
            return table.PrimaryKey.Select(k => new KeyColumn(k, Column(k), table.RequireColumn(k).Type)).ToList();
        }

        return table.HasCtid ? [new KeyColumn(CtidKey, Alias + "." + CtidKey, "tid")] : [];
    }

    /// <summary>The sort columns, then the key as the tie-breaker (in the last sort column's direction). Keyed: the order is total, so keyset paging applies.</summary>
    private static (IReadOnlyList<OrderTerm> Terms, bool Keyed) Order(TableInfo table, IReadOnlyList<SortColumn> sort)
    {
        var terms = new List<OrderTerm>();
        foreach (var item in sort)
        {
            var column = table.RequireColumn(item.Column);
            if (terms.All(t => t.Expression != Column(column.Name)))
            {
                terms.Add(new OrderTerm(Column(column.Name), column.Type, item.Descending, column.Nullable));
            }
        }

        // The key goes the way of the last sort column: when every column goes one way the page condition
        // is a row-value comparison that an index on (column, key) answers, read backwards for DESC.
        var key = KeyColumns(table);
        var descending = terms.Count > 0 && terms[^1].Descending;
        foreach (var column in key.Where(k => terms.All(t => t.Expression != k.Expression)))
        {
            terms.Add(new OrderTerm(column.Expression, column.Type, descending, false));
        }

        return (terms, key.Count > 0);
    }
}

/// <summary>Where a page's result columns are: see <see cref="TableQueries.Page"/>.</summary>
internal sealed record RowLayout(bool HasXmin, IReadOnlyList<string> KeyNames, int CursorValues, IReadOnlyList<ColumnInfo> Columns)
{
    public int KeyStart => HasXmin ? 1 : 0;

    public int CursorStart => KeyStart + KeyNames.Count;

    public int CellStart => CursorStart + CursorValues;
}
