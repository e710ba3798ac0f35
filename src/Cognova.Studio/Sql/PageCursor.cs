using System.Text;
using System.Text.Json;

namespace Cognova.Studio.Sql;

/// <summary>
/// Where the next page starts: the last row's values of the sort columns and the key (as PostgreSQL's
/// text), or, for a relation without a key (a view), a row offset. Opaque to the client: base64url JSON.
/// </summary>
internal sealed record PageCursor(IReadOnlyList<string?>? Values, long? Offset)
{
    public string Encode()
    {
        var json = Values is not null
            ? JsonSerializer.Serialize(new Dictionary<string, object?> { ["v"] = Values })
            : JsonSerializer.Serialize(new Dictionary<string, object?> { ["o"] = Offset });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static PageCursor Decode(string text)
    {
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            using var document = JsonDocument.Parse(Convert.FromBase64String(base64));
            var root = document.RootElement;
            if (root.TryGetProperty("v", out var values) && values.ValueKind == JsonValueKind.Array)
            {
                return new PageCursor(values.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()).ToList(), null);
            }

            if (root.TryGetProperty("o", out var offset) && offset.TryGetInt64(out var rows) && rows >= 0)
            {
                return new PageCursor(null, rows);
            }
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
        }

        throw new StudioRequestException(400, "The page cursor 'after' is not one this studio wrote; start again from the first page.");
    }
}
