using Cognova.Build.Testing.Postgres;
using Cognova.Migrations.Tooling;

namespace Cognova.Cli.Tests.EndToEnd;

/// <summary>
/// <c>dotnet cognova status</c> on a database built only by a history that started on EF Core 2.x: what
/// those migrations left and today's model does not record (a default kept from <c>AddColumn(defaultValue:)</c>,
/// ON DELETE RESTRICT, a serial sequence named after the table before its rename) is not a change by hand.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LegacyHistoryStatusTests(PostgresServer server, BuiltLegacyBlog blog) : IClassFixture<BuiltLegacyBlog>
{
    [Fact]
    public async Task Status_of_a_database_built_only_by_the_migrations_blames_no_hand_edit_and_reports_a_column_added_with_psql()
    {
        var database = await server.CreateDatabaseAsync("cli_legacy_status");
        blog.Tool("migrate", "--connection", database).AssertExit(ExitCodes.Success);

        var clean = blog.Tool("status", "--connection", database, "--verbose");

        clean.AssertExit(ExitCodes.Success);
        Assert.Contains("Migrations: 4 in the code, 4 applied, 0 pending", clean.Output);
        Assert.Contains("Schema: matches what the applied migrations create (3 differences from their model that the migrations made themselves, nothing to undo).", clean.Output);
        Assert.Contains("  = column Posts.Rating: default 0, as 20180415090000_AddRating set it (its model records no default)", clean.Output);
        Assert.Contains("  = column Sites.Id: default nextval('\"Blogs_Id_seq\"'::regclass), the sequence 20180301120000_Initial created for the serial column (renames keep its name)", clean.Output);
        Assert.Contains("  = foreign key Posts.FK_Posts_Sites_BlogId: ON DELETE RESTRICT, as 20180520100000_RenameBlogsToSites created it", clean.Output);
        Assert.DoesNotContain("changed by hand", clean.Output);
        Assert.DoesNotContain("by hand", clean.Output);

        await Database.ExecuteAsync(database, "ALTER TABLE \"Posts\" ADD COLUMN notes text");
        var edited = blog.Tool("status", "--connection", database);

        edited.AssertExit(ExitCodes.Success);
        Assert.Contains("Schema: the database differs from what the applied migrations create (1 difference; changed by hand?)", edited.Output);
        Assert.Contains("  - column Posts.notes: added (text, null allowed)", edited.Output);
        Assert.Contains("Left out: 3 differences from the model that the applied migrations made themselves (nothing to undo; --verbose lists them).", edited.Output);
        Assert.DoesNotContain("Posts.Rating", edited.Output);
    }
}
