using Cognova.Build.Testing.Postgres;
using Cognova.Migrations.Tooling;

namespace Cognova.Cli.Tests.EndToEnd;

/// <summary>
/// <c>dotnet cognova script</c> on a history whose raw SQL has a statement without a closing semicolon and a
/// <c>SELECT setval(…)</c>: the script runs in psql (EF Core's own script stops at both).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LegacyHistoryScriptTests(PostgresServer server, BuiltLegacyBlog blog) : IClassFixture<BuiltLegacyBlog>
{
    private static readonly string[] AllMigrations =
        ["20180301120000_Initial", "20180415090000_AddRating", "20180520100000_RenameBlogsToSites", "20180610080000_SeedMainSite"];

    [Fact]
    public async Task The_idempotent_script_runs_in_psql_on_a_fresh_database_twice()
    {
        var file = Path.Combine(blog.Project.Root, "idempotent.sql");
        var database = await server.CreateDatabaseAsync("cli_script_twice");

        var script = blog.Tool("script", "-o", file);
        var first = Psql.RunFile(database, file);
        var second = Psql.RunFile(database, file);

        script.AssertExit(ExitCodes.Success);
        Assert.True(first.ExitCode == 0, "psql stopped on the first run:\n" + first.All);
        Assert.True(second.ExitCode == 0, "psql stopped on the second run:\n" + second.All);
        Assert.Contains("Raw SQL of 20180610080000_SeedMainSite: closed with ';': INSERT INTO \"Sites\"", script.Output);
        Assert.Contains("Raw SQL of 20180610080000_SeedMainSite: SELECT became PERFORM", script.Output);
        var sql = File.ReadAllText(file);
        Assert.Contains("    INSERT INTO \"Sites\" (\"Id\", \"Name\") VALUES (1, 'Main');\n", sql.Replace("\r\n", "\n"));
        Assert.Contains("    PERFORM setval('\"Blogs_Id_seq\"', (SELECT MAX(\"Id\") FROM \"Sites\"));\n", sql.Replace("\r\n", "\n"));
        Assert.Equal(AllMigrations, await Database.HistoryAsync(database));
        Assert.Equal(["Main"], await Database.ColumnAsync(database, "SELECT \"Name\" FROM \"Sites\""));
        Assert.Equal(["2"], await Database.ColumnAsync(database, "SELECT nextval('\"Blogs_Id_seq\"')"));
    }

    [Fact]
    public async Task The_plain_script_of_a_range_runs_in_psql_on_a_database_at_its_start()
    {
        var file = Path.Combine(blog.Project.Root, "plain.sql");
        var database = await server.CreateDatabaseAsync("cli_script_plain");
        blog.Tool("migrate", "AddRating", "--connection", database).AssertExit(ExitCodes.Success);

        var script = blog.Tool("script", "AddRating", "--plain", "-o", file);
        var run = Psql.RunFile(database, file);

        script.AssertExit(ExitCodes.Success);
        Assert.True(run.ExitCode == 0, "psql stopped:\n" + run.All);
        Assert.Contains("2 migration(s): 20180520100000_RenameBlogsToSites to 20180610080000_SeedMainSite, plain", script.Output);
        var sql = File.ReadAllText(file);
        Assert.DoesNotContain("DO $EF$", sql);
        Assert.DoesNotContain("CREATE TABLE \"Blogs\"", sql);
        Assert.Contains("SELECT setval('\"Blogs_Id_seq\"', (SELECT MAX(\"Id\") FROM \"Sites\"));", sql);
        Assert.Equal(AllMigrations, await Database.HistoryAsync(database));
    }
}
