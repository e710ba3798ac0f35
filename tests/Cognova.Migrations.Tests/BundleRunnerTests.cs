using Cognova.Build.Testing.Postgres;
using Cognova.Migrations.Tests.Contexts;
using Cognova.Migrations.Tooling;

namespace Cognova.Migrations.Tests;

/// <summary>
/// The runner behind efbundle and dotnet cognova migrate, against a real server: what it decides from the
/// database's history, whether it reads the history itself or is given what the bundle's probe just read.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BundleRunnerTests(PostgresServer server)
{
    private const string FromANewerApp = "20270101000000_FromANewerApp";
    private static readonly string[] GoodMigrations = ["20260101000001_CreateItems", "20260101000002_CreateTags", "20260101000003_AddItemColor"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_database_with_a_migration_the_bundle_does_not_know_is_refused_and_left_as_it_is(bool historyGiven)
    {
        var db = await TestDatabase.CreateAsync(server, "unknown");
        await db.ExecuteAsync($"""
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL);
            INSERT INTO "__EFMigrationsHistory" VALUES ('{GoodMigrations[0]}', '10.0.0'), ('{FromANewerApp}', '10.0.0');
            """);

        var (exitCode, output, error) = await RunAsync(db, allowUnknown: false, historyGiven ? [GoodMigrations[0], FromANewerApp] : null);

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains($"has 1 migration(s) this bundle does not know ({FromANewerApp})", error, StringComparison.Ordinal);
        Assert.Contains("--allow-unknown", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Applying migration", output, StringComparison.Ordinal);
        Assert.Equal([GoodMigrations[0], FromANewerApp], await db.HistoryAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task With_allow_unknown_the_pending_migrations_are_applied_beside_the_unknown_one(bool historyGiven)
    {
        var db = await TestDatabase.CreateAsync(server, "allowunknown");
        await using (var context = db.NewContext<GoodContext>())
        {
            await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions { TargetMigration = GoodMigrations[0] }, new LogSink().Logger);
        }

        await db.ExecuteAsync($"""INSERT INTO "__EFMigrationsHistory" VALUES ('{FromANewerApp}', '10.0.0')""");

        var (exitCode, output, _) = await RunAsync(db, allowUnknown: true, historyGiven ? [GoodMigrations[0], FromANewerApp] : null);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Done. 2 migration(s) applied", output, StringComparison.Ordinal);
        Assert.Equal([.. GoodMigrations, FromANewerApp], await db.HistoryAsync());
    }

    [Fact]
    public async Task A_database_the_probe_found_empty_gets_every_migration()
    {
        var db = await TestDatabase.CreateAsync(server, "probedempty");

        var (exitCode, output, _) = await RunAsync(db, allowUnknown: false, historyGiven: []);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Done. 3 migration(s) applied", output, StringComparison.Ordinal);
        Assert.Equal(GoodMigrations, await db.HistoryAsync());
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase db, bool allowUnknown, IReadOnlyCollection<string>? historyGiven)
    {
        var arguments = new BundleArguments { AllowUnknown = allowUnknown, NoColor = true };
        var output = new StringWriter();
        var error = new StringWriter();
        await using var context = db.NewContext<GoodContext>();
        var runner = new BundleRunner(context, arguments, new BundleOutput(arguments, output, error)) { AppliedMigrations = historyGiven };
        var exitCode = await runner.RunAsync(CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
