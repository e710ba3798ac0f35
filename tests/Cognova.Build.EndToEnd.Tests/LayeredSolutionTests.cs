using Cognova.Build.Testing;
using Cognova.Build.Testing.Postgres;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// The most common production layout, as <c>dotnet ef --project Shop.Data --startup-project Shop.Api</c>
/// serves it: the DbContext and its migrations in a class library (no design-time factory), configured by
/// a web project with <c>AddDbContext</c>; both reference Cognova.Build, with central package versions
/// (<c>Directory.Packages.props</c>). Real <c>dotnet build</c> of the solution, approve, real
/// <c>dotnet publish</c> of the web project, and its bundle deploying to a real PostgreSQL server.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LayeredSolutionTests(PostgresServer server)
{
    private const string Solution = "Layered.slnx";
    private const string Api = "Shop.Api/Shop.Api.csproj";
    private const string Data = "Shop.Data/Shop.Data.csproj";
    private const string DropDescriptionId = "20261126090000_DropDescription";
    private const string DropDescription = "Shop.Data/Migrations/20261126090000_DropDescription.cs";
    private const string Snapshot = "Shop.Data/Migrations/ShopContextModelSnapshot.cs";
    private const string DataLock = "Shop.Data/Migrations/migrations.lock.json";
    private const string InitFile = "Shop.Data/Migrations/20261125170003_Init.cs";

    private static LocalPackageFeed Feed => LocalPackageFeed.Instance;

    [Fact]
    public async Task The_solution_reports_on_the_library_files_locks_beside_its_migrations_and_the_api_bundle_deploys()
    {
        using var solution = TestSolution.FromFixture("Layered", Feed);
        WriteDropDescription(solution);
        solution.Replace("Shop.Data/Model.cs", "public required string Name { get; set; }\n\n    public List<Product>", "public required string Name { get; set; }\n\n    public string? Slug { get; set; }\n\n    public List<Product>");

        var blocked = solution.Build(Solution);

        Assert.True(blocked.ExitCode != 0, blocked.ToString());
        var drop = blocked.Single("COG2102");
        Assert.Equal(solution.PathOf(DropDescription), drop.File);
        Assert.Equal(11, drop.Line);
        Assert.Contains($"-t:CognovaApprove -p:CognovaApproveMigration={DropDescriptionId}", drop.Message);
        Assert.Contains("Shop.Api.csproj", drop.Message);
        var drift = blocked.Single("COG1001");
        Assert.Equal(solution.PathOf(Snapshot), drift.File);
        Assert.True(drift.Line > 0, blocked.ToString());
        Assert.Contains("categories.Slug", drift.Message);
        Assert.Equal(solution.PathOf("Shop.Data/ShopContext.cs"), blocked.Single("COG0020").File);
        Assert.Empty(blocked.WithCode("COG0003"));
        Assert.Contains("20261125173813_AddOrders", solution.Read(DataLock));
        Assert.Empty(Directory.GetFiles(solution.PathOf("Shop.Api"), "migrations.lock.json", SearchOption.AllDirectories));

        // The approve command the finding prints, with a reason that -p: cannot carry (',' and ';'), from a file.
        solution.Replace("Shop.Data/Model.cs", "\n    public string? Slug { get; set; }\n", "");
        solution.Write("reason.txt", "The column was never read; exported to the archive, see ticket 42; approved by Dana.\n");
        var approve = solution.Build(Api, "-t:CognovaApprove", "-p:CognovaApproveMigration=DropDescription", $"-p:CognovaApproveReasonFile={solution.PathOf("reason.txt")}");

        Assert.True(approve.ExitCode == 0, approve.ToString());
        Assert.Contains("see ticket 42; approved by Dana.", solution.Read(DataLock));
        Assert.Contains(DropDescriptionId, solution.Read(DataLock));

        var output = solution.PathOf("publish");
        var publish = solution.Run("publish", Api, "-o", output);

        Assert.True(publish.ExitCode == 0, publish.ToString());
        var database = await server.CreateDatabaseAsync("layered");
        var deploy = BundleTests.Bundle(Path.Combine(output, "efbundle"), "--connection", database);
        Assert.True(deploy.ExitCode == 0, deploy.All);
        Assert.Equal(["20261125170003_Init", "20261125173808_AddDescription", "20261125173813_AddOrders", DropDescriptionId], await BundleTests.History(database));
        Assert.Equal(["categories", "orders", "products"], await BundleTests.Tables(database));

        var library = solution.Run("publish", Data, "-o", solution.PathOf("publish-data"));

        Assert.True(library.ExitCode == 0, library.ToString());
        Assert.Contains("its publish writes no migration bundle", library.Single("COG4010").Message);
        Assert.False(File.Exists(solution.PathOf("publish-data/efbundle")));
    }

    [Fact]
    public void The_apis_spare_host_takes_the_next_check_and_an_edited_locked_library_migration_is_still_COG3001()
    {
        using var solution = TestSolution.FromFixture("Layered", Feed);
        using var hosts = new HostProcesses();
        var first = solution.Build(Api, "-p:CognovaSpareHost=true", "-p:CognovaVerbose=true");
        Assert.True(first.ExitCode == 0, first.ToString());
        // The library checks itself too (it has a design-time factory and a runtimeconfig): one spare host each.
        Assert.Equal(2, hosts.SparesStartedBy(first).Count);

        // An edit in the library: both compile again (the API because a reference changed), and each one's spare host
        // takes its check.
        solution.Replace(InitFile, "name = table.Column<string>(type: \"text\", nullable: false)", "name = table.Column<string>(type: \"character varying(100)\", nullable: false)");
        var edited = solution.Build(Api, "-p:CognovaSpareHost=true", "-p:CognovaVerbose=true");
        hosts.SparesStartedBy(edited);

        Assert.True(edited.ExitCode != 0, edited.ToString());
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(edited.Output, "running in the spare design host the last build started"));
        Assert.Equal(solution.PathOf(InitFile), edited.Single("COG3001").File);
        Assert.Contains("cache: 0 of 3 migration(s) unchanged, 3 generated", edited.Output);
    }

    [Fact]
    public void The_api_caches_the_library_migrations_and_an_edited_locked_library_migration_is_still_COG3001()
    {
        using var solution = TestSolution.FromFixture("Layered", Feed);
        var first = solution.Build(Api);
        Assert.True(first.ExitCode == 0, first.ToString());

        solution.Replace("Shop.Api/Program.cs", "app.MapGet(\"/\", () => \"Shop\");", "app.MapGet(\"/\", () => \"Shop, edited\");");
        var warm = solution.Build(Api, "-p:CognovaVerbose=true");
        Assert.True(warm.ExitCode == 0, warm.ToString());
        Assert.Contains("cache: 3 of 3 migration(s) unchanged, 0 generated", warm.Output);
        Assert.Contains("running in the design host started before the compiler", warm.Output);

        // The library's model and snapshot stay as they are: only the locked migration's SQL changes (the
        // migrations after it are generated again too: each one's key holds the one before it).
        solution.Replace(InitFile, "name = table.Column<string>(type: \"text\", nullable: false)", "name = table.Column<string>(type: \"character varying(100)\", nullable: false)");
        var edited = solution.Build(Api, "-p:CognovaVerbose=true");

        Assert.True(edited.ExitCode != 0, edited.ToString());
        Assert.Equal(solution.PathOf(InitFile), edited.Single("COG3001").File);
        Assert.Contains("cache: 0 of 3 migration(s) unchanged, 3 generated", edited.Output);
        // An edit in the library alone: the API's warm host started all the same (a reference changed) and took the check.
        Assert.Contains("running in the design host started before the compiler", edited.Output);
    }

    [Fact]
    public async Task With_a_design_time_factory_the_library_checks_itself_once_and_the_api_bundle_still_deploys()
    {
        using var solution = TestSolution.FromFixture("Layered", Feed);
        WriteDropDescription(solution);
        solution.Write("Shop.Data/ShopContextFactory.cs", """
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Design;

            namespace Shop.Data;

            public sealed class ShopContextFactory : IDesignTimeDbContextFactory<ShopContext>
            {
                public ShopContext CreateDbContext(string[] args)
                    => new(new DbContextOptionsBuilder<ShopContext>().UseNpgsql("Host=db.invalid;Database=shop;Username=shop").Options);
            }

            """);

        var blocked = solution.Build(Solution);

        Assert.True(blocked.ExitCode != 0, blocked.ToString());
        var drop = blocked.Single("COG2102");
        Assert.Equal(solution.PathOf(DropDescription), drop.File);
        Assert.Contains("Shop.Data.csproj", drop.Message);
        Assert.Empty(blocked.WithCode("COG0020"));

        var approve = solution.Build(Data, "-t:CognovaApprove", "-p:CognovaApproveMigration=DropDescription", "-p:CognovaApproveReason=never read");
        Assert.True(approve.ExitCode == 0, approve.ToString());

        var output = solution.PathOf("publish");
        var publish = solution.Run("publish", Api, "-o", output);

        Assert.True(publish.ExitCode == 0, publish.ToString());
        var database = await server.CreateDatabaseAsync("layered_factory");
        var deploy = BundleTests.Bundle(Path.Combine(output, "efbundle"), "--connection", database);
        Assert.True(deploy.ExitCode == 0, deploy.All);
        Assert.Equal(4, (await BundleTests.History(database)).Count);
    }

    /// <summary>A hand-written migration in the library that drops a column; <c>Up</c>'s body starts on line 11.</summary>
    private static void WriteDropDescription(TestSolution solution) => solution.Write(DropDescription, $$"""
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Shop.Data.Migrations;

        [DbContext(typeof(ShopContext))]
        [Migration("{{DropDescriptionId}}")]
        public partial class DropDescription : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
                => migrationBuilder.DropColumn(name: "description", table: "products");
        }

        """);
}
