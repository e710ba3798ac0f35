using System.Text.Json;

namespace Cognova.Studio.Api;

/// <summary>
/// Values in requests are PostgreSQL's text for the column's type. A JSON string is taken as it is; a JSON
/// number as its digits exactly as written (83261.85 stays 83261.85: it is never read into a double);
/// true/false as their words; null as NULL.
/// </summary>
internal static class ValueText
{
    public static string? Of(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => throw new StudioRequestException(400, $"A value must be a string, a number, true, false or null (got {value.ValueKind.ToString().ToLowerInvariant()}); send JSON documents as a string."),
    };

    public static Dictionary<string, string?> Object(JsonElement value)
        => value.EnumerateObject().ToDictionary(p => p.Name, p => Of(p.Value), StringComparer.Ordinal);
}
