using Cognova.Build.Testing;
using Cognova.Build.Testing.Postgres;
using Cognova.Migrations.Tooling;

namespace Cognova.Cli.Tests.EndToEnd;

/// <summary>
/// <c>dotnet cognova migrate</c> and <c>review</c> against a damaged lock file and an approval without a
/// reason, through the installed tool on copies of the Cleanup fixture and a real PostgreSQL server.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LockIntegrityToolTests(PostgresServer server)
{
    private const string LockPath = "Migrations/migrations.lock.json";

    [Theory]
    [InlineData("version 1.5", "{\"version\": 1.5, \"contexts\": {}}\n")]
    [InlineData("a directory", null)]
    public async Task Migrate_refuses_a_lock_file_it_cannot_read_with_COG3005_and_exit_code_6(string damage, string? content)
    {
        using var project = TestProject.FromFixture("Cleanup");
        var database = await server.CreateDatabaseAsync("cli_damaged_lock");
        if (content is null)
        {
            Directory.CreateDirectory(project.PathOf(LockPath));
        }
        else
        {
            project.Write(LockPath, content);
        }

        var migrate = InstalledTool.Instance.Run(project.Directory, "migrate", "--connection", database);

        Assert.True(migrate.ExitCode == ExitCodes.ChecksFailed, $"{damage}: exit {migrate.ExitCode}\n{migrate.All}");
        Assert.Contains("error COG3005: The lock file cannot be read", migrate.Error);
        Assert.DoesNotContain("   at ", migrate.All);
        Assert.Empty(await Database.TablesAsync(database));
    }

    [Fact]
    public void Review_reports_an_approval_edited_by_hand_and_approving_again_with_the_tool_replaces_it()
    {
        using var project = TestProject.FromFixture("Cleanup");
        InstalledTool.Instance.Run(project.Directory, "review", "--approve", "*", "--reason", "reviewed").AssertExit(ExitCodes.Success);
        project.Replace(LockPath, "\"reason\": \"reviewed\"", "\"reason\": \"reviewed by nobody\"");

        var review = InstalledTool.Instance.Run(project.Directory, "review", "--no-build");
        var again = InstalledTool.Instance.Run(project.Directory, "review", "--approve", "Cleanup", "--reason", "reviewed again", "--no-build");
        var after = InstalledTool.Instance.Run(project.Directory, "review", "--no-build");

        review.AssertExit(ExitCodes.ChecksFailed);
        Assert.Contains("COG3009: The approvals of migration 20261125171358_Cleanup in the lock file were changed by hand", review.Error);
        again.AssertExit(ExitCodes.Success);
        Assert.DoesNotContain("reviewed by nobody", project.Read(LockPath));
        after.AssertExit(ExitCodes.Success);
        Assert.Contains("Nothing to review", after.Output);
    }

    [Fact]
    public async Task Migrate_and_review_do_not_count_an_approval_without_a_reason_and_review_will_not_record_one()
    {
        using var project = TestProject.FromFixture("Cleanup");
        var database = await server.CreateDatabaseAsync("cli_blank_reason");
        InstalledTool.Instance.Run(project.Directory, "review", "--approve", "*", "--reason", "reviewed").AssertExit(ExitCodes.Success);
        project.Write(LockPath, LockFileEdits.AsVersion1WithReason(project.Read(LockPath), " "));

        var migrate = InstalledTool.Instance.Run(project.Directory, "migrate", "--connection", database, "--no-build");
        var review = InstalledTool.Instance.Run(project.Directory, "review", "--no-build");
        var noReason = InstalledTool.Instance.Run(project.Directory, "review", "--approve", "Cleanup", "--no-build");

        migrate.AssertExit(ExitCodes.ChecksFailed);
        Assert.Contains("the approval's reason is missing", migrate.Error);
        Assert.Empty(await Database.TablesAsync(database));
        review.AssertExit(ExitCodes.ConfirmationRequired);
        Assert.Contains("error COG2101: drops table categories", review.Output);
        Assert.Contains("the approval's reason is missing", review.Output);
        noReason.AssertExit(ExitCodes.UsageError);
        Assert.Contains("needs a reason", noReason.Error);
        Assert.DoesNotContain("\"version\": 2", project.Read(LockPath));
    }
}
