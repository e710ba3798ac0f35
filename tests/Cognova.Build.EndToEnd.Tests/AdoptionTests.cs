using Cognova.Build.Testing;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// Adopting an existing history: the Store fixture grown to 40 migrations, nine of which drop a table
/// and nine add an index to an existing table, built for the first time with Cognova.Build. One
/// summary and one command, then a clean build and a locked-mode CI build.
/// </summary>
public sealed class AdoptionTests
{
    private const int GeneratedMigrations = 37;

    [Fact]
    public void A_forty_migration_history_gets_one_summary_one_command_then_clean_and_locked_builds()
    {
        using var project = TestProject.FromFixture("Store", LocalPackageFeed.Instance);
        WriteHistory(project);

        var first = project.Build();

        Assert.True(first.ExitCode != 0, first.ToString());
        var summary = first.Single("COG3020");
        Assert.Equal("error", summary.Severity);
        Assert.Equal(project.PathOf("Migrations/ShopContextModelSnapshot.cs"), summary.File);
        // 9 drops (COG2101), 9 indexes (COG2301), and a missing lock_timeout guard (COG2307) in each of the
        // 19 migrations that change an existing table (the drops, the indexes and the fixture's AddDescription).
        Assert.StartsWith("ShopContext has 40 migrations and no lock file yet: 37 finding(s) in 19 migration(s) (9 error(s)", summary.Message);
        Assert.Contains("dotnet cognova baseline -p Store.csproj --reason", summary.Message);
        Assert.Contains("COGNOVA_APPROVE_REASON=", summary.Message);
        Assert.Equal(["COG3020"], first.CognovaProblems.Select(d => d.Code));
        // One summary of 13 lines (MSBuild repeats errors after "Build FAILED"; count each line once).
        Assert.Equal(13, first.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal) || l.Contains(": warning ", StringComparison.Ordinal)).Distinct().Count());
        Assert.False(File.Exists(project.PathOf("Migrations/migrations.lock.json")));

        // The printed command, with a reason -p: could not carry.
        const string reason = "Reviewed at adoption: the drops ran in 2024, see ADR-7; nothing to restore";
        var baseline = project.RunWith(new Dictionary<string, string?> { ["COGNOVA_APPROVE_REASON"] = reason }, "build", "-t:CognovaApprove", "-p:CognovaApproveMigration=*");

        Assert.True(baseline.ExitCode == 0, baseline.ToString());
        var lockFile = project.Read("Migrations/migrations.lock.json");
        Assert.Contains("20261126000037_Step37", lockFile);
        Assert.Equal(37, lockFile.Split(reason).Length - 1);

        var clean = project.Build();
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Empty(clean.CognovaProblems);

        var starts = project.HostStarts;
        var ci = project.Build("-p:ContinuousIntegrationBuild=true");
        Assert.True(ci.ExitCode == 0, ci.ToString());
        Assert.Empty(ci.CognovaProblems);
        Assert.Equal(starts + 1, project.HostStarts);
    }

    /// <summary>
    /// Migrations 4 to 40: every fourth drops the table the one before created (COG2101), every fourth
    /// from the second indexes the table the one before created (COG2301), the rest create a table.
    /// </summary>
    private static void WriteHistory(TestProject project)
    {
        for (var i = 1; i <= GeneratedMigrations; i++)
        {
            var body = (i % 4) switch
            {
                0 => $"=> migrationBuilder.DropTable(name: \"t{i - 1}\");",
                2 => $"=> migrationBuilder.CreateIndex(name: \"IX_t{i - 1}_name\", table: \"t{i - 1}\", column: \"name\");",
                _ => $"=> migrationBuilder.CreateTable(name: \"t{i}\", columns: table => new {{ id = table.Column<int>(type: \"integer\", nullable: false), name = table.Column<string>(type: \"text\", nullable: true) }}, constraints: table => table.PrimaryKey(\"PK_t{i}\", x => x.id));",
            };
            project.WriteMigration($"20261126{i:D6}_Step{i:D2}", "Store", "ShopContext", body);
        }
    }
}
