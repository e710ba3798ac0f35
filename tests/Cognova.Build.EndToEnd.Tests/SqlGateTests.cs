using System.Text.Json;
using Cognova.Build.Testing;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// The SQL gate and the lock file as a user meets them, through the real <c>dotnet build</c>:
/// the Cleanup fixture's latest migration drops a table and a column and narrows a column.
/// </summary>
public sealed class SqlGateTests
{
    private const string Cleanup = "Migrations/20261125171358_Cleanup.cs";
    private const string CleanupId = "20261125171358_Cleanup";

    private static LocalPackageFeed Feed => LocalPackageFeed.Instance;

    [Fact]
    public void Each_destructive_operation_fails_the_build_at_its_line_until_approved_and_an_edit_fails_it_again()
    {
        using var project = TestProject.FromFixture("Cleanup", Feed);

        var blocked = project.Build();

        Assert.True(blocked.ExitCode != 0, blocked.ToString());
        var errors = blocked.Errors.Where(e => e.Code.StartsWith("COG2", StringComparison.Ordinal)).ToList();
        Assert.Equal([("COG2101", 18), ("COG2102", 25), ("COG2105", 29)], errors.Select(e => (e.Code, e.Line)));
        Assert.StartsWith($"Migration {CleanupId} drops table categories.", errors[0].Message);
        Assert.StartsWith($"Migration {CleanupId} drops column products.category_id.", errors[1].Message);
        Assert.StartsWith($"Migration {CleanupId} changes column products.name from character varying(200) to character varying(80)", errors[2].Message);
        Assert.All(errors, e => Assert.Equal(project.PathOf(Cleanup), e.File));
        Assert.All(errors, e => Assert.Contains($"-t:CognovaApprove -p:CognovaApproveMigration={CleanupId} -p:CognovaApproveReason=", e.Message));
        Assert.Contains("SQL: ALTER TABLE products DROP COLUMN category_id;", errors[1].Message);

        var lockFile = project.PathOf("Migrations/migrations.lock.json");
        Assert.Contains("20261125170003_Init", File.ReadAllText(lockFile));
        Assert.DoesNotContain(CleanupId, File.ReadAllText(lockFile));

        var approve = project.Build("-t:CognovaApprove", $"-p:CognovaApproveMigration=Cleanup", "-p:CognovaApproveReason=categories were never used in production");
        Assert.True(approve.ExitCode == 0, approve.ToString());
        var locked = File.ReadAllText(lockFile);
        Assert.Contains(CleanupId, locked);
        Assert.Contains("categories were never used in production", locked);
        Assert.EndsWith("\n", locked);

        var passing = project.Build();
        Assert.True(passing.ExitCode == 0, passing.ToString());
        Assert.DoesNotContain(passing.Diagnostics, d => d.Code.StartsWith("COG2", StringComparison.Ordinal));

        project.Replace(Cleanup, "type: \"character varying(80)\",\n                maxLength: 80,", "type: \"character varying(60)\",\n                maxLength: 60,");
        var edited = project.Build();
        Assert.True(edited.ExitCode != 0, edited.ToString());
        var editError = edited.Single("COG3001");
        Assert.Equal(project.PathOf(Cleanup), editError.File);
        Assert.Contains("corrective migration", editError.Message);
        Assert.Equal("COG2105", Assert.Single(edited.Errors, e => e.Code.StartsWith("COG2", StringComparison.Ordinal)).Code);
    }

    [Fact]
    public void An_approval_needs_a_reason()
    {
        using var project = TestProject.FromFixture("Cleanup", Feed);

        var build = project.Build("-t:CognovaApprove", "-p:CognovaApproveMigration=Cleanup");

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains("CognovaApproveReason", build.Single("COG3006").Message);
        Assert.False(File.Exists(project.PathOf("Migrations/migrations.lock.json")));
    }

    [Fact]
    public void Locked_mode_fails_on_a_migration_missing_from_the_lock_and_never_writes_it()
    {
        using var project = TestProject.FromFixture("Shop", Feed);

        var build = project.Build("-p:ContinuousIntegrationBuild=true");

        Assert.True(build.ExitCode != 0, build.ToString());
        var missing = build.Single("COG3004");
        Assert.Contains("20261125170003_Init", missing.Message);
        Assert.False(File.Exists(project.PathOf("Migrations/migrations.lock.json")));

        Assert.Equal(0, project.Build().ExitCode);
        Assert.True(File.Exists(project.PathOf("Migrations/migrations.lock.json")));
        var locked = project.Build("-p:CognovaLockedMode=true");
        Assert.True(locked.ExitCode == 0, locked.ToString());
    }

    [Fact]
    public void Raw_delete_without_where_and_truncate_are_errors_and_harmless_sql_is_not()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        project.WriteMigration("20300101000000_RawSql", "Shop", "ShopContext", """
            {
                migrationBuilder.Sql("-- DROP TABLE products\nUPDATE products SET name = 'x' WHERE id = 1;");
                migrationBuilder.Sql("DELETE FROM products;");
                migrationBuilder.Sql("SELECT 'DROP TABLE products';");
                migrationBuilder.Sql("TRUNCATE categories;");
                migrationBuilder.Sql(@"DO $body$ BEGIN PERFORM count(*) FROM products; END $body$;");
            }
            """);

        var build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        // TRUNCATE also takes the migration's first strong lock without a lock_timeout (COG2307, a warning).
        Assert.Equal(
            [("COG2108", 13), ("COG2110", 15), ("COG2307", 15)],
            build.Diagnostics.Where(d => d.Code.StartsWith("COG2", StringComparison.Ordinal)).Select(d => (d.Code, d.Line)));
        Assert.Contains("SQL: DELETE FROM products", build.WithCode("COG2108")[0].Message);
    }

    [Fact]
    public void Review_point_warnings_obey_NoWarn_and_WarningsAsErrors()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        project.WriteMigration("20300101000000_UniqueName", "Shop", "ShopContext", """
            => migrationBuilder.CreateIndex(name: "IX_products_name", table: "products", column: "name", unique: true);
            """);

        var warned = project.Build();
        Assert.True(warned.ExitCode == 0, warned.ToString());
        Assert.Equal(["COG2204", "COG2301", "COG2307"], warned.CognovaProblems.Where(d => d.Severity == "warning").Select(d => d.Code).Order());

        var strict = project.Build("-p:NoWarn=COG2301", "-p:WarningsAsErrors=COG2204");
        Assert.True(strict.ExitCode != 0, strict.ToString());
        Assert.Equal("error", strict.Single("COG2204").Severity);
        Assert.Empty(strict.WithCode("COG2301"));
    }

    [Fact]
    public void Warnings_come_back_in_up_to_date_builds_so_warnaserror_fails_every_build_and_TreatWarningsAsErrors_applies()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        project.WriteMigration("20300101000000_UniqueName", "Shop", "ShopContext", """
            => migrationBuilder.CreateIndex(name: "IX_products_name", table: "products", column: "name", unique: true);
            """);

        var warned = project.Build();
        var upToDate = project.Build();
        Assert.True(upToDate.ExitCode == 0, upToDate.ToString());
        Assert.Equal(1, project.HostStarts);
        Assert.Equal(warned.Single("COG2204").Line, upToDate.Single("COG2204").Line);
        Assert.Equal("warning", upToDate.Single("COG2204").Severity);

        // -warnaserror fails the up-to-date build too, and once the check runs again.
        var strictUpToDate = project.Build("-warnaserror");
        project.Build("-t:CognovaCheck", "-warnaserror");
        var strictAgain = project.Build("-warnaserror");
        Assert.True(strictUpToDate.ExitCode != 0, strictUpToDate.ToString());
        Assert.True(strictAgain.ExitCode != 0, strictAgain.ToString());
        Assert.Equal("error", strictAgain.Single("COG2204").Severity);

        project.SetProperty("TreatWarningsAsErrors", "true");
        project.SetProperty("WarningsNotAsErrors", "COG2301");
        var strict = project.Build();
        Assert.True(strict.ExitCode != 0, strict.ToString());
        Assert.Equal("error", strict.Single("COG2204").Severity);
        Assert.Equal("warning", strict.Single("COG2301").Severity);
    }

    [Fact]
    public void Sarif_and_json_reports_are_written_and_rule_severity_is_configurable()
    {
        using var project = TestProject.FromFixture("Cleanup", Feed);
        var sarif = Path.Combine(project.Root, "out", "cognova.sarif");
        var report = Path.Combine(project.Root, "out", "cognova.json");

        var build = project.Build($"-p:CognovaSarifLog={sarif}", $"-p:CognovaReportJson={report}", "-p:CognovaRuleSeverity=COG2101=warning%3BCOG2102=none");

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Equal("warning", build.Single("COG2101").Severity);
        Assert.Empty(build.WithCode("COG2102"));

        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        var run = log.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "COG2105" && r.GetProperty("defaultConfiguration").GetProperty("level").GetString() == "error");
        var result = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "COG2105");
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("_Cleanup.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(29, location.GetProperty("region").GetProperty("startLine").GetInt32());

        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var context = json.RootElement.GetProperty("contexts")[0];
        Assert.Equal("ShopContext", context.GetProperty("name").GetString());
        var migrations = context.GetProperty("migrations").EnumerateArray().ToList();
        Assert.Equal(["locked-now", "not-locked"], migrations.Select(m => m.GetProperty("lockStatus").GetString()));
        // COG2101 (as a warning) and COG2105, plus the warnings for the dropped index (COG2305) and the missing lock_timeout (COG2307).
        Assert.Equal(
            ["COG2101", "COG2105", "COG2305", "COG2307"],
            migrations[1].GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).Order());
    }

    [Fact]
    public void A_malformed_lock_file_is_reported_with_its_line_and_column()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        project.Write("Migrations/migrations.lock.json", "{\n  \"version\": 1,\n  \"contexts\": {\n    \"ShopContext\": { \"migrations\": [ , ] }\n  }\n}\n");

        var build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        var malformed = build.Single("COG3005");
        Assert.Equal(project.PathOf("Migrations/migrations.lock.json"), malformed.File);
        Assert.Equal(4, malformed.Line);
        Assert.True(malformed.Column > 0);
    }
}
