using System.Text.Json;
using Cognova.Migrations.Tooling;

namespace Cognova.Bundle;

/// <summary>The manifest the build put into the bundle's runtimeconfig.json: the application, its DbContext (and the assembly that declares it) and the locked hash of each migration.</summary>
public sealed record BundleManifestData(
    string Application,
    string ContextType,
    IReadOnlyList<(string Id, string Sql)> Migrations,
    string HistoryTable,
    string? HistorySchema,
    string ContextAssembly)
{
    public const string PropertyName = "Cognova.Bundle.Manifest";

    public static BundleManifestData Read()
    {
        if (AppContext.GetData(PropertyName) is not string json)
        {
            throw new BundleUsageException("This bundle has no manifest: it was not built by Cognova.Build's publish. Publish the project again.");
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var migrations = root.GetProperty("migrations").EnumerateArray()
            .Select(m => (m.GetProperty("id").GetString()!, m.GetProperty("sql").GetString()!))
            .ToList();
        var application = root.GetProperty("application").GetString()!;
        return new BundleManifestData(
            application,
            root.GetProperty("contextType").GetString()!,
            migrations,
            root.TryGetProperty("historyTable", out var table) && table.GetString() is { } name ? name : "__EFMigrationsHistory",
            root.TryGetProperty("historySchema", out var schema) ? schema.GetString() : null,
            root.TryGetProperty("contextAssembly", out var assembly) && assembly.GetString() is { } declaring ? declaring : application);
    }
}
