using Cognova.Build.Testing;
using Cognova.Build.Testing.Postgres;
using Cognova.Migrations.Tooling;

namespace Cognova.Cli.Tests.EndToEnd;

/// <summary>
/// <c>dotnet cognova push</c> through the installed tool on copies of the Store fixture and fresh
/// databases on a real PostgreSQL server: the first push creates the schema, a later one applies only
/// the difference, data loss is counted and refused without a terminal or <c>--force</c>.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PushTests(PostgresServer server, BuiltStore store)
{
    [Fact]
    public async Task Push_on_an_empty_database_creates_the_schema_and_a_second_push_has_nothing_to_do()
    {
        var database = await server.CreateDatabaseAsync("cli_push_empty");

        var first = store.Tool("push", "--connection", database);
        var second = store.Tool("push", "--connection", database);

        first.AssertExit(ExitCodes.Success);
        Assert.Contains("CREATE TABLE orders (", first.Output);
        Assert.Contains("Pushed 5 statements", first.Output);
        Assert.Equal(["categories", "orders", "products"], await Database.TablesAsync(database));
        Assert.Empty(await Database.ColumnAsync(database, "SELECT to_regclass('\"__EFMigrationsHistory\"')::text WHERE to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL"));
        second.AssertExit(ExitCodes.Success);
        Assert.Contains("is in sync with the model of ShopContext: nothing to push.", second.Output);
    }

    [Fact]
    public async Task Push_with_dry_run_prints_the_plan_and_changes_nothing()
    {
        var database = await server.CreateDatabaseAsync("cli_push_dry");

        var dryRun = store.Tool("push", "--dry-run", "--connection", database);

        dryRun.AssertExit(ExitCodes.Success);
        Assert.Contains("CREATE TABLE products (", dryRun.Output);
        Assert.Contains("Dry run: nothing was changed.", dryRun.Output);
        Assert.Empty(await Database.TablesAsync(database));
    }

    [Fact]
    public async Task Push_refuses_a_database_that_looks_like_production_unless_allowed()
    {
        var database = await server.CreateDatabaseAsync("shop_prod");

        var refused = store.Tool("push", "--connection", database);
        var allowed = store.Tool("push", "--allow-production", "--connection", database);

        refused.AssertExit(ExitCodes.ProductionRefused);
        Assert.Contains("looks like production (its database name", refused.Error);
        Assert.Contains("--allow-production", refused.Error);
        allowed.AssertExit(ExitCodes.Success);
        Assert.Equal(["categories", "orders", "products"], await Database.TablesAsync(database));
    }

    [Fact]
    public async Task Push_after_a_model_change_applies_only_the_difference_and_keeps_the_data()
    {
        using var project = TestProject.FromFixture("Store");
        var database = await server.CreateDatabaseAsync("cli_push_change");
        Tool(project, "push", "--connection", database).AssertExit(ExitCodes.Success);
        await Database.ExecuteAsync(database, "INSERT INTO products (name, price) VALUES ('lamp', 12.50), ('desk', 99)");
        project.Replace("Model.cs", "public string? Description { get; set; }", "public string? Description { get; set; }\n\n    public string? Sku { get; set; }");
        project.Replace("ShopContext.cs", "product.Property(p => p.Description).HasColumnName(\"description\");", "product.Property(p => p.Description).HasColumnName(\"description\");\n            product.Property(p => p.Sku).HasColumnName(\"sku\").HasMaxLength(32);");

        var push = Tool(project, "push", "--connection", database);

        push.AssertExit(ExitCodes.Success);
        Assert.Contains("Plan for cli_push_change", push.Output);
        Assert.Contains("(1 statement):", push.Output);
        Assert.Contains("ALTER TABLE products ADD sku character varying(32);", push.Output);
        Assert.DoesNotContain("Data loss", push.Output);
        Assert.Equal(["id", "name", "price", "description", "category_id", "sku"], await Database.ColumnsAsync(database, "products"));
        Assert.Equal(["desk", "lamp"], await Database.ColumnAsync(database, "SELECT name FROM products ORDER BY name"));
    }

    [Fact]
    public async Task Push_that_would_drop_a_column_with_data_refuses_without_force_and_reports_the_row_count()
    {
        using var project = TestProject.FromFixture("Store");
        var database = await server.CreateDatabaseAsync("cli_push_loss");
        Tool(project, "push", "--connection", database).AssertExit(ExitCodes.Success);
        await Database.ExecuteAsync(database, """
            INSERT INTO products (name, price, description)
            SELECT 'product ' || n, n, CASE WHEN n % 2 = 0 THEN 'text ' || n END FROM generate_series(1, 2409) AS n
            """);
        project.Replace("Model.cs", "public string? Description { get; set; }", "");
        project.Replace("ShopContext.cs", "product.Property(p => p.Description).HasColumnName(\"description\");", "");

        var refused = Tool(project, "push", "--connection", database);
        var columnsAfterRefusal = await Database.ColumnsAsync(database, "products");
        var forced = Tool(project, "push", "--force", "--no-build", "--connection", database);

        refused.AssertExit(ExitCodes.ConfirmationRequired);
        Assert.Contains("ALTER TABLE products DROP COLUMN description;", refused.Output);
        Assert.Contains("drops column `description` of `products`, 1,204 rows have a value", refused.Output);
        Assert.Contains("--force", refused.Error);
        Assert.Contains("description", columnsAfterRefusal);

        forced.AssertExit(ExitCodes.Success);
        Assert.DoesNotContain("description", await Database.ColumnsAsync(database, "products"));
        Assert.Equal(["2409"], await Database.ColumnAsync(database, "SELECT count(*) FROM products"));
    }

    private static ProcessResult Tool(TestProject project, params string[] arguments) => InstalledTool.Instance.Run(project.Directory, arguments);
}
