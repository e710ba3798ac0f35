using System.Data;
using System.Text.Json;
using Cognova.Studio.Catalog;
using Cognova.Studio.Sql;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Cognova.Studio.Data;

/// <summary>A value cut on the server: its first characters (bytea: its first bytes as hex) and its full length.</summary>
internal sealed record TruncatedCell(string Truncated, long Length);

/// <summary>One row of a page: its key (to edit it or open a cell), its row version, its cells (text, null or <see cref="TruncatedCell"/>).</summary>
internal sealed record RowResult(IReadOnlyDictionary<string, string?> Key, string? Xmin, IReadOnlyList<object?> Cells);

internal sealed record RowPage(IReadOnlyList<string> Columns, IReadOnlyList<RowResult> Rows, string? Next);

/// <summary>Reads pages, counts and whole cells of a table.</summary>
internal sealed class TableBrowser(NpgsqlDataSource dataSource)
{
    public async Task<RowPage> PageAsync(TableInfo table, RowQuery query, CancellationToken cancellationToken)
    {
        var (statement, layout) = TableQueries.Page(table, query);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = statement.ToCommand(connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<RowResult>();
        IReadOnlyList<string?>? lastCursor = null;
        var more = false;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (rows.Count == query.Limit)
            {
                more = true;
                break;
            }

            var key = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < layout.KeyNames.Count; i++)
            {
                key[layout.KeyNames[i]] = Text(reader, layout.KeyStart + i);
            }

            var cells = new object?[layout.Columns.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                var ordinal = layout.CellStart + (2 * i);
                cells[i] = Cell(reader, ordinal, layout.Columns[i]);
            }

            rows.Add(new RowResult(key, layout.HasXmin ? Text(reader, 0) : null, cells));
            lastCursor = Enumerable.Range(layout.CursorStart, layout.CursorValues).Select(i => Text(reader, i)).ToList();
        }

        string? next = null;
        if (more)
        {
            next = layout.CursorValues > 0
                ? new PageCursor(lastCursor, null).Encode()
                : new PageCursor(null, (query.After?.Offset ?? 0) + query.Limit).Encode();
        }

        return new RowPage(table.Columns.Select(c => c.Name).ToList(), rows, next);
    }

    public async Task<long> CountAsync(TableInfo table, IReadOnlyList<ColumnFilter> filters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = TableQueries.Count(table, filters).ToCommand(connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Writes <c>{ "value": "…" }</c> with the whole value of one cell (a 404 when the row is gone), streamed from
    /// PostgreSQL to the response in pieces: a 50 MB bytea (100 MB of hex text) never sits in memory whole.
    /// </summary>
    public async Task WriteCellAsync(TableInfo table, IReadOnlyDictionary<string, string?> key, string column, HttpResponse response, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = TableQueries.Cell(table, key, column).ToCommand(connection);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new StudioRequestException(404, $"The row of {table.Schema}.{table.Name} with that key is gone.");
        }

        response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(response.Body);
        json.WriteStartObject();
        json.WritePropertyName("value");
        if (await reader.IsDBNullAsync(0, cancellationToken).ConfigureAwait(false))
        {
            json.WriteNullValue();
        }
        else
        {
            using var text = await reader.GetTextReaderAsync(0, cancellationToken).ConfigureAwait(false);
            var buffer = new char[32 * 1024];
            int read;
            while ((read = await text.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                // A surrogate pair cut between two pieces is joined by the writer.
                json.WriteStringValueSegment(buffer.AsSpan(0, read), isFinalSegment: false);
                await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            json.WriteStringValueSegment(ReadOnlySpan<char>.Empty, isFinalSegment: true);
        }

        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>The cell as the API sends it: text, null, or <see cref="TruncatedCell"/> when the value was cut.</summary>
    internal static object? Cell(NpgsqlDataReader reader, int ordinal, ColumnInfo column)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var text = reader.GetString(ordinal);
        var length = Convert.ToInt64(reader.GetValue(ordinal + 1), System.Globalization.CultureInfo.InvariantCulture);
        return CellValue(text, length, column.IsBytea);
    }

    /// <summary>
    /// <paramref name="text"/> is already cut by the query; <paramref name="length"/> is the whole value's
    /// length (characters; bytes for bytea). Cut values carry both.
    /// </summary>
    internal static object CellValue(string text, long length, bool bytea)
        => length > (bytea ? TableQueries.MaxByteaLength : TableQueries.MaxTextLength) ? new TruncatedCell(text, length) : text;
}
