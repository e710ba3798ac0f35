using System.Reflection;
using Cognova.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cognova.Bundle;

/// <summary>
/// Compares each migration with the lock just before it runs, on the migrator's own instance of it: its
/// operations and target model are built once, for the comparison and for the run, so the check costs
/// one more SQL generation per migration and nothing else. A migration whose SQL differs is refused
/// before any of it runs. Call <see cref="BundleIntegrity.VerifyIds"/> first.
/// </summary>
public sealed class BundleVerification(DbContext context, BundleManifestData manifest)
{
    private readonly Dictionary<string, string> _lockedSql = manifest.Migrations.ToDictionary(m => m.Id, m => m.Sql, StringComparer.Ordinal);
    private readonly IMigrationsSqlGenerator _generator = context.GetService<IMigrationsSqlGenerator>();
    private readonly IModelRuntimeInitializer _initializer = context.GetService<IModelRuntimeInitializer>();

    public int Verified { get; private set; }

    /// <summary>Throws the bundle's mismatch error when <paramref name="migration"/> does not generate its locked SQL.</summary>
    public Task VerifyAsync(Migration migration, CancellationToken cancellationToken)
    {
        var type = migration.GetType();
        var id = type.GetCustomAttribute<MigrationAttribute>()?.Id ?? type.Name;
        var model = migration.TargetModel is null ? null : _initializer.Initialize(migration.TargetModel);
        var script = MigrationScripts.Build(id, type.Name, migration.UpOperations, _generator, model, typeMappings: null, modelBefore: null);
        if (!_lockedSql.TryGetValue(id, out var locked) || locked != script.SqlHash)
        {
            throw BundleIntegrity.Mismatch([BundleIntegrity.SqlDiffers(id)]);
        }

        Verified++;
        return Task.CompletedTask;
    }
}
