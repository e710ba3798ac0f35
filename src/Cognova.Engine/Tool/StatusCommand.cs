using System.Text.Json;
using Cognova.Engine.DesignTime;
using Cognova.Engine.Drift;
using Cognova.Engine.Tool.Schema;
using Cognova.Migrations;
using Cognova.Migrations.Tooling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cognova.Engine.Tool;

/// <summary>
/// <c>dotnet cognova status</c>: the migrations the database applied, those pending, those it has and
/// the code does not; model drift; the lock file; and whether the live schema differs from what the
/// applied migrations create (a table or column changed by hand), naming each difference.
/// </summary>
internal static class StatusCommand
{
    public static int Run(CliSession session)
    {
        // Reading the live schema also opens the connection: no separate warm-up.
        var earlyRead = EarlySchemaRead.Start(session);
        if (earlyRead is null)
        {
            session.Database.WarmUp();
        }

        using var context = session.CreateContext();
        var database = session.Database.Use(context);
        var console = session.Console;
        var reporter = new HostReporter(session.Log);
        var migrations = context.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();

        // Three strands on two cores, each on its own instance of the context (EF Core contexts are not
        // thread-safe): what needs no database (drift, the migrations' SQL against the lock), the live
        // schema, and the migration history on this one.
        var offlineContext = CliSession.CreateSibling(context);
        var offline = offlineContext is null ? null : Task.Run(() => Offline(session, offlineContext, reporter));
        var liveContext = CliSession.CreateSibling(context);
        liveContext?.Database.SetConnectionString(context.Database.GetConnectionString());
        var live = liveContext is null ? null : Task.Run(() => ReadLive(session, liveContext, earlyRead));
        try
        {
            MigrationStatus history;
            SchemaComparison schema;
            using (console.Progress($"Reading {database}"))
            {
                history = session.Log.Step("read the migration history", () => MigrationStatusReader.ReadAsync(context).GetAwaiter().GetResult());
                schema = CompareSchema(session, context, history, reporter, live ?? Task.FromResult(ReadLive(session, context, earlyRead)));
            }

            var (drift, lockState) = offline?.GetAwaiter().GetResult() ?? Offline(session, context, reporter);
            var report = new StatusReport(session.ContextName, database, migrations, history, drift, lockState, schema);
            if (session.Request.Json)
            {
                console.Data(report.ToJson());
            }
            else
            {
                report.Print(console);
            }

            return ExitCodes.Success;
        }
        finally
        {
            // A strand whose result was not needed (e.g. the live schema when unknown migrations skip the
            // comparison) may still be using its context: let it finish before the context goes.
            WaitQuietly(offline);
            WaitQuietly(live);
            offlineContext?.Dispose();
            liveContext?.Dispose();
        }
    }

    private static void WaitQuietly(Task? strand)
    {
        try
        {
            strand?.Wait();
        }
        catch (AggregateException)
        {
            // Its failure was reported where its result was used, or its result was not needed.
        }
    }

    private static (ModelDrift Drift, MigrationLockState Lock) Offline(CliSession session, DbContext context, HostReporter reporter)
        => (session.Log.Step("diff the model against the snapshot", () => DriftDetector.Detect(context, reporter)), MigrationLockState.Load(session, context));

    /// <summary>
    /// The live schema as a model (null when the database does not exist): what <paramref name="earlyRead"/> read
    /// when it read what this would, else read through <paramref name="context"/>'s connection.
    /// </summary>
    private static IModel? ReadLive(CliSession session, DbContext context, EarlySchemaRead? earlyRead)
    {
        var model = context.GetService<IDesignTimeModel>().Model;
        var designServices = LiveSchema.DesignServices(context, session.Log);
        return earlyRead?.Take(context.Database.GetConnectionString(), LiveSchema.SchemasOf(model)) is { } database
            ? LiveSchema.ToModel(database, context, designServices, model, session.Log)
            : LiveSchema.Read(context, designServices, model, session.Log);
    }

    /// <summary>
    /// Compares the live schema with the model of the last migration the database applied (its
    /// <c>BuildTargetModel</c>, or the snapshot when it is the latest migration), and sorts the
    /// differences by what the applied migrations' operations explain (<see cref="MigrationTrail"/>).
    /// </summary>
    private static SchemaComparison CompareSchema(CliSession session, DbContext context, MigrationStatus history, HostReporter reporter, Task<IModel?> live)
    {
        if (history.Unknown.Count > 0)
        {
            return SchemaComparison.Skipped("the database has migrations this code does not know, so what they created is unknown");
        }

        var migrationsAssembly = context.GetService<IMigrationsAssembly>();
        if (migrationsAssembly.Migrations.Count == 0)
        {
            return SchemaComparison.Skipped("the code has no migrations to compare the database with (a database kept in step by dotnet cognova push)");
        }

        var provider = context.GetService<IDatabaseProvider>().Name;
        var applied = history.Applied.Select(id => migrationsAssembly.CreateMigration(migrationsAssembly.Migrations[id], provider)).ToList();
        var lastApplied = history.Applied.Count > 0 ? history.Applied[^1] : null;
        IModel? expected = null;
        if (lastApplied is not null)
        {
            var model = applied[^1].TargetModel
                        ?? (lastApplied == migrationsAssembly.Migrations.Keys.Last() ? migrationsAssembly.ModelSnapshot?.Model : null);
            if (model is null)
            {
                return SchemaComparison.Skipped($"migration {lastApplied} has no target model (no .Designer.cs file), so what it created is unknown");
            }

            expected = new SnapshotModelProcessor(reporter, context.GetService<IModelRuntimeInitializer>()).Process(model, resetVersion: false);
        }

        var liveModel = live.GetAwaiter().GetResult();
        var differences = session.Log.Step("diff the database against the applied migrations", () => SchemaDiff.Between(context, expected, liveModel));
        var trail = session.Log.Step("walk the applied migrations' operations", () => MigrationTrail.Walk(
            history.Applied.Zip(applied).SelectMany(m => m.Second.UpOperations.Select(operation => (m.First, operation)))));
        var classified = SchemaDifferenceClassifier.Classify(differences, trail);
        return new SchemaComparison(
            true,
            null,
            lastApplied,
            DriftDescriber.Describe(classified.ByHand),
            DriftDescriber.Describe(classified.Unexplained),
            classified.ByMigrations);
    }
}

/// <summary>
/// The live schema compared with the applied migrations, or why it was not compared: the differences
/// nothing the migrations did explains (changed by hand), those their raw SQL may have made, and those
/// their operations made although their model does not record them.
/// </summary>
internal sealed record SchemaComparison(
    bool Compared,
    string? SkippedBecause,
    string? AgainstMigration,
    IReadOnlyList<string> ByHand,
    IReadOnlyList<string> Unexplained,
    IReadOnlyList<string> ByMigrations)
{
    public static SchemaComparison Skipped(string reason) => new(false, reason, null, [], [], []);
}

/// <summary>What <c>status</c> found, as text for people or as JSON for scripts.</summary>
internal sealed class StatusReport(
    string contextName,
    DatabaseTarget database,
    IReadOnlyList<string> migrations,
    MigrationStatus history,
    ModelDrift drift,
    MigrationLockState lockState,
    SchemaComparison schema)
{
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    private readonly IReadOnlyList<string> _drift = DriftDescriber.Describe(drift.Differences);

    public void Print(CliConsole console)
    {
        console.Heading($"{contextName}: {database} (from {database.Source})");
        console.Line();
        console.Line($"Migrations: {migrations.Count} in the code, {history.Applied.Count - history.Unknown.Count} applied, {history.Pending.Count} pending"
                     + (history.Unknown.Count > 0 ? $", {history.Unknown.Count} unknown to the code" : ""));
        var unknown = history.Unknown.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var id in history.Applied)
        {
            if (unknown.Contains(id))
            {
                console.Warning($"  unknown  {id}  (applied to the database, not in the code: pull, or this database runs a newer version)");
            }
            else
            {
                console.Success($"  applied  {id}");
            }
        }

        foreach (var id in history.Pending)
        {
            console.Warning($"  pending  {id}");
        }

        if (history.Pending.Count > 0)
        {
            console.Dim("  Apply them: dotnet cognova migrate");
        }

        console.Line();
        if (!drift.HasMigrations)
        {
            console.Warning($"Model: {contextName} has no migrations. Create the first one: dotnet cognova generate InitialCreate");
        }
        else if (_drift.Count == 0)
        {
            console.Success($"Model: matches the snapshot of {drift.LatestMigrationId}.");
        }
        else
        {
            console.Warning($"Model: {Count(_drift.Count, "change")} that no migration captures (compared with the snapshot of {drift.LatestMigrationId}):");
            foreach (var line in _drift)
            {
                console.Line("  - " + line);
            }

            console.Dim("  Add a migration: dotnet cognova generate <Name>");
        }

        PrintSchema(console);
        PrintLock(console);
    }

    private void PrintSchema(CliConsole console)
    {
        if (!schema.Compared)
        {
            console.Warning($"Schema: not compared: {schema.SkippedBecause}.");
            return;
        }

        var madeByMigrations = schema.ByMigrations.Count == 0
            ? ""
            : $" ({Count(schema.ByMigrations.Count, "difference")} from their model that the migrations made themselves, nothing to undo{(console.IsVerbose ? "" : "; --verbose lists them")})";
        if (schema.ByHand.Count == 0 && schema.Unexplained.Count == 0)
        {
            console.Success(schema.AgainstMigration is null
                ? "Schema: the database has no tables of this model, as expected with no migration applied."
                : $"Schema: matches what the applied migrations create{madeByMigrations}.");
        }

        if (schema.ByHand.Count > 0)
        {
            console.Warning(schema.AgainstMigration is null
                ? $"Schema: no migration is applied, yet the database has objects of this model (pushed, or made by hand; {Count(schema.ByHand.Count, "difference")}):"
                : $"Schema: the database differs from what the applied migrations create ({Count(schema.ByHand.Count, "difference")}; changed by hand?), "
                  + "read as changes made to the database:");
            foreach (var line in schema.ByHand)
            {
                console.Line("  - " + line);
            }

            console.Dim("  Capture a change you want to keep in the model and a migration; undo the others by hand.");
        }

        if (schema.Unexplained.Count > 0)
        {
            console.Warning($"Schema: the database differs from the model of the applied migrations ({Count(schema.Unexplained.Count, "difference")}) "
                            + "that the migrations may have made (an object their raw SQL changes, a default they set that reads back differently), so not necessarily by hand:");
            foreach (var line in schema.Unexplained)
            {
                console.Line("  - " + line);
            }

            console.Dim("  Compare them with the migrations' Sql() calls before changing anything: a database built only by the migrations needs no change.");
        }

        if (schema.ByMigrations.Count > 0 && (schema.ByHand.Count > 0 || schema.Unexplained.Count > 0))
        {
            console.Dim($"  Left out: {Count(schema.ByMigrations.Count, "difference")} from the model that the applied migrations made themselves "
                        + (console.IsVerbose ? "(nothing to undo):" : "(nothing to undo; --verbose lists them)."));
        }

        if (console.IsVerbose)
        {
            foreach (var line in schema.ByMigrations)
            {
                console.Dim("  = " + line);
            }
        }
    }

    private void PrintLock(CliConsole console)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, lockState.LockPath);
        if (!lockState.LockFileExists)
        {
            console.Dim($"Lock: no lock file yet ({relative}); dotnet cognova generate and the build write it.");
            return;
        }

        var problems = lockState.IntegrityProblems();
        var notLocked = migrations.Where(id => !lockState.IsLocked(id)).ToList();
        if (problems.Count > 0)
        {
            console.Danger($"Lock: {relative} does not match the migrations:");
            foreach (var problem in problems)
            {
                console.Danger($"  - {problem.Code}: {problem.Message}");
            }
        }
        else if (notLocked.Count > 0)
        {
            console.Warning($"Lock: {Count(notLocked.Count, "migration")} not in {relative}: {string.Join(", ", notLocked)}. Review them: dotnet cognova review");
        }
        else
        {
            console.Success($"Lock: all {migrations.Count} migrations are locked in {relative}.");
        }
    }

    public string ToJson()
    {
        var unknown = history.Unknown.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var document = new
        {
            context = contextName,
            database = new { host = database.Host, port = database.Port, name = database.Database, source = database.Source },
            migrations,
            applied = history.Applied.Where(id => !unknown.Contains(id)).ToList(),
            pending = history.Pending,
            unknown = history.Unknown,
            model = new { hasMigrations = drift.HasMigrations, snapshotOf = drift.LatestMigrationId, drift = _drift },
            schema = new
            {
                compared = schema.Compared,
                skippedBecause = schema.SkippedBecause,
                againstMigration = schema.AgainstMigration,
                differences = schema.ByHand,
                unexplained = schema.Unexplained,
                madeByMigrations = schema.ByMigrations,
            },
            @lock = new
            {
                file = lockState.LockPath,
                exists = lockState.LockFileExists,
                notLocked = migrations.Where(id => !lockState.IsLocked(id)).ToList(),
                problems = lockState.LockFileExists ? lockState.IntegrityProblems().Select(p => new { code = p.Code, message = p.Message }).ToList() : [],
            },
        };
        return JsonSerializer.Serialize(document, IndentedJson);
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
