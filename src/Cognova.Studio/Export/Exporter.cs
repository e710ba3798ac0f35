using System.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Npgsql;

namespace Cognova.Studio.Export;

/// <summary>Streams a query's first result to the response as a download, every value whole.</summary>
internal static class Exporter
{
    public static async Task StreamAsync(HttpContext context, NpgsqlCommand command, string name, string? format)
    {
        var cancellationToken = context.RequestAborted;
        await using var writer = ExportWriter.For(format, context.Response.Body);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (reader.FieldCount == 0 && await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
        }

        // The query has started without an error: from here the response is the file.
        context.Response.ContentType = writer.ContentType;
        context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = $"{name}.{writer.Extension}", FileName = $"\"{SafeFileName(name)}.{writer.Extension}\"" }.ToString();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        await writer.BeginAsync(columns, cancellationToken).ConfigureAwait(false);
        var values = new string?[columns.Count];
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = await reader.IsDBNullAsync(i, cancellationToken).ConfigureAwait(false) ? null : reader.GetString(i);
            }

            await writer.RowAsync(values, cancellationToken).ConfigureAwait(false);
        }

        await writer.EndAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string SafeFileName(string name)
        => new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
}
