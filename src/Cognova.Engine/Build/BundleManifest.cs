using System.Text.Json;

namespace Cognova.Engine.Build;

/// <summary>
/// What the bundle needs to know about the application: the DbContext to migrate (and the assembly
/// that declares it, a class library in a layered solution) and the locked
/// SQL hash of every migration, so that it can verify its migrations before it touches a database.
/// It travels in the bundle's runtimeconfig.json as the runtime property <see cref="PropertyName"/>
/// (files other than assemblies cannot be read back from a single-file bundle).
/// </summary>
public sealed record BundleManifest(
    string Application,
    string ContextType,
    IReadOnlyList<BundleManifest.LockedMigration> Migrations,
    string HistoryTable = "__EFMigrationsHistory",
    string? HistorySchema = null,
    string? ContextAssembly = null)
{
    public const string PropertyName = "Cognova.Bundle.Manifest";

    public sealed record LockedMigration(string Id, string Sql);

    public string ToJson() => JsonSerializer.Serialize(new
    {
        version = 1,
        application = Application,
        contextType = ContextType,
        contextAssembly = ContextAssembly ?? Application,
        historyTable = HistoryTable,
        historySchema = HistorySchema,
        migrations = Migrations.Select(m => new { id = m.Id, sql = m.Sql }),
    });
}
