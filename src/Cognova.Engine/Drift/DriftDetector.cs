using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace Cognova.Engine.Drift;

/// <summary>
/// Compares a DbContext's current model with the model snapshot of its latest migration using
/// EF Core's own services, as <c>dotnet ef migrations has-pending-model-changes</c> does: the
/// snapshot is processed and finalized, then both relational models go through the model differ.
/// </summary>
internal static class DriftDetector
{
    /// <param name="snapshot">The context's snapshot when already built (see <see cref="SnapshotLoader"/>); otherwise EF Core's.</param>
    public static ModelDrift Detect(DbContext context, IOperationReporter reporter, ModelSnapshot? snapshot = null)
    {
        var migrationsAssembly = context.GetService<IMigrationsAssembly>();
        var contextName = context.GetType().Name;
        snapshot ??= migrationsAssembly.ModelSnapshot;
        if (snapshot is null)
        {
            return new ModelDrift(contextName, null, null, []);
        }

        var snapshotModel = new SnapshotModelProcessor(reporter, context.GetService<IModelRuntimeInitializer>())
            .Process(snapshot.Model, resetVersion: false);
        var currentModel = context.GetService<IDesignTimeModel>().Model;
        var differences = context.GetService<IMigrationsModelDiffer>()
            .GetDifferences(snapshotModel?.GetRelationalModel(), currentModel.GetRelationalModel());

        return new ModelDrift(
            contextName,
            snapshot.GetType().Name,
            migrationsAssembly.Migrations.Keys.LastOrDefault(),
            differences);
    }
}
