using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Cognova.Engine.Lint;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cognova.Engine.Cache;

/// <summary>
/// What a migration's SQL and findings depend on, as one hash per migration: its own source files, the
/// key of the migration before it (the rules read the model before it), and what all migrations of the
/// context share (<see cref="ForContext"/>). A migration whose key is unchanged gives the same SQL and
/// findings as the last time it was generated.
/// </summary>
internal static class MigrationCacheKeys
{
    /// <summary>Raised when the cached form or the key changes meaning.</summary>
    public const int FormatVersion = 1;

    /// <summary>
    /// Services whose implementation decides the SQL, the model a migration builds or how the rules read
    /// it; a replaced one (<c>ReplaceService</c>) changes the key.
    /// </summary>
    private static readonly Type[] SqlServices =
    [
        typeof(IMigrationsSqlGenerator), typeof(IRelationalTypeMappingSource), typeof(ISqlGenerationHelper),
        typeof(IModelRuntimeInitializer), typeof(IMigrationsAssembly), typeof(IRelationalAnnotationProvider),
    ];

    /// <summary>
    /// What every migration of the context shares: Cognova.Build itself, EF Core and the provider, the
    /// services that generate SQL, the context's provider options and the rule severities.
    /// </summary>
    public static string ForContext(DbContext context, Type contextType, RuleSeverities severities, MigrationSourceFiles files)
    {
        var text = new StringBuilder()
            .Append("format ").Append(FormatVersion).Append('\n')
            .Append("host ").Append(Identity(typeof(MigrationCacheKeys).Assembly)).Append('\n')
            .Append("efcore ").Append(Identity(typeof(DbContext).Assembly)).Append('\n')
            .Append("relational ").Append(Identity(typeof(RelationalOptionsExtension).Assembly)).Append('\n')
            .Append("context ").Append(contextType.AssemblyQualifiedName).Append('\n')
            .Append("rules ").Append(severities.Describe()).Append('\n');
        foreach (var service in SqlServices)
        {
            var implementation = context.GetService(service)?.GetType();
            text.Append(service.Name).Append(' ').Append(implementation is null ? "none" : ImplementationIdentity(implementation, contextType.Assembly, files)).Append('\n');
        }

        text.Append("options ").Append(OptionsFingerprint.Of(context.GetService<IDbContextOptions>()));
        return Hash(text.ToString());
    }

    /// <summary>
    /// One key per migration, in order; null for a migration whose files are not found or cannot be read,
    /// and for every migration after it (their model before it is unknown).
    /// </summary>
    public static IReadOnlyList<string?> ForMigrations(string contextKey, IReadOnlyList<(string Id, Type Type)> migrations, MigrationSourceFiles files)
    {
        var keys = new List<string?>(migrations.Count);
        string? previous = contextKey;
        foreach (var (id, type) in migrations)
        {
            previous = previous is null ? null : ForMigration(previous, id, type, files);
            keys.Add(previous);
        }

        return keys;
    }

    private static string? ForMigration(string previous, string id, Type type, MigrationSourceFiles files)
    {
        var text = new StringBuilder().Append(previous).Append('\n').Append(id).Append('\n').Append(type.FullName).Append('\n');
        var sources = files.Of(type.Name);
        if (sources.Count == 0)
        {
            return null;
        }

        foreach (var file in sources)
        {
            var hash = files.Hash(file);
            if (hash is null)
            {
                return null;
            }

            text.Append(Path.GetFileName(file)).Append(' ').Append(hash).Append('\n');
        }

        return Hash(text.ToString());
    }

    /// <summary>
    /// A service implemented in the application itself is known by its source files (its assembly changes
    /// with every build); any other by its assembly's identity.
    /// </summary>
    private static string ImplementationIdentity(Type implementation, Assembly application, MigrationSourceFiles files)
    {
        if (implementation.Assembly != application)
        {
            return implementation.FullName + " " + Identity(implementation.Assembly);
        }

        var sources = files.Of(implementation.Name);
        return implementation.FullName + " " + (sources.Count == 0 ? "unknown " + Guid.NewGuid() : string.Join(",", sources.Select(files.Hash)));
    }

    private static string Identity(Assembly assembly) => assembly.GetName().Name + " " + assembly.ManifestModule.ModuleVersionId;

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
