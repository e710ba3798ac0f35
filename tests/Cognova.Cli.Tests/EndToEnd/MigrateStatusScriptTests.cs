using Cognova.Build.Testing;
using Cognova.Build.Testing.Postgres;
using Cognova.Migrations.Tooling;

namespace Cognova.Cli.Tests.EndToEnd;

/// <summary>
/// <c>dotnet cognova migrate</c>, <c>status</c> and <c>script</c> through the installed tool, on a copy of
/// the Store fixture (three migrations) and fresh databases on a real PostgreSQL server.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MigrateStatusScriptTests(PostgresServer server, BuiltStore store)
{
    private const string Init = "20261125170003_Init";
    private const string AddDescription = "20261125173808_AddDescription";
    private const string AddOrders = "20261125173813_AddOrders";

    [Fact]
    public async Task Migrate_applies_the_pending_migrations_and_migrate_twice_is_a_no_op()
    {
        var database = await server.CreateDatabaseAsync("cli_migrate");

        var first = store.Tool("migrate", "--connection", database);
        var second = store.Tool("migrate", "--connection", database);

        first.AssertExit(ExitCodes.Success);
        Assert.Contains($"Applying migration '{AddOrders}'", first.Output);
        Assert.Contains("Done. 3 migration(s) applied", first.Output);
        second.AssertExit(ExitCodes.Success);
        Assert.Contains("No migrations were applied. The database is already up to date.", second.Output);
        Assert.Equal([Init, AddDescription, AddOrders], await Database.HistoryAsync(database));
        Assert.Equal(["categories", "orders", "products"], await Database.TablesAsync(database));
    }

    [Fact]
    public async Task Migrate_to_a_target_by_name_stops_there_and_takes_the_connection_from_DATABASE_URL()
    {
        var database = await server.CreateDatabaseAsync("cli_target");

        var result = store.ToolWith(new() { ["DATABASE_URL"] = Database.ToUrl(database) }, "migrate", "AddDescription");

        result.AssertExit(ExitCodes.Success);
        Assert.Equal([Init, AddDescription], await Database.HistoryAsync(database));
    }

    [Fact]
    public async Task Status_reports_pending_migrations_a_hand_made_change_and_unknown_migrations()
    {
        var database = await server.CreateDatabaseAsync("cli_status");
        store.Tool("migrate", "AddDescription", "--connection", database).AssertExit(ExitCodes.Success);
        await Database.ExecuteAsync(database, "ALTER TABLE products ADD COLUMN sku integer; ALTER TABLE products DROP COLUMN description;");

        var status = store.Tool("status", "--connection", database);

        status.AssertExit(ExitCodes.Success);
        Assert.Contains($"applied  {AddDescription}", status.Output);
        Assert.Contains($"pending  {AddOrders}", status.Output);
        Assert.Contains("Model: matches the snapshot", status.Output);
        Assert.Contains("Schema: the database differs from what the applied migrations create (2 differences", status.Output);
        Assert.Contains("- column products.sku: added (integer, null allowed)", status.Output);
        Assert.Contains("- column products.description: removed", status.Output);

        await Database.ExecuteAsync(database, """INSERT INTO "__EFMigrationsHistory" VALUES ('20991231000000_FromTheFuture', '10.0.15')""");
        var json = store.Tool("status", "--json", "--connection", database);

        json.AssertExit(ExitCodes.Success);
        Assert.Contains($"\"pending\": [\n    \"{AddOrders}\"\n  ]", json.Output.Replace("\r\n", "\n"));
        Assert.Contains("\"unknown\": [\n    \"20991231000000_FromTheFuture\"\n  ]", json.Output.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task Migrate_refuses_a_migration_edited_after_it_was_locked_and_applies_nothing()
    {
        using var project = TestProject.FromFixture("Cleanup");
        var database = await server.CreateDatabaseAsync("cli_edited");
        InstalledTool.Instance.Run(project.Directory, "review", "--approve", "*", "--reason", "reviewed").AssertExit(ExitCodes.Success);
        project.Replace("Migrations/20261125171358_Cleanup.cs", "type: \"character varying(80)\"", "type: \"character varying(90)\"");

        var migrate = InstalledTool.Instance.Run(project.Directory, "migrate", "--connection", database);

        migrate.AssertExit(ExitCodes.ChecksFailed);
        Assert.Contains("COG3001: Migration 20261125171358_Cleanup was edited after it was locked", migrate.Error);
        Assert.Empty(await Database.TablesAsync(database));
    }

    [Fact]
    public async Task Migrate_refuses_a_locked_migration_whose_approvals_were_removed_as_the_build_does()
    {
        using var project = TestProject.FromFixture("Cleanup");
        var database = await server.CreateDatabaseAsync("cli_unapproved");
        InstalledTool.Instance.Run(project.Directory, "review", "--approve", "*", "--reason", "reviewed").AssertExit(ExitCodes.Success);
        var lockFile = System.Text.Json.Nodes.JsonNode.Parse(project.Read("Migrations/migrations.lock.json"))!;
        foreach (var migration in lockFile["contexts"]!.AsObject().SelectMany(c => c.Value!["migrations"]!.AsArray()))
        {
            migration!.AsObject().Remove("approvals");
        }

        project.Write("Migrations/migrations.lock.json", lockFile.ToJsonString());

        var migrate = InstalledTool.Instance.Run(project.Directory, "migrate", "--connection", database);

        migrate.AssertExit(ExitCodes.ChecksFailed);
        Assert.Contains("Migration 20261125171358_Cleanup has destructive SQL that nobody approved", migrate.Error);
        Assert.Empty(await Database.TablesAsync(database));
    }

    [Fact]
    public async Task Status_of_a_database_migrated_by_the_tool_shows_no_difference()
    {
        var database = await server.CreateDatabaseAsync("cli_status_clean");
        store.Tool("migrate", "--connection", database).AssertExit(ExitCodes.Success);

        var status = store.Tool("status", "--connection", database);

        status.AssertExit(ExitCodes.Success);
        Assert.Contains("Migrations: 3 in the code, 3 applied, 0 pending", status.Output);
        Assert.Contains("Schema: matches what the applied migrations create.", status.Output);
    }

    [Fact]
    public void Script_writes_idempotent_sql_for_a_range_without_a_database()
    {
        var fromStart = store.Tool("script");
        var range = store.Tool("script", "Init", "AddDescription");
        var file = Path.Combine(store.Project.Root, "deploy.sql");
        var toFile = store.Tool("script", "AddDescription", "-o", file);

        fromStart.AssertExit(ExitCodes.Success);
        Assert.Contains("CREATE TABLE orders", fromStart.Output);
        Assert.Contains($"IF NOT EXISTS(SELECT 1 FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{Init}')", fromStart.Output);
        range.AssertExit(ExitCodes.Success);
        Assert.Contains("ADD description text", range.Output);
        Assert.DoesNotContain("CREATE TABLE orders", range.Output);
        Assert.DoesNotContain("CREATE TABLE products", range.Output);
        toFile.AssertExit(ExitCodes.Success);
        Assert.Contains("CREATE TABLE orders", File.ReadAllText(file));
        Assert.DoesNotContain("ADD description", File.ReadAllText(file));
    }

    [Fact]
    public async Task An_unreachable_database_a_bad_url_and_an_unknown_migration_get_their_exit_codes_and_no_password_is_shown()
    {
        var database = await server.CreateDatabaseAsync("cli_errors");
        var unreachable = store.Tool("migrate", "--connection", "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=Wr0ngPassw0rd!;Timeout=3");
        var malformed = store.ToolWith(new() { ["DATABASE_URL"] = "postgres://user:Wr0ngPassw0rd!@[not a host/db" }, "status");
        var unknown = store.Tool("migrate", "NoSuchMigration", "--connection", database);

        unreachable.AssertExit(ExitCodes.DatabaseUnreachable);
        malformed.AssertExit(ExitCodes.UsageError);
        unknown.AssertExit(ExitCodes.UsageError);
        Assert.Contains("There is no migration 'NoSuchMigration'", unknown.Error);
        Assert.Contains("DATABASE_URL", malformed.Error);
        foreach (var result in new[] { unreachable, malformed, unknown })
        {
            Assert.DoesNotContain("Wr0ngPassw0rd!", result.All);
            Assert.DoesNotContain("   at ", result.All);
        }
    }
}
