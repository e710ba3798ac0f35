using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Drift;

/// <summary>
/// The result of comparing one DbContext's model with the snapshot of its latest migration.
/// <see cref="SnapshotTypeName"/> is null when the context has no migration at all.
/// </summary>
public sealed record ModelDrift(
    string ContextName,
    string? SnapshotTypeName,
    string? LatestMigrationId,
    IReadOnlyList<MigrationOperation> Differences)
{
    public bool HasMigrations => SnapshotTypeName is not null;
}
