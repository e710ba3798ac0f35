using Cognova.Studio.Catalog;
using Cognova.Studio.Sql;

namespace Cognova.Studio.Edits;

/// <summary>A change as SQL: the statement to run (values as parameters) and the same statement with literals for the preview.</summary>
/// <param name="ChecksRowVersion">An update or delete by key and <c>xmin</c>: when it touches no row, the row changed or vanished since it was read.</param>
internal sealed record PlannedChange(int Index, SqlStatement Statement, string Preview, bool ChecksRowVersion, string Row);

/// <summary>
/// Turns staged changes into SQL. Updates and deletes find their row by the primary key and the row version
/// it was read at (<c>xmin</c>), so a row someone else changed meanwhile is reported, not overwritten. An insert
/// says per column whether it gets a value, NULL or its DEFAULT; a column left out gets its DEFAULT.
/// </summary>
internal static class EditPlanner
{
    public static PlannedChange Plan(int index, Change change, TableInfo table)
    {
        var (text, rowDescription) = Write(change, table, new SqlParameters(literals: true));
        var parameters = new SqlParameters();
        var (sql, _) = Write(change, table, parameters);
        return new PlannedChange(index, parameters.Statement(sql), text, change.Kind != "insert", rowDescription);
    }

    private static (string Sql, string Row) Write(Change change, TableInfo table, SqlParameters parameters)
    {
        if (table.Kind is not ("table" or "partitionedTable"))
        {
            throw new StudioRequestException(400, $"{table.Schema}.{table.Name} is a {table.Kind}: only tables can be changed here.");
        }

        var name = SqlText.QualifiedName(table.Schema, table.Name);
        if (change.Kind == "insert")
        {
            var cells = Cells(change, table, forInsert: true);
            var sql = cells.Count == 0
                ? $"INSERT INTO {name} DEFAULT VALUES"
                : $"INSERT INTO {name} ({string.Join(", ", cells.Select(c => SqlText.Quote(c.Column.Name)))}) VALUES ({string.Join(", ", cells.Select(c => Value(c.Edit, c.Column, parameters)))})";
            return (sql, $"a new row of {table.Schema}.{table.Name}");
        }

        if (!table.IsEditable)
        {
            throw new StudioRequestException(400, $"{table.Schema}.{table.Name} has no primary key: its rows cannot be named safely, so they are read-only here.");
        }

        if (string.IsNullOrEmpty(change.Xmin))
        {
            throw new StudioRequestException(400, $"An {change.Kind} needs the row's xmin as it was read, to notice a concurrent change.");
        }

        var row = $"the row {string.Join(", ", table.PrimaryKey.Select(k => $"{k} = {(change.Key.TryGetValue(k, out var v) ? v : "?")}"))} of {table.Schema}.{table.Name}";
        string set = "";
        if (change.Kind == "update")
        {
            var cells = Cells(change, table, forInsert: false);
            if (cells.Count == 0)
            {
                throw new StudioRequestException(400, $"The update of {row} sets no column.");
            }

            set = " SET " + string.Join(", ", cells.Select(c => SqlText.Quote(c.Column.Name) + " = " + Value(c.Edit, c.Column, parameters)));
        }

        var where = " WHERE " + TableQueries.KeyCondition(table, change.Key, parameters) + " AND " + TableQueries.Alias + ".xmin = " + parameters.Add(change.Xmin, "xid");
        var statement = change.Kind == "update"
            ? $"UPDATE {name} AS {TableQueries.Alias}{set}{where}"
            : $"DELETE FROM {name} AS {TableQueries.Alias}{where}";
        return (statement, row);
    }

    private static List<(ColumnInfo Column, CellEdit Edit)> Cells(Change change, TableInfo table, bool forInsert)
    {
        var cells = new List<(ColumnInfo, CellEdit)>();
        foreach (var (columnName, edit) in change.Cells)
        {
            var column = table.RequireColumn(columnName);
            if (column.Generated && !edit.IsDefault)
            {
                throw new StudioRequestException(400, $"{table.Schema}.{table.Name}.{column.Name} is a generated column: PostgreSQL computes it.");
            }

            if (column.Identity == "always" && !edit.IsDefault)
            {
                throw new StudioRequestException(400, $"{table.Schema}.{table.Name}.{column.Name} is GENERATED ALWAYS AS IDENTITY: PostgreSQL numbers it.");
            }

            if (forInsert && column.Generated)
            {
                continue;
            }

            cells.Add((column, edit));
        }

        return cells;
    }

    private static string Value(CellEdit edit, ColumnInfo column, SqlParameters parameters)
        => edit.IsDefault ? "DEFAULT" : edit.IsNull ? "NULL" : parameters.Add(edit.Value, column.Type);
}
