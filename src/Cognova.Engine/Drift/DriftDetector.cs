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
        snapshot ??= context.GetService<IMigrationsAssembly>().ModelSnapshot;
        return Compare(context, snapshot is null ? null : Finalize(context.GetService<IModelRuntimeInitializer>(), reporter, snapshot));
    }

    /// <summary>
    /// Finalizes the snapshot's model on another thread once <paramref name="loading"/> has built it: that needs only
    /// the context's model initializer, not the context, so it runs while the caller goes on with the context (the
    /// current model's relational model, the cache). <see cref="Detect(DbContext, IOperationReporter, Task{FinalizedSnapshot})"/> compares.
    /// </summary>
    public static Task<FinalizedSnapshot?> StartFinalizing(DbContext context, IOperationReporter reporter, Task<ModelSnapshot?> loading)
    {
        var initializer = context.GetService<IModelRuntimeInitializer>();
        return Task.Run(() => loading.GetAwaiter().GetResult() is { } snapshot ? Finalize(initializer, reporter, snapshot) : null);
    }

    /// <param name="finalizing">From <see cref="StartFinalizing"/>; when it has no snapshot, EF Core's own lookup runs.</param>
    public static ModelDrift Detect(DbContext context, IOperationReporter reporter, Task<FinalizedSnapshot?> finalizing)
    {
        var current = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        return finalizing.GetAwaiter().GetResult() is { } finalized ? Compare(context, finalized, current) : Detect(context, reporter);
    }

    private static FinalizedSnapshot Finalize(IModelRuntimeInitializer initializer, IOperationReporter reporter, ModelSnapshot snapshot)
        => new(snapshot, new SnapshotModelProcessor(reporter, initializer).Process(snapshot.Model, resetVersion: false)?.GetRelationalModel());

    private static ModelDrift Compare(DbContext context, FinalizedSnapshot? snapshot, IRelationalModel? current = null)
    {
        var migrationsAssembly = context.GetService<IMigrationsAssembly>();
        var contextName = context.GetType().Name;
        if (snapshot is null)
        {
            return new ModelDrift(contextName, null, null, []);
        }

        current ??= context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var differences = context.GetService<IMigrationsModelDiffer>().GetDifferences(snapshot.Model, current);
        return new ModelDrift(
            contextName,
            snapshot.Snapshot.GetType().Name,
            migrationsAssembly.Migrations.Keys.LastOrDefault(),
            differences);
    }
}

/// <summary>A model snapshot with its model processed and finalized, as the model differ compares it.</summary>
internal sealed record FinalizedSnapshot(ModelSnapshot Snapshot, IRelationalModel? Model);
