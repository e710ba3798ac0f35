using System.Reflection;
using Cognova.Build.Testing.Postgres;
using Cognova.Migrations.Tests.Contexts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Cognova.Migrations.Tests;

/// <summary>The runner on its own against a real server: lock, failures, kill, timeout, targets.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AdvisoryLockMigratorTests(PostgresServer server)
{
    private static readonly string[] GoodMigrations = ["20260101000001_CreateItems", "20260101000002_CreateTags", "20260101000003_AddItemColor"];

    [Fact]
    public async Task Applies_every_pending_migration_once_then_finds_the_database_up_to_date()
    {
        var db = await TestDatabase.CreateAsync(server, "apply");
        var log = new LogSink();
        var observer = new RecordingObserver();

        MigrationRunResult first;
        await using (var context = db.NewContext<GoodContext>())
        {
            first = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions(), log.Logger, observer);

            // The context has its own connection back and works.
            Assert.NotEqual("Cognova.Migrations", new NpgsqlConnectionStringBuilder(context.Database.GetConnectionString()).ApplicationName);
            Assert.Equal(3, await context.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM \"__EFMigrationsHistory\"").SingleAsync());
        }

        Assert.Equal(MigrationRunStatus.Applied, first.Status);
        Assert.Equal(GoodMigrations, first.Applied.Select(m => m.Id));
        Assert.Null(first.Error);
        Assert.Equal(GoodMigrations.SelectMany(id => new[] { "start " + id, "done " + id }), observer.Events);
        Assert.Equal(GoodMigrations, await db.HistoryAsync());
        Assert.Equal(3, log.WithId(5002).Count());
        Assert.Single(log.WithId(5003));
        Assert.True(await db.LockIsFreeAsync(db.LockIdOf<GoodContext>()));

        await using (var context = db.NewContext<GoodContext>())
        {
            var second = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions(), log.Logger);
            Assert.Equal(MigrationRunStatus.UpToDate, second.Status);
            Assert.Empty(second.Applied);
        }

        Assert.Single(log.WithId(5004));
        Assert.Equal(GoodMigrations, await db.HistoryAsync());
    }

    [Fact]
    public async Task A_failing_migration_leaves_the_database_at_the_previous_one_and_releases_the_lock()
    {
        var db = await TestDatabase.CreateAsync(server, "broken");
        var log = new LogSink();
        await using var context = db.NewContext<BrokenContext>();

        var result = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions(), log.Logger);

        Assert.Equal(MigrationRunStatus.Failed, result.Status);
        Assert.Equal("20260102000002_AlterMissingTable", result.FailedMigration);
        Assert.Equal(["20260102000001_CreateOrders"], result.Applied.Select(m => m.Id));
        Assert.Contains("20260102000002_AlterMissingTable", result.Error);
        Assert.Contains("42P01", result.Error);
        Assert.Contains("no_such_table", result.Error);

        Assert.Equal(["20260102000001_CreateOrders"], await db.HistoryAsync());
        Assert.True(await db.ExistsAsync("orders"));
        Assert.False(await db.ExistsAsync("order_lines")); // the failed migration's first statement was rolled back
        Assert.False(await db.ExistsAsync("invoices"));
        Assert.True(await db.LockIsFreeAsync(db.LockIdOf<BrokenContext>()));

        var error = Assert.Single(log.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Equal(5010, error.Id.Id);
        Assert.Contains("20260102000002_AlterMissingTable", error.Message);
        Assert.Contains("no_such_table", error.Message);
    }

    [Fact]
    public async Task BeforeMigration_sees_each_migration_before_it_runs_and_what_it_throws_stops_the_run_there()
    {
        var db = await TestDatabase.CreateAsync(server, "before_each");
        var log = new LogSink();
        var observer = new RecordingObserver();
        var seen = new List<string>();
        var refusal = new InvalidOperationException("not this one");
        var options = new MigrationRunOptions
        {
            BeforeMigration = async (migration, token) =>
            {
                await Task.Yield();
                var id = migration.GetType().GetCustomAttribute<MigrationAttribute>()!.Id;
                // The instance the migrator runs: its operations are the ones that will be executed.
                Assert.NotEmpty(migration.UpOperations);
                seen.Add(id);
                // By now every migration before this one has committed. (The history table cannot be read
                // from here: EF Core holds a lock on it while it migrates.)
                Assert.Equal(seen.Count - 1, observer.Events.Count(e => e.StartsWith("done ", StringComparison.Ordinal)));
                if (id == GoodMigrations[2])
                {
                    throw refusal;
                }
            },
        };

        await using (var context = db.NewContext<GoodContext>())
        {
            var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => AdvisoryLockMigrator.RunAsync(context, options, log.Logger, observer));
            Assert.Same(refusal, thrown);
        }

        Assert.Equal(GoodMigrations, seen);
        Assert.Equal(GoodMigrations[..2], await db.HistoryAsync());
        Assert.Equal(GoodMigrations[..2].SelectMany(id => new[] { "start " + id, "done " + id }), observer.Events);
        Assert.True(await db.LockIsFreeAsync(db.LockIdOf<GoodContext>()));

        await using (var context = db.NewContext<GoodContext>())
        {
            var rest = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions(), log.Logger);
            Assert.Equal(MigrationRunStatus.Applied, rest.Status);
        }

        Assert.Equal(GoodMigrations, await db.HistoryAsync());
    }

    [Fact]
    public async Task Killing_the_session_that_holds_the_lock_fails_the_run_frees_the_lock_and_the_next_run_completes()
    {
        var db = await TestDatabase.CreateAsync(server, "kill");
        await db.SetAsync("cognova.test_sleep", "60");
        var lockId = db.LockIdOf<SlowContext>();
        var log = new LogSink();

        MigrationRunResult result;
        await using (var context = db.NewContext<SlowContext>())
        {
            var run = AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions(), log.Logger);
            var holder = await WaitForAsync(async () =>
            {
                var pid = await db.LockHolderAsync(lockId);
                var sleeping = pid is { } p && (await db.QueryAsync(
                    "SELECT count(*) FROM pg_stat_activity WHERE pid = @pid AND query LIKE '%pg_sleep%'", r => r.GetInt64(0), ("pid", p)))[0] > 0;
                return sleeping ? pid : null;
            });

            await db.ExecuteAsync($"SELECT pg_terminate_backend({holder})");
            result = await run.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(MigrationRunStatus.Failed, result.Status);
        Assert.Equal("20260103000002_Backfill", result.FailedMigration);
        Assert.Contains("57P01", result.Error);
        Assert.Equal(["20260103000001_CreateEvents"], await db.HistoryAsync());
        Assert.False(await db.ExistsAsync("backfill"));
        Assert.Null(await db.LockHolderAsync(lockId));
        Assert.True(await db.LockIsFreeAsync(lockId));

        await db.SetAsync("cognova.test_sleep", null);
        await using (var context = db.NewContext<SlowContext>())
        {
            var next = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions(), log.Logger);
            Assert.Equal(MigrationRunStatus.Applied, next.Status);
            Assert.Equal(["20260103000002_Backfill", "20260103000003_CreateAudit"], next.Applied.Select(m => m.Id));
        }

        Assert.Equal(3, (await db.HistoryAsync()).Count);
    }

    [Fact]
    public async Task The_timeout_stops_a_long_migration_and_rolls_it_back()
    {
        var db = await TestDatabase.CreateAsync(server, "timeout");
        await db.SetAsync("cognova.test_sleep", "60");
        var log = new LogSink();
        await using var context = db.NewContext<SlowContext>();

        var result = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions { Timeout = TimeSpan.FromSeconds(2) }, log.Logger);

        Assert.Equal(MigrationRunStatus.TimedOut, result.Status);
        Assert.Equal("20260103000002_Backfill", result.FailedMigration);
        Assert.Contains("during migration 20260103000002_Backfill", result.Error);
        Assert.InRange(result.Duration, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(20));
        Assert.Equal(["20260103000001_CreateEvents"], await db.HistoryAsync());
        Assert.True(await db.LockIsFreeAsync(db.LockIdOf<SlowContext>()));
        Assert.Single(log.WithId(5012));
    }

    [Fact]
    public async Task A_lock_held_by_another_session_skips_by_default_and_is_waited_for_with_WaitForLock()
    {
        var db = await TestDatabase.CreateAsync(server, "locked");
        var lockId = db.LockIdOf<GoodContext>();
        var log = new LogSink();
        await using var other = await db.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({lockId})", other))
        {
            await take.ExecuteNonQueryAsync();
        }

        await using (var context = db.NewContext<GoodContext>())
        {
            var skipped = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions(), log.Logger);
            Assert.Equal(MigrationRunStatus.SkippedLocked, skipped.Status);
            Assert.Null(skipped.Error);
        }

        Assert.Single(log.WithId(5005), e => e.Level == Microsoft.Extensions.Logging.LogLevel.Information);
        Assert.Empty(await db.HistoryAsync());

        await using (var context = db.NewContext<GoodContext>())
        {
            var timedOut = await AdvisoryLockMigrator.RunAsync(
                context, new MigrationRunOptions { WaitForLock = true, LockTimeout = TimeSpan.FromMilliseconds(300) }, log.Logger);
            Assert.Equal(MigrationRunStatus.LockTimeout, timedOut.Status);
        }

        Assert.Empty(await db.HistoryAsync());

        await using (var context = db.NewContext<GoodContext>())
        {
            var waiting = AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions { WaitForLock = true }, log.Logger);
            await WaitForAsync(async () => log.WithId(5006).Count() == 2 ? true : (bool?)null);

            // The run is queued behind the held lock in the server, not finished and not polling.
            await WaitForAsync(async () =>
            {
                await using var queued = new NpgsqlCommand($"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1 AND classid::bigint = (({lockId}::bigint >> 32) & 4294967295) AND objid::bigint = ({lockId}::bigint & 4294967295)", other);
                return (long)(await queued.ExecuteScalarAsync())! == 1 ? true : (bool?)null;
            });
            Assert.False(waiting.IsCompleted);

            await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({lockId})", other))
            {
                await release.ExecuteNonQueryAsync();
            }

            var applied = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(MigrationRunStatus.Applied, applied.Status);
            Assert.Equal(3, applied.Applied.Count);
        }

        Assert.Equal(GoodMigrations, await db.HistoryAsync());
        Assert.True(await db.LockIsFreeAsync(lockId));
    }

    [Fact]
    public async Task An_unreachable_server_and_an_unknown_role_are_Unreachable_and_no_password_is_shown()
    {
        var log = new LogSink();
        var closedPort = new NpgsqlConnectionStringBuilder(server.ConnectionString)
        {
            Port = 1, Password = "s3cr3t-value", Timeout = 5, Database = "nowhere",
        };
        await using (var context = new TestDatabase(closedPort.ConnectionString).NewContext<GoodContext>())
        {
            var result = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions(), log.Logger);
            Assert.Equal(MigrationRunStatus.Unreachable, result.Status);
            Assert.NotNull(result.Error);
            Assert.Null(result.FailedMigration);
        }

        var db = await TestDatabase.CreateAsync(server, "role");
        var unknownRole = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = "no_such_role", Password = "s3cr3t-value" };
        await using (var context = new TestDatabase(unknownRole.ConnectionString).NewContext<GoodContext>())
        {
            var result = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions(), log.Logger);
            Assert.Equal(MigrationRunStatus.Unreachable, result.Status);
            Assert.Contains("no_such_role", result.Error);
            Assert.DoesNotContain("s3cr3t-value", result.Error);
        }

        Assert.Equal(2, log.WithId(5011).Count());
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains("s3cr3t-value", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrates_down_to_a_target_and_back_up_one_migration_at_a_time()
    {
        var db = await TestDatabase.CreateAsync(server, "target");
        var log = new LogSink();
        await using (var context = db.NewContext<GoodContext>())
        {
            var toTags = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions { TargetMigration = "CreateTags" }, log.Logger);
            Assert.Equal(["20260101000001_CreateItems", "20260101000002_CreateTags"], toTags.Applied.Select(m => m.Id));
        }

        await using (var context = db.NewContext<GoodContext>())
        {
            var latest = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions(), log.Logger);
            Assert.Equal(["20260101000003_AddItemColor"], latest.Applied.Select(m => m.Id));
        }

        await using (var context = db.NewContext<GoodContext>())
        {
            var status = await MigrationStatusReader.ReadAsync(context);
            Assert.Equal(GoodMigrations, status.Applied);
            Assert.Empty(status.Pending);
            Assert.Empty(status.Unknown);

            var none = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions { TargetMigration = "0" }, log.Logger);
            Assert.Equal(MigrationRunStatus.Applied, none.Status);
            Assert.Equal(GoodMigrations.Reverse(), none.Applied.Select(m => m.Id));
        }

        Assert.Empty(await db.HistoryAsync());
        Assert.False(await db.ExistsAsync("items"));

        await using (var context = db.NewContext<GoodContext>())
        {
            var missing = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions { TargetMigration = "NoSuchMigration" }, log.Logger);
            Assert.Equal(MigrationRunStatus.Failed, missing.Status);
            Assert.Contains("NoSuchMigration", missing.Error);
        }
    }

    [Fact]
    public async Task The_status_names_applied_pending_and_unknown_migrations()
    {
        var db = await TestDatabase.CreateAsync(server, "status");
        await using var context = db.NewContext<GoodContext>();
        var empty = await MigrationStatusReader.ReadAsync(context);
        Assert.Empty(empty.Applied);
        Assert.Equal(GoodMigrations, empty.Pending);

        await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions { TargetMigration = "CreateItems" }, new LogSink().Logger);
        await db.ExecuteAsync("INSERT INTO \"__EFMigrationsHistory\" VALUES ('20250101000000_FromAnotherBranch', '10.0.15')");

        var status = await MigrationStatusReader.ReadAsync(context);
        Assert.Equal(["20250101000000_FromAnotherBranch", "20260101000001_CreateItems"], status.Applied);
        Assert.Equal(["20260101000002_CreateTags", "20260101000003_AddItemColor"], status.Pending);
        Assert.Equal(["20250101000000_FromAnotherBranch"], status.Unknown);
    }

    [Fact]
    public async Task Pending_model_changes_are_ignored_by_default_and_fail_the_run_when_asked()
    {
        var db = await TestDatabase.CreateAsync(server, "drift");
        var log = new LogSink();
        await using (var context = db.NewContext<DriftContext>())
        {
            var failed = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions { PendingModelChanges = PendingModelChangesBehavior.Fail }, log.Logger);
            Assert.Equal(MigrationRunStatus.Failed, failed.Status);
            Assert.Contains("no migration captures", failed.Error);
        }

        Assert.Empty(await db.HistoryAsync());

        await using (var context = db.NewContext<DriftContext>())
        {
            var warned = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions { PendingModelChanges = PendingModelChangesBehavior.Warn }, log.Logger);
            Assert.Equal(MigrationRunStatus.Applied, warned.Status);
        }

        Assert.Single(log.WithId(5014));

        // Database.Migrate() throws here (PendingModelChangesWarning); the runner's default applies what exists.
        await using (var context = db.NewContext<DriftContext>())
        {
            Assert.Throws<InvalidOperationException>(() => context.Database.Migrate());
            var ignored = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions(), log.Logger);
            Assert.Equal(MigrationRunStatus.UpToDate, ignored.Status);
        }
    }

    [Fact]
    public async Task By_default_the_migrations_apply_where_Database_Migrate_refuses_a_model_with_pending_changes()
    {
        var db = await TestDatabase.CreateAsync(server, "driftfresh");
        await using (var context = db.NewContext<DriftContext>())
        {
            Assert.Throws<InvalidOperationException>(() => context.Database.Migrate());
        }

        Assert.Empty(await db.HistoryAsync());

        // The runner names its target (the latest migration), and EF Core compares the model only without one.
        var log = new LogSink();
        await using (var context = db.NewContext<DriftContext>())
        {
            var result = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions(), log.Logger);
            Assert.Equal(MigrationRunStatus.Applied, result.Status);
        }

        Assert.Equal(["20260104000001_Empty"], await db.HistoryAsync());
        Assert.Empty(log.WithId(5014));
    }

    [Fact]
    public async Task The_default_lock_id_is_the_documented_formula()
    {
        var db = await TestDatabase.CreateAsync(server, "lockid");
        var name = typeof(GoodContext).FullName!;
        var fromSql = (await db.QueryAsync(
            "SELECT ('x' || left(encode(sha256(convert_to('cognova:' || current_database() || ':' || @context, 'UTF8')), 'hex'), 16))::bit(64)::bigint",
            r => r.GetInt64(0),
            ("context", name)))[0];

        Assert.Equal(fromSql, MigrationLockId.For(db.Name, typeof(GoodContext)));
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : struct
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The condition did not come true within 30 s.");
    }
}
