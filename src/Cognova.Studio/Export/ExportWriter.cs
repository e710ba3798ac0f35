using System.Text;
using System.Text.Json;

namespace Cognova.Studio.Export;

/// <summary>
/// Writes rows of text values as CSV (RFC 4180: a header row, fields quoted when they hold a comma, quote or
/// line break; NULL is an empty field, an empty string a quoted <c>""</c>) or as a JSON array of objects, a row at
/// a time, so an export of any size streams.
/// </summary>
internal abstract class ExportWriter : IAsyncDisposable
{
    public static ExportWriter For(string? format, Stream output) => format switch
    {
        "csv" or null or "" => new CsvWriter(output),
        "json" => new JsonWriter(output),
        _ => throw new StudioRequestException(400, $"format must be csv or json (got '{format}')."),
    };

    public abstract string ContentType { get; }

    public abstract string Extension { get; }

    public abstract Task BeginAsync(IReadOnlyList<string> columns, CancellationToken cancellationToken);

    public abstract Task RowAsync(IReadOnlyList<string?> values, CancellationToken cancellationToken);

    public abstract Task EndAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    internal static string CsvField(string? value)
    {
        if (value is null)
        {
            return "";
        }

        return value.Length == 0 || value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    private sealed class CsvWriter(Stream output) : ExportWriter
    {
        private readonly StreamWriter _writer = new(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };

        public override string ContentType => "text/csv; charset=utf-8";

        public override string Extension => "csv";

        public override Task BeginAsync(IReadOnlyList<string> columns, CancellationToken cancellationToken)
            => _writer.WriteLineAsync(string.Join(",", columns.Select(CsvField)).AsMemory(), cancellationToken);

        public override Task RowAsync(IReadOnlyList<string?> values, CancellationToken cancellationToken)
            => _writer.WriteLineAsync(string.Join(",", values.Select(CsvField)).AsMemory(), cancellationToken);

        public override async Task EndAsync(CancellationToken cancellationToken)
        {
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        public override ValueTask DisposeAsync() => _writer.DisposeAsync();
    }

    private sealed class JsonWriter(Stream output) : ExportWriter
    {
        private readonly Utf8JsonWriter _writer = new(output);
        private IReadOnlyList<string> _columns = [];

        public override string ContentType => "application/json; charset=utf-8";

        public override string Extension => "json";

        public override Task BeginAsync(IReadOnlyList<string> columns, CancellationToken cancellationToken)
        {
            _columns = columns;
            _writer.WriteStartArray();
            return Task.CompletedTask;
        }

        public override async Task RowAsync(IReadOnlyList<string?> values, CancellationToken cancellationToken)
        {
            _writer.WriteStartObject();
            for (var i = 0; i < values.Count; i++)
            {
                _writer.WriteString(_columns[i], values[i]);
            }

            _writer.WriteEndObject();
            if (_writer.BytesPending > 32 * 1024)
            {
                await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public override async Task EndAsync(CancellationToken cancellationToken)
        {
            _writer.WriteEndArray();
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        public override ValueTask DisposeAsync() => _writer.DisposeAsync();
    }
}
