using Cognova.Engine.DesignTime;
using Cognova.Engine.Drift;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cognova.Engine.WarmUp;

/// <summary>
/// Runs a check's EF Core code paths on <see cref="WarmUpContext"/>: the design-time model, the snapshot's
/// model, the model differ and the SQL generator. EF Core ships without precompiled code, so the first run of
/// these paths is mostly JIT compilation; run while the application is still compiling, it is off the
/// build's critical path.
/// </summary>
internal static class JitWarmUp
{
    public static void Run()
    {
        using var context = new WarmUpContext();
        var reporter = new HostReporter(new HostLog(TextWriter.Null, verbose: false));
        DriftDetector.Detect(context, reporter, new WarmUpSnapshot());

        var model = context.GetService<IDesignTimeModel>().Model;
        var operations = context.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel());
        context.GetService<IMigrationsSqlGenerator>().Generate(operations, model);
    }
}
