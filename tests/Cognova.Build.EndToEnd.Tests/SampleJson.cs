using System.Text.Json;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// JSON the sample's front end may send, shared by the test that compiles it against the generated insert shapes
/// (TypeScriptCompilerTests) and the test that inserts it into PostgreSQL through the sample's EF Core model
/// (TypeScriptInsertTests): what the types accept, the server and the database accept.
/// </summary>
internal static class SampleJson
{
    /// <summary>What the sample's minimal API reads JSON with: it configures none, so ASP.NET Core's defaults (JsonSerializerDefaults.Web).</summary>
    public static JsonSerializerOptions Options { get; } = new Microsoft.AspNetCore.Http.Json.JsonOptions().SerializerOptions;

    /// <summary>The smallest NewUser: id and createdAt have database defaults, so they are optional.</summary>
    public const string MinimalNewUser = """{"name":"Ada","email":"ada@example.com"}""";

    /// <summary>The smallest NewTag: id, createdAt and createdBy are optional.</summary>
    public const string MinimalNewTag = """{"name":"urgent","color":"#ff0000"}""";
}
