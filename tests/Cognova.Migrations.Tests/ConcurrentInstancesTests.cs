using System.Reflection;
using System.Text.Json;
using Cognova.Build.Testing;
using Cognova.Build.Testing.Postgres;

namespace Cognova.Migrations.Tests;

/// <summary>
/// Eight copies of tests/fixtures/MigratingApp (a generic-host app whose migrations dotnet ef generated)
/// started at the same moment as separate processes on one fresh database.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ConcurrentInstancesTests(PostgresServer server)
{
    private const int Instances = 8;

    [Fact]
    public async Task Eight_instances_start_at_once_every_one_starts_and_each_migration_is_applied_exactly_once()
    {
        var db = await TestDatabase.CreateAsync(server, "eight");
        // The second migration sleeps this long, so that the instances find the lock taken.
        await db.SetAsync("cognova.fixture_sleep", "4");

        var app = FixtureApp();
        var runs = Enumerable.Range(0, Instances).Select(i => Task.Run(() => RunInstance(app, db.ConnectionString, waitForLock: i % 2 == 1))).ToArray();
        var outcomes = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromMinutes(3));

        foreach (var outcome in outcomes)
        {
            Assert.True(outcome.ExitCode == 0, outcome.Output);
        }

        var statuses = outcomes.Select(o => o.Status).ToList();
        var history = await db.HistoryAsync();
        Assert.Equal(2, history.Count);
        Assert.EndsWith("_Init", history[0], StringComparison.Ordinal);
        Assert.EndsWith("_AddStock", history[1], StringComparison.Ordinal);

        // Each migration was applied by exactly one instance, and the others skipped or found nothing to do.
        var applied = outcomes.SelectMany(o => o.Applied).ToList();
        Assert.Equal(history, applied.Order(StringComparer.Ordinal));
        Assert.Single(statuses, s => s == "Applied");
        Assert.All(statuses, s => Assert.Contains(s, new[] { "Applied", "UpToDate", "SkippedLocked" }));
        // Those that wait for the lock never skip.
        Assert.All(outcomes.Where(o => o.WaitForLock), o => Assert.NotEqual("SkippedLocked", o.Status));
        Assert.Contains("SkippedLocked", statuses);

        // The schema is complete.
        var columns = await db.QueryAsync(
            "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name IN ('items', 'stock_movements') ORDER BY 1",
            r => r.GetString(0));
        Assert.Equal(
            ["items.created_at", "items.id", "items.name", "items.stock", "stock_movements.id", "stock_movements.item_id", "stock_movements.quantity"],
            columns);
        Assert.True(await db.LockIsFreeAsync(MigrationLockIdOfFixture(db)));
    }

    [Fact]
    public async Task Instances_started_together_on_a_missing_database_create_it_once_and_log_no_error_for_the_race()
    {
        var connectionString = server.ConnectionStringFor("missing_" + Guid.NewGuid().ToString("N")[..8]);
        var app = FixtureApp();

        var runs = Enumerable.Range(0, Instances).Select(i => Task.Run(() => RunInstance(app, connectionString, waitForLock: true))).ToArray();
        var outcomes = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.All(outcomes, o => Assert.True(o.ExitCode == 0 && o.Status is "Applied" or "UpToDate", o.Output));
        Assert.Equal(2, (await new TestDatabase(connectionString).HistoryAsync()).Count);
        // The instances that lost the race to create the database have nothing to report as an error.
        Assert.All(outcomes, o => Assert.DoesNotContain("fail:", o.Output, StringComparison.Ordinal));
    }

    private static long MigrationLockIdOfFixture(TestDatabase db) => MigrationLockId.For(db.Name, "MigratingApp.InventoryContext");

    private static string FixtureApp()
    {
        var configuration = typeof(ConcurrentInstancesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value!;
        var path = Path.Combine(RepositoryPaths.Fixtures, "MigratingApp", "bin", configuration, "net10.0", "MigratingApp.dll");
        Assert.True(File.Exists(path), $"The fixture app was not built: {path}");
        return path;
    }

    private static Instance RunInstance(string app, string connectionString, bool waitForLock)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Default"] = connectionString,
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Cognova__Migrations__WaitForLock"] = waitForLock ? "true" : "false",
            ["Cognova__Migrations__Timeout"] = "00:01:00",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var result = ProcessRunner.Run("dotnet", [app], Path.GetDirectoryName(app), environment, TimeSpan.FromMinutes(2));
        var output = result.All;
        var line = result.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("OUTCOME ", StringComparison.Ordinal));
        if (line is null)
        {
            return new Instance(result.ExitCode == 0 ? -1 : result.ExitCode, output, "(none)", [], waitForLock);
        }

        using var json = JsonDocument.Parse(line["OUTCOME ".Length..]);
        var status = json.RootElement.GetProperty("status").GetString()!;
        var applied = json.RootElement.GetProperty("applied").EnumerateArray().Select(e => e.GetString()!).ToList();
        return new Instance(result.ExitCode, output, status, applied, waitForLock);
    }

    private sealed record Instance(int ExitCode, string Output, string Status, IReadOnlyList<string> Applied, bool WaitForLock);
}
