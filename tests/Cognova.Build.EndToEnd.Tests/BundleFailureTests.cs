using System.Diagnostics;
using Cognova.Build.Testing;
using Cognova.Build.Testing.Postgres;
using Npgsql;
using static Cognova.Build.EndToEnd.Tests.BundleTests;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// A bundle whose fourth migration's SQL depends on the environment it runs in, whose fifth takes a few
/// seconds and whose sixth needs a table that only the operator can create (it fails until then):
/// failures and kills leave the database at the last migration that succeeded, and the next run completes.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BundleFailureTests(PostgresServer server, BundleFailureTests.PublishedSlowStore store) : IClassFixture<BundleFailureTests.PublishedSlowStore>
{
    private const string Stamp = "20291231000000_StampRelease";
    private const string Slow = "20300101000000_SlowBackfill";
    private const string NeedsRates = "20300102000000_CopyRates";

    [Fact]
    public async Task A_failing_migration_exits_1_naming_it_and_leaves_the_previous_migrations_and_a_rerun_after_the_fix_completes()
    {
        var database = await server.CreateDatabaseAsync("bundle_fail");

        var failed = Bundle(store.Bundle, "--connection", database);

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains($"Migration {NeedsRates} failed: 42P01: relation \"exchange_rates\" does not exist", failed.All);
        Assert.DoesNotContain("failed: Migration", failed.All);
        Assert.Contains("does not exist. The database stays at the last migration that succeeded.", failed.All);
        Assert.Contains("exchange_rates", failed.All);
        Assert.Equal(Slow, (await History(database))[^1]);
        Assert.DoesNotContain("rates", await Tables(database));

        await Execute(database, "CREATE TABLE exchange_rates (code text PRIMARY KEY, rate numeric NOT NULL)");
        var rerun = Bundle(store.Bundle, "--connection", database);

        Assert.True(rerun.ExitCode == 0, rerun.All);
        Assert.Equal(NeedsRates, (await History(database))[^1]);
        Assert.Contains("rates", await Tables(database));
    }

    [Fact]
    public async Task A_bundle_killed_in_the_middle_of_a_migration_is_completed_by_the_next_run()
    {
        var database = await server.CreateDatabaseAsync("bundle_kill");
        await Execute(database, "CREATE TABLE exchange_rates (code text PRIMARY KEY, rate numeric NOT NULL)");

        var info = new ProcessStartInfo(store.Bundle) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("--connection");
        info.ArgumentList.Add(database);
        using (var victim = Process.Start(info)!)
        {
            string? line;
            while ((line = await victim.StandardOutput.ReadLineAsync()) is not null && !line.Contains($"Applying migration '{Slow}'", StringComparison.Ordinal))
            {
            }

            Assert.NotNull(line);
            await WaitUntilSleeping(database);
            Process.Start("kill", ["-KILL", victim.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            await victim.WaitForExitAsync();
        }

        Assert.DoesNotContain(Slow, await History(database));

        var next = Bundle(store.Bundle, "--connection", database, "--lock-timeout", "30s");

        Assert.True(next.ExitCode == 0, next.All);
        Assert.Equal(NeedsRates, (await History(database))[^1]);
        Assert.Equal(6, (await History(database)).Count);
    }

    [Fact]
    public async Task A_migration_whose_SQL_differs_from_the_lock_where_the_bundle_runs_is_refused_before_any_of_it_runs()
    {
        var database = await server.CreateDatabaseAsync("bundle_tampered");

        var refused = BundleWith(store.Bundle, new() { ["STORE_RELEASE"] = "changed-at-deploy" }, "--connection", database);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"This bundle does not match the lock file it was built with (the SQL of migration {Stamp} differs from the locked SQL). Publish it again from a clean build.", refused.All);
        Assert.DoesNotContain($"Applying migration '{Stamp}'", refused.All);
        var history = await History(database);
        Assert.DoesNotContain(Stamp, history);
        Assert.Equal(3, history.Count);
        Assert.DoesNotContain("release_stamp", await Tables(database));
    }

    /// <summary>Until the slow migration's <c>pg_sleep</c> runs in the database: the bundle is inside that migration's transaction.</summary>
    private static async Task WaitUntilSleeping(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var sleeping = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = @name AND state = 'active' AND query LIKE '%pg_sleep(4)%' AND pid <> pg_backend_pid()", connection);
            sleeping.Parameters.AddWithValue("name", name!);
            if ((long)(await sleeping.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The slow migration did not start sleeping within 30 s.");
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The Store fixture with three hand-written migrations after its three, published once.</summary>
    public sealed class PublishedSlowStore : IDisposable
    {
        public PublishedSlowStore()
        {
            Project = TestProject.FromFixture("Store", LocalPackageFeed.Instance);
            Project.WriteMigration(Stamp, "Store", "ShopContext", """
                {
                    var release = System.Environment.GetEnvironmentVariable("STORE_RELEASE") ?? "dev";
                    migrationBuilder.Sql($"CREATE TABLE release_stamp (release text); INSERT INTO release_stamp VALUES ('{release}');");
                }
                """);
            Project.WriteMigration(Slow, "Store", "ShopContext", """
                {
                    migrationBuilder.Sql("CREATE TABLE backfill_log (id int); SELECT pg_sleep(4);");
                }
                """);
            Project.WriteMigration(NeedsRates, "Store", "ShopContext", """
                {
                    migrationBuilder.Sql("CREATE TABLE rates AS SELECT code, rate FROM exchange_rates;");
                }
                """);
            var publishDirectory = Path.Combine(Project.Root, "publish");
            var build = Project.Build();
            Assert.True(build.ExitCode == 0, build.ToString());
            var publish = Project.Run("publish", "-o", publishDirectory);
            Assert.True(publish.ExitCode == 0, publish.ToString());
            Bundle = Path.Combine(publishDirectory, "efbundle");
        }

        public TestProject Project { get; }

        public string Bundle { get; }

        public void Dispose() => Project.Dispose();
    }
}
