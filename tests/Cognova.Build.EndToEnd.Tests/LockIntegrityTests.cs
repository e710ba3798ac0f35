using Cognova.Build.Testing;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// The lock file against a careless or hostile user, through the real <c>dotnet build</c> and
/// <c>dotnet publish</c> of the Cleanup fixture (its latest migration drops a table and a column and
/// narrows a column): locked mode never writes it, an approval needs a reason and cannot be edited by
/// hand, and no damaged file crashes the engine.
/// </summary>
public sealed class LockIntegrityTests
{
    private const string CleanupId = "20261125171358_Cleanup";
    private const string LockPath = "Migrations/migrations.lock.json";

    private static LocalPackageFeed Feed => LocalPackageFeed.Instance;

    [Fact]
    public void An_approval_in_locked_mode_fails_with_COG3008_leaves_the_lock_file_as_it_was_and_the_next_CI_build_still_fails()
    {
        using var project = TestProject.FromFixture("Cleanup", Feed);
        Assert.NotEqual(0, project.Build().ExitCode);
        var before = File.ReadAllBytes(project.PathOf(LockPath));

        var approve = project.Build("-t:CognovaApprove", "-p:CognovaApproveMigration=Cleanup", "-p:CognovaApproveReason=approved in CI", "-p:ContinuousIntegrationBuild=true");
        var afterApprove = File.ReadAllBytes(project.PathOf(LockPath));
        var throughCheck = project.Build("-t:CognovaCheck", "-p:CognovaApproveMigration=Cleanup", "-p:CognovaApproveReason=approved in CI", "-p:CognovaLockedMode=true");
        var afterCheck = File.ReadAllBytes(project.PathOf(LockPath));
        var ci = project.Build("-p:ContinuousIntegrationBuild=true");

        Assert.True(approve.ExitCode != 0, approve.ToString());
        Assert.Contains("committed with the lock file", approve.Single("COG3008").Message);
        Assert.Equal(before, afterApprove);
        Assert.True(throughCheck.ExitCode != 0, throughCheck.ToString());
        Assert.Contains("locked mode", throughCheck.Single("COG3008").Message);
        Assert.Equal(before, afterCheck);
        Assert.True(ci.ExitCode != 0, ci.ToString());
        Assert.NotEmpty(ci.WithCode("COG2101"));
        Assert.Contains(CleanupId, ci.Single("COG3004").Message);
        Assert.Equal(before, File.ReadAllBytes(project.PathOf(LockPath)));
    }

    [Fact]
    public void An_approval_without_a_reason_approves_nothing_in_a_local_build_a_CI_build_or_a_publish()
    {
        using var project = TestProject.FromFixture("Cleanup", Feed);
        var approve = project.Build("-t:CognovaApprove", "-p:CognovaApproveMigration=Cleanup", "-p:CognovaApproveReason=categories were never used");
        Assert.True(approve.ExitCode == 0, approve.ToString());
        project.Write(LockPath, LockFileEdits.AsVersion1WithReason(project.Read(LockPath), "   "));
        var edited = project.Read(LockPath);

        var local = project.Build();
        var ci = project.Build("-p:ContinuousIntegrationBuild=true");
        // The build's own checks off: only publish's strict bundle check reads the approvals.
        var publish = project.Run("publish", "-p:CognovaDriftCheck=off", "-p:CognovaSqlCheck=false", "-p:CognovaLockCheck=false");

        foreach (var result in new[] { local, ci, publish })
        {
            Assert.True(result.ExitCode != 0, result.ToString());
            var findings = result.Errors.Where(e => e.Code.StartsWith("COG2", StringComparison.Ordinal)).ToList();
            Assert.Equal(["COG2101", "COG2102", "COG2105"], findings.Select(f => f.Code).Order());
            Assert.All(findings, f => Assert.Contains("the approval's reason is missing", f.Message));
        }

        Assert.Single(publish.WithCode("COG4001"));
        Assert.Equal(edited, project.Read(LockPath));
    }

    [Fact]
    public void An_approval_edited_by_hand_fails_with_COG3009_at_the_lock_file_until_it_is_approved_again()
    {
        using var project = TestProject.FromFixture("Cleanup", Feed);
        Assert.Equal(0, project.Build("-t:CognovaApprove", "-p:CognovaApproveMigration=Cleanup", "-p:CognovaApproveReason=categories were never used").ExitCode);
        Assert.Contains("\"version\": 2", project.Read(LockPath));
        project.Replace(LockPath, "categories were never used", "someone else's reason");

        var edited = project.Build();
        var again = project.Build("-t:CognovaApprove", "-p:CognovaApproveMigration=Cleanup", "-p:CognovaApproveReason=reviewed again");
        var passing = project.Build();

        Assert.True(edited.ExitCode != 0, edited.ToString());
        var problem = edited.Single("COG3009");
        Assert.Equal(project.PathOf(LockPath), problem.File);
        Assert.Contains($"-t:CognovaApprove -p:CognovaApproveMigration={CleanupId}", problem.Message);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.True(passing.ExitCode == 0, passing.ToString());
        Assert.DoesNotContain("someone else's reason", project.Read(LockPath));
        Assert.Contains("reviewed again", project.Read(LockPath));
    }

    [Fact]
    public void A_lock_file_that_cannot_be_written_is_COG3010_and_never_a_crash()
    {
        using var project = TestProject.FromFixture("Shop", Feed);

        var build = project.Build("-p:CognovaLockFile=Program.cs/migrations.lock.json");

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Equal(project.PathOf("Program.cs/migrations.lock.json"), build.Single("COG3010").File);
        Assert.Empty(build.WithCode("COG0001"));
    }

    [Theory]
    [InlineData("version 1.5", "{\"version\": 1.5, \"contexts\": {}}\n")]
    [InlineData("context key twice", "{\n  \"version\": 2,\n  \"contexts\": {\n    \"ShopContext\": { \"migrations\": [] },\n    \"ShopContext\": { \"migrations\": [] }\n  }\n}\n")]
    [InlineData("a directory", null)]
    public void A_damaged_lock_file_is_COG3005_at_the_lock_file_and_never_a_crash(string damage, string? content)
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        if (content is null)
        {
            Directory.CreateDirectory(project.PathOf(LockPath));
        }
        else
        {
            project.Write(LockPath, content);
        }

        var build = project.Build();

        Assert.True(build.ExitCode != 0, damage + "\n" + build);
        Assert.Equal(project.PathOf(LockPath), build.Single("COG3005").File);
        Assert.Empty(build.WithCode("COG0001"));
    }
}
