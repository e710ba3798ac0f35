using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Cognova.Build.Testing;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// The per-migration cache under obj/ through the real <c>dotnet build</c>: a build after a code change
/// takes unchanged migrations from it, and it never hides a change: an edited migration, a changed rule
/// setting, a damaged cache file, a deleted obj/ and a CI build all give the result of a full check.
/// </summary>
public sealed class CheckCacheTests
{
    private const string InitFile = "Migrations/20261125170003_Init.cs";
    private const string Unchanged = "cache: 1 of 1 migration(s) unchanged, 0 generated";

    private static LocalPackageFeed Feed => LocalPackageFeed.Instance;

    [Fact]
    public void With_the_cache_warm_an_edited_locked_migration_is_still_COG3001_and_without_obj_the_result_is_the_same()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        Assert.Equal(0, project.Build().ExitCode);
        Assert.NotNull(CacheFile(project));

        project.Write("Program.cs", "Console.WriteLine(\"Shop, edited\");\n");
        var warm = project.Build("-p:CognovaVerbose=true");
        Assert.True(warm.ExitCode == 0, warm.ToString());
        Assert.Contains(Unchanged, warm.Output);

        // The model and its snapshot stay as they are: only the migration's SQL changes.
        project.Replace(InitFile, "name = table.Column<string>(type: \"text\", nullable: false)", "name = table.Column<string>(type: \"character varying(100)\", nullable: false)");
        var edited = project.Build("-p:CognovaVerbose=true");

        Assert.True(edited.ExitCode != 0, edited.ToString());
        Assert.Equal(project.PathOf(InitFile), edited.Single("COG3001").File);
        Assert.Contains("cache: 0 of 1 migration(s) unchanged, 1 generated", edited.Output);

        project.Delete("obj");
        var cold = project.Build();
        Assert.Equal(edited.CognovaProblems, cold.CognovaProblems);
    }

    [Fact]
    public void A_changed_rule_setting_lints_the_cached_migrations_again()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        project.WriteMigration("20261126000000_DropPrice", "Shop", "ShopContext", "=> migrationBuilder.DropColumn(name: \"price\", table: \"products\");");

        var error = project.Build();
        var warning = project.Build("-p:CognovaRuleSeverity=COG2102=warning", "-p:CognovaVerbose=true");
        var none = project.Build("-p:CognovaRuleSeverity=COG2102=none");

        Assert.True(error.ExitCode != 0, error.ToString());
        Assert.Equal("error", error.Single("COG2102").Severity);
        Assert.True(warning.ExitCode == 0, warning.ToString());
        Assert.Equal("warning", warning.Single("COG2102").Severity);
        Assert.Contains("cache: 0 of 2 migration(s) unchanged, 2 generated", warning.Output);
        Assert.True(none.ExitCode == 0, none.ToString());
        Assert.Empty(none.WithCode("COG2102"));
    }

    [Theory]
    [InlineData("cut short")]
    [InlineData("not json")]
    public void A_damaged_cache_file_is_ignored_and_written_again(string damage)
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        project.WriteMigration("20261126000000_DropPrice", "Shop", "ShopContext", "=> migrationBuilder.DropColumn(name: \"price\", table: \"products\");");
        var first = project.Build();
        var cache = CacheFile(project)!;
        var text = File.ReadAllText(cache);
        File.WriteAllText(cache, damage == "cut short" ? text[..(text.Length / 2)] : "\0\0 garbage");

        project.Write("Program.cs", "Console.WriteLine(\"Shop, edited\");\n");
        var build = project.Build("-p:CognovaVerbose=true");

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Equal(first.CognovaProblems, build.CognovaProblems);
        Assert.Empty(build.WithCode("COG0001"));
        Assert.Contains("ignored, every migration is checked again", build.Output);
        Assert.Equal(text, File.ReadAllText(cache));
    }

    [Fact]
    public void A_CI_build_checks_every_migration_whatever_the_cache_holds()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        Assert.Equal(0, project.Build().ExitCode);

        // A cache entry that is well formed but holds other SQL than the migration's: a local build trusts obj/, CI does not read it.
        var cache = CacheFile(project)!;
        var json = JsonNode.Parse(File.ReadAllText(cache))!;
        var entry = json["migrations"]![0]!;
        var operations = entry["operations"]!.AsArray();
        operations[0] = operations[0]!.GetValue<string>() + "\n-- not the migration's SQL";
        var sql = string.Join("\n", operations.Select(o => o!.GetValue<string>()));
        entry["sql"] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        File.WriteAllText(cache, json.ToJsonString());

        var ci = project.Build("-p:ContinuousIntegrationBuild=true", "-p:CognovaVerbose=true");

        Assert.True(ci.ExitCode == 0, ci.ToString());
        Assert.Contains("cache not read", ci.Output);
    }

    private static string? CacheFile(TestProject project)
        => Directory.GetFiles(project.PathOf("obj"), "*.json", SearchOption.AllDirectories)
            .SingleOrDefault(f => Path.GetDirectoryName(f)!.EndsWith(".cognova.cache", StringComparison.Ordinal) && Path.GetFileName(f) != "source-hashes.json");
}
