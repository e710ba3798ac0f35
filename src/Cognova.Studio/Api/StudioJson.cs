using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cognova.Studio.Api;

/// <summary>The API's JSON: camelCase properties, dictionary keys (column names) as they are, nulls written.</summary>
internal static class StudioJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
