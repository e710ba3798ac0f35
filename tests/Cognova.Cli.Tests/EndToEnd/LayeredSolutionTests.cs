using Cognova.Build.Testing;
using Cognova.Build.Testing.Postgres;
using Cognova.Migrations.Tooling;

namespace Cognova.Cli.Tests.EndToEnd;

/// <summary>
/// <c>dotnet cognova … -p Shop.Data -s Shop.Api</c>, as <c>dotnet ef --project --startup-project</c>: the
/// Layered fixture keeps its DbContext and migrations in a class library (no design-time factory) that the
/// web project configures with <c>AddDbContext</c>. Generate, baseline and migrate through the installed
/// tool, then a real <c>dotnet build</c> of the solution agrees.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LayeredSolutionTests(PostgresServer server)
{
    [Fact]
    public async Task Generate_baseline_and_migrate_work_on_the_library_through_the_startup_project()
    {
        using var solution = TestSolution.FromFixture("Layered", LocalPackageFeed.Instance);
        solution.Write("Shop.Data/Migrations/20261126090000_DropDescription.cs", """
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace Shop.Data.Migrations;

            [DbContext(typeof(ShopContext))]
            [Migration("20261126090000_DropDescription")]
            public partial class DropDescription : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                    => migrationBuilder.DropColumn(name: "description", table: "products");
            }

            """);
        solution.Replace("Shop.Data/Model.cs", "public required string Name { get; set; }\n\n    public List<Product>", "public required string Name { get; set; }\n\n    public string? Slug { get; set; }\n\n    public List<Product>");
        ProcessResult Tool(params string[] arguments) => InstalledTool.Instance.Run(solution.Root, [.. arguments, "-p", "Shop.Data", "-s", "Shop.Api"]);

        var generate = Tool("generate", "AddSlug");

        generate.AssertExit(ExitCodes.Success);
        Assert.Contains("ALTER TABLE categories ADD \"Slug\" text;", generate.Output);
        var migration = Assert.Single(Directory.GetFiles(solution.PathOf("Shop.Data/Migrations"), "*_AddSlug.cs"));
        Assert.Empty(Directory.GetFiles(solution.PathOf("Shop.Api"), "*_AddSlug.cs", SearchOption.AllDirectories));

        var baseline = Tool("baseline", "--reason", "description was never read, see ticket 42; ok", "--no-build");

        baseline.AssertExit(ExitCodes.Success);
        var lockFile = solution.Read("Shop.Data/Migrations/migrations.lock.json");
        Assert.Contains("description was never read, see ticket 42; ok", lockFile);
        Assert.Contains(Path.GetFileNameWithoutExtension(migration), lockFile);
        Assert.Empty(Directory.GetFiles(solution.PathOf("Shop.Api"), "migrations.lock.json", SearchOption.AllDirectories));

        var database = await server.CreateDatabaseAsync("cli_layered");
        var migrate = Tool("migrate", "--connection", database, "--no-build");

        migrate.AssertExit(ExitCodes.Success);
        Assert.Equal(5, (await Database.HistoryAsync(database)).Count);
        Assert.Contains("Slug", await Database.ColumnsAsync(database, "categories"));

        var build = solution.Build("Layered.slnx");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(build.CognovaProblems);
    }
}
