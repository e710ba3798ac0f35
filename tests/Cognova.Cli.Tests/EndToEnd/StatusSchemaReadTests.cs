using Cognova.Build.Testing;
using Cognova.Build.Testing.Postgres;
using Cognova.Migrations.Tooling;

namespace Cognova.Cli.Tests.EndToEnd;

/// <summary>
/// <c>dotnet cognova status</c> reads the live schema while the DbContext is being created, guessing the
/// default schema before the model can say which schemas it uses. What status reports must not depend on
/// it: the read is taken when the guess was right, and status reads the schema itself when it was not.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StatusSchemaReadTests(PostgresServer server)
{
    private const string EarlyRead = "read the database schema (while the context is created):";
    private const string OwnRead = "cognova: read the database schema:";

    [Fact]
    public async Task On_the_layered_solution_status_reports_applied_pending_unknown_and_hand_made_changes_from_the_early_read()
    {
        using var solution = TestSolution.FromFixture("Layered", LocalPackageFeed.Instance);
        var database = await server.CreateDatabaseAsync("cli_status_layered");
        ProcessResult Tool(params string[] arguments) => InstalledTool.Instance.Run(solution.Root, [.. arguments, "-p", "Shop.Data", "-s", "Shop.Api"]);
        Tool("migrate", "AddDescription", "--connection", database).AssertExit(ExitCodes.Success);
        await Database.ExecuteAsync(database, "ALTER TABLE products ADD COLUMN sku integer; ALTER TABLE products DROP COLUMN description;");

        var status = Tool("status", "--connection", database, "--no-build", "--verbose");

        status.AssertExit(ExitCodes.Success);
        Assert.Contains("Migrations: 3 in the code, 2 applied, 1 pending", status.Output);
        Assert.Contains("applied  20261125170003_Init", status.Output);
        Assert.Contains("applied  20261125173808_AddDescription", status.Output);
        Assert.Contains("pending  20261125173813_AddOrders", status.Output);
        Assert.Contains("Model: matches the snapshot of 20261125173813_AddOrders.", status.Output);
        Assert.Contains("Schema: the database differs from what the applied migrations create (2 differences", status.Output);
        Assert.Contains("- column products.sku: added (integer, null allowed)", status.Output);
        Assert.Contains("- column products.description: removed", status.Output);
        Assert.Contains(EarlyRead, status.Error);
        Assert.DoesNotContain(OwnRead, status.Error);

        await Database.ExecuteAsync(database, """INSERT INTO "__EFMigrationsHistory" VALUES ('20991231000000_FromTheFuture', '10.0.15')""");
        var unknown = Tool("status", "--connection", database, "--no-build");

        unknown.AssertExit(ExitCodes.Success);
        Assert.Contains("Migrations: 3 in the code, 2 applied, 1 pending, 1 unknown to the code", unknown.Output);
        Assert.Contains("unknown  20991231000000_FromTheFuture", unknown.Output);
        Assert.Contains("Schema: not compared: the database has migrations this code does not know", unknown.Output);
    }

    [Fact]
    public async Task A_model_in_its_own_schema_is_read_by_status_itself_and_its_hand_made_change_is_reported()
    {
        using var project = TestProject.FromFixture("Store");
        project.Replace("ShopContext.cs", "    {\n        modelBuilder.Entity<Category>", "    {\n        modelBuilder.HasDefaultSchema(\"shop\");\n        modelBuilder.Entity<Category>");
        var database = await server.CreateDatabaseAsync("cli_status_schema");
        InstalledTool.Instance.Run(project.Directory, "generate", "MoveToShop").AssertExit(ExitCodes.Success);
        InstalledTool.Instance.Run(project.Directory, "review", "--approve", "MoveToShop", "--reason", "the tables move into their own schema", "--no-build").AssertExit(ExitCodes.Success);
        InstalledTool.Instance.Run(project.Directory, "migrate", "--connection", database, "--no-build").AssertExit(ExitCodes.Success);
        await Database.ExecuteAsync(database, "ALTER TABLE shop.products ADD COLUMN sku integer;");

        var status = InstalledTool.Instance.Run(project.Directory, "status", "--connection", database, "--no-build", "--verbose");

        status.AssertExit(ExitCodes.Success);
        Assert.Contains("Migrations: 4 in the code, 4 applied, 0 pending", status.Output);
        Assert.Contains("Model: matches the snapshot", status.Output);
        Assert.Contains("Schema: the database differs from what the applied migrations create (1 difference", status.Output);
        Assert.Contains("products.sku: added (integer, null allowed)", status.Output);
        Assert.Contains(OwnRead, status.Error);
    }
}
