using System.Diagnostics;
using Cognova.Build.Testing;
using Cognova.Migrations.Tooling;

namespace Cognova.Cli.Tests.EndToEnd;

/// <summary>
/// <c>dotnet cognova generate</c> and <c>review</c> through the installed tool on throw-away copies of the
/// Shop and Cleanup fixtures that reference the packed Cognova.Build, so that a real <c>dotnet build</c>
/// shows that the tool and the build agree. No database is needed.
/// </summary>
public sealed class GenerateReviewTests
{
    [Fact]
    public void Generate_adds_the_migration_prints_its_sql_locks_it_and_the_build_passes()
    {
        using var project = TestProject.FromFixture("Shop", LocalPackageFeed.Instance);
        project.Replace("Model.cs", "public decimal Price { get; set; }", "public decimal Price { get; set; }\n\n    public string? Sku { get; set; }");
        project.Replace("ShopContext.cs", "product.Property(p => p.CategoryId)", "product.Property(p => p.Sku).HasColumnName(\"sku\");\n            product.Property(p => p.CategoryId)");

        var generate = InstalledTool.Instance.Run(project.Directory, "generate", "AddSku");
        var again = InstalledTool.Instance.Run(project.Directory, "generate", "addsku", "--no-build");
        var build = project.Build();

        generate.AssertExit(ExitCodes.Success);
        Assert.Contains("ALTER TABLE products ADD sku text;", generate.Output);
        // Adding a column locks products briefly; without a lock_timeout that is a warning (COG2307), not a stop.
        Assert.Contains("warning COG2307: locks existing table products with no lock_timeout set before it", generate.Output);
        var migration = Assert.Single(Directory.GetFiles(project.PathOf("Migrations"), "*_AddSku.cs"));
        var id = Path.GetFileNameWithoutExtension(migration);
        Assert.True(File.Exists(project.PathOf($"Migrations/{id}.Designer.cs")));
        Assert.Contains(".HasColumnName(\"sku\")", project.Read("Migrations/ShopContextModelSnapshot.cs"));
        Assert.Contains($"Locked 20261125170003_Init, {id} in Migrations/migrations.lock.json", generate.Output);
        Assert.Contains($"\"id\": \"{id}\"", project.Read("Migrations/migrations.lock.json"));

        again.AssertExit(ExitCodes.UsageError);
        Assert.Contains($"A migration named addsku exists already ({id})", again.Error);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(["COG2307"], build.CognovaProblems.Select(d => d.Code));
    }

    [Fact]
    public void Generate_a_destructive_change_then_review_with_options_then_the_build_passes()
    {
        using var project = TestProject.FromFixture("Shop", LocalPackageFeed.Instance);
        project.Replace("Model.cs", "public decimal Price { get; set; }", "");
        project.Replace("ShopContext.cs", "product.Property(p => p.Price).HasColumnName(\"price\").HasPrecision(10, 2);", "");

        var generate = InstalledTool.Instance.Run(project.Directory, "generate", "DropPrice");
        var lockAfterGenerate = project.Read("Migrations/migrations.lock.json");
        var blocked = project.Build();
        var review = InstalledTool.Instance.Run(project.Directory, "review", "--approve", "DropPrice", "--reason", "prices move to the price list", "--no-build");
        var build = project.Build();

        generate.AssertExit(ExitCodes.Success);
        Assert.Contains("ALTER TABLE products DROP COLUMN price;", generate.Output);
        Assert.Contains("error COG2102: drops column products.price", generate.Output);
        Assert.Contains("Not locked:", generate.Output);
        Assert.Contains("dotnet cognova review --approve DropPrice --reason", generate.Output);
        Assert.Contains("\"id\": \"20261125170003_Init\"", lockAfterGenerate);
        Assert.DoesNotContain("_DropPrice", lockAfterGenerate);

        Assert.NotEqual(0, blocked.ExitCode);
        Assert.Single(blocked.WithCode("COG2102"));

        review.AssertExit(ExitCodes.Success);
        var lockFile = project.Read("Migrations/migrations.lock.json");
        Assert.Contains("\"reason\": \"prices move to the price list\"", lockFile);
        Assert.Contains("\"sql\": \"ALTER TABLE products DROP COLUMN price;\"", lockFile);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(build.Errors);
    }

    [Fact]
    public void Review_without_a_terminal_or_options_lists_the_findings_and_fails_with_the_options_to_pass_without_waiting()
    {
        using var project = TestProject.FromFixture("Cleanup");
        InstalledTool.Instance.Run(project.Directory, "script", "--output", Path.Combine(project.Root, "build.sql")).AssertExit(ExitCodes.Success);

        var watch = Stopwatch.StartNew();
        var review = InstalledTool.Instance.Run(project.Directory, "review", "--no-build");
        watch.Stop();

        review.AssertExit(ExitCodes.ConfirmationRequired);
        Assert.Contains("error COG2101: drops table categories", review.Output);
        Assert.Contains("error COG2102: drops column products.category_id", review.Output);
        Assert.Contains("dotnet cognova review --approve <migration> --reason \"<why this is safe>\"", review.Error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"review took {watch.Elapsed}");
        Assert.False(File.Exists(project.PathOf("Migrations/migrations.lock.json")));
    }

    [Fact]
    public void Review_on_a_terminal_asks_finding_by_finding_and_requires_a_reason()
    {
        using var project = TestProject.FromFixture("Cleanup");
        InstalledTool.Instance.Run(project.Directory, "script", "--output", Path.Combine(project.Root, "build.sql")).AssertExit(ExitCodes.Success);

        // In operation order: the missing lock_timeout (COG2307, on the first strong lock), the dropped table
        // (an empty reason is asked again), the dropped index (COG2305), the dropped column (declined), the narrowed name.
        var answers = "y\nreviewed\ny\n\ncategories were never used\ny\nreviewed\nn\ny\nnames are short already\ny\nreviewed\n";
        var review = InstalledTool.Instance.RunWithInput(project.Directory, answers, "review", "--no-build");

        review.AssertExit(ExitCodes.Success);
        Assert.Contains("SQL in context:", review.Output);
        Assert.Contains("> DROP TABLE categories;", review.Output);
        Assert.Contains("A reason is required", review.Output);
        var lockFile = project.Read("Migrations/migrations.lock.json");
        Assert.Contains("\"reason\": \"categories were never used\"", lockFile);
        Assert.Contains("\"reason\": \"names are short already\"", lockFile);
        Assert.DoesNotContain("\"rule\": \"COG2102\"", lockFile);
        Assert.Contains("1 finding(s) left unapproved (1 declined)", review.Output);
    }
}
