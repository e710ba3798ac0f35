using Cognova.Engine.DesignTime;
using Cognova.Engine.Drift;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.WarmUp;

/// <summary>
/// Runs a check's EF Core code paths on <see cref="WarmUpContext"/>: the design-time model, the snapshot's
/// model, the model differ and the SQL generator. EF Core ships without precompiled code, so the first run of
/// these paths is mostly JIT compilation; run while the application is still compiling, it is off the
/// build's critical path. Then the check's own code around them (<see cref="CheckWarmUp"/>).
/// </summary>
internal static class JitWarmUp
{
    public static void Run()
    {
        using var context = new WarmUpContext();
        SnapshotDifferences(context);

        var model = context.GetService<IDesignTimeModel>().Model;
        var operations = context.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel());
        context.GetService<IMigrationsSqlGenerator>().Generate(operations, model);
        CheckWarmUp.Run(context);
    }

    /// <summary>
    /// Builds the warm-up model <paramref name="count"/> times afresh (EF Core otherwise builds a context type's model
    /// once per process). Building a model is most of creating a large DbContext, and its methods run once per entity
    /// and property: called often enough, the runtime recompiles them optimised, so that the application's model is
    /// built by optimised code. Worth it only where the time is free, in a spare host (see SpareHostServer).
    /// </summary>
    public static void BuildModels(int count, CancellationToken stop)
    {
        for (var i = 0; i < count && !stop.IsCancellationRequested; i++)
        {
            using var context = new WarmUpContext(freshModel: true);
            _ = context.GetService<IDesignTimeModel>().Model;
        }
    }

    /// <summary>The model differ's operations from <see cref="WarmUpSnapshot"/> to the model: none, when the two agree.</summary>
    public static IReadOnlyList<MigrationOperation> SnapshotDifferences(WarmUpContext context)
        => DriftDetector.Detect(context, new HostReporter(new HostLog(TextWriter.Null, verbose: false)), new WarmUpSnapshot()).Differences;
}
