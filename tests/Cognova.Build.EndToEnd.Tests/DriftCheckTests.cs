using Cognova.Build.Testing;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// The drift check as a user meets it: a throw-away project references the packed Cognova.Build,
/// is changed the way a developer would change it, and goes through the real <c>dotnet build</c>.
/// </summary>
public sealed class DriftCheckTests
{
    private static LocalPackageFeed Feed => LocalPackageFeed.Instance;

    [Fact]
    public void A_model_that_matches_its_snapshot_builds()
    {
        using var project = TestProject.FromFixture("Shop", Feed);

        var build = project.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(build.CognovaProblems);
        Assert.Equal(1, project.HostStarts);
    }

    [Fact]
    public void An_added_property_fails_the_build_naming_the_table_and_column()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        project.Replace("Model.cs", "public decimal Price { get; set; }", "public decimal Price { get; set; }\n\n    public string? Description { get; set; }");

        var build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        var drift = build.Single("COG1001");
        Assert.Equal("error", drift.Severity);
        Assert.Equal(project.PathOf("Migrations/ShopContextModelSnapshot.cs"), drift.File);
        Assert.True(drift.Line > 0, "the diagnostic points at the snapshot class");
        Assert.Contains("ShopContext", drift.Message);
        Assert.Contains("column products.Description: added (text, null allowed)", drift.Message);
        Assert.Contains("dotnet ef migrations add", drift.Message);
    }

    [Fact]
    public void The_build_passes_once_the_printed_command_adds_the_migration()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        project.Replace("Model.cs", "public decimal Price { get; set; }", "public decimal Price { get; set; }\n\n    public string? Description { get; set; }");
        var drifted = project.Build();
        Assert.Contains("--no-build", drifted.Single("COG1001").Message);

        // The command from the message, through the dotnet-ef pinned in the repository's tool manifest.
        Assert.Equal(0, DotNet.Run(RepositoryPaths.Root, "tool", "restore").ExitCode);
        var add = DotNet.Run(
            RepositoryPaths.Root,
            "tool", "run", "dotnet-ef", "migrations", "add", "AddDescription", "--context", "ShopContext", "--no-build", "--project", project.ProjectFile);
        Assert.True(add.ExitCode == 0, add.All);

        var fixedBuild = project.Build();
        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.ToString());
        // The new AddColumn locks products without a lock_timeout: a warning (COG2307), not drift.
        Assert.Equal(["COG2307"], fixedBuild.CognovaProblems.Select(d => d.Code));
    }

    [Fact]
    public void A_removed_entity_is_reported_as_a_removed_table_with_its_foreign_key()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        project.Replace("ShopContext.cs", "    public DbSet<Category> Categories => Set<Category>();\n", "");
        project.Replace("ShopContext.cs",
            """
                    modelBuilder.Entity<Category>(category =>
                    {
                        category.ToTable("categories");
                        category.Property(c => c.Id).HasColumnName("id");
                        category.Property(c => c.Name).HasColumnName("name");
                    });

            """, "");
        project.Replace("Model.cs", "    public Category? Category { get; set; }\n", "");
        project.Replace("Model.cs", "    public List<Product> Products { get; } = [];\n", "");

        var build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        var drift = build.Single("COG1001");
        Assert.Contains("table categories: removed", drift.Message);
        Assert.Contains("foreign key FK_products_categories_category_id on products: removed", drift.Message);
    }

    [Fact]
    public void A_changed_column_type_names_the_old_and_new_type()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        project.Replace("ShopContext.cs", "HasMaxLength(200)", "HasMaxLength(80)");

        var build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        var drift = build.Single("COG1001");
        Assert.Contains("column products.name: type character varying(200) -> character varying(80)", drift.Message);
    }

    [Fact]
    public void An_added_index_is_reported()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        project.Replace("ShopContext.cs", "product.ToTable(\"products\");", "product.ToTable(\"products\");\n            product.HasIndex(p => p.Name).IsUnique();");

        var build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        var drift = build.Single("COG1001");
        Assert.Contains("index IX_products_name on products (name): added (unique)", drift.Message);
    }

    [Fact]
    public void With_two_contexts_only_the_drifted_one_is_reported()
    {
        using var project = TestProject.FromFixture("TwoContexts", Feed);
        project.Replace("AuditContext.cs", "public DateTimeOffset At { get; set; }", "public DateTimeOffset At { get; set; }\n\n    public string? Actor { get; set; }");

        var build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        var drift = build.Single("COG1001");
        Assert.StartsWith("AuditContext:", drift.Message);
        Assert.Contains("column audit_entries.Actor: added", drift.Message);
        Assert.Equal(project.PathOf("Migrations/Audit/AuditContextModelSnapshot.cs"), drift.File);
        Assert.DoesNotContain(build.CognovaProblems, d => d.Message.Contains("CatalogContext", StringComparison.Ordinal));
    }

    [Fact]
    public void CognovaDbContext_limits_the_check_to_the_named_context()
    {
        using var project = TestProject.FromFixture("TwoContexts", Feed);
        project.Replace("AuditContext.cs", "public DateTimeOffset At { get; set; }", "public DateTimeOffset At { get; set; }\n\n    public string? Actor { get; set; }");

        var onlyCatalog = project.Build("-p:CognovaDbContext=CatalogContext");
        Assert.True(onlyCatalog.ExitCode == 0, onlyCatalog.ToString());

        var unknown = project.Build("-p:CognovaDbContext=NoSuchContext");
        Assert.True(unknown.ExitCode != 0, unknown.ToString());
        var setting = unknown.Single("COG0005");
        Assert.Contains("NoSuchContext", setting.Message);
        Assert.Contains("AuditContext, CatalogContext", setting.Message);
    }

    [Fact]
    public void A_context_without_migrations_asks_for_the_first_one()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        project.Delete("Migrations");

        var build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        var missing = build.Single("COG1002");
        Assert.Equal(project.PathOf("ShopContext.cs"), missing.File);
        Assert.True(missing.Line > 0);
        Assert.Contains("dotnet ef migrations add InitialCreate --context ShopContext", missing.Message);
    }

    [Fact]
    public void A_context_whose_constructor_throws_gets_one_clear_error_with_the_reason()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        project.Replace("ShopContext.cs", "    public ShopContext()\n    {\n", "    public ShopContext()\n    {\n        throw new InvalidOperationException(\"The shop is closed today.\");\n");

        var build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        var failure = build.Single("COG0003");
        Assert.Equal(project.PathOf("ShopContext.cs"), failure.File);
        Assert.Contains("The shop is closed today.", failure.Message);
        Assert.DoesNotContain("   at ", build.Output);
    }

    [Fact]
    public void A_project_without_the_design_package_is_told_how_to_add_it()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        project.RemovePackageReference("Microsoft.EntityFrameworkCore.Design");

        var build = project.Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        var missing = build.Single("COG0002");
        Assert.Equal(project.ProjectFile, missing.File);
        Assert.Contains("dotnet add package Microsoft.EntityFrameworkCore.Design", missing.Message);
    }

    [Fact]
    public void A_no_op_rebuild_does_not_start_the_host_but_a_build_after_a_failed_check_does()
    {
        using var project = TestProject.FromFixture("Shop", Feed);

        Assert.Equal(0, project.Build().ExitCode);
        Assert.Equal(1, project.HostStarts);

        var noOp = project.Build();
        Assert.True(noOp.ExitCode == 0, noOp.ToString());
        Assert.Equal(1, project.HostStarts);

        project.Replace("Model.cs", "public decimal Price { get; set; }", "public decimal Price { get; set; }\n\n    public int Stock { get; set; }");
        Assert.NotEqual(0, project.Build().ExitCode);
        Assert.Equal(2, project.HostStarts);

        var again = project.Build();
        Assert.True(again.ExitCode != 0, "a failed check must fail again on the next build");
        Assert.Equal(3, project.HostStarts);
        again.Single("COG1001");
    }

    [Fact]
    public void Drift_can_be_a_warning_or_off_and_the_master_switch_turns_everything_off()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        project.Replace("Model.cs", "public decimal Price { get; set; }", "public decimal Price { get; set; }\n\n    public string? Description { get; set; }");

        var asWarning = project.Build("-p:CognovaDriftCheck=warning");
        Assert.True(asWarning.ExitCode == 0, asWarning.ToString());
        Assert.Equal("warning", asWarning.Single("COG1001").Severity);

        var off = project.Build("-p:CognovaDriftCheck=off");
        Assert.True(off.ExitCode == 0, off.ToString());
        Assert.Empty(off.WithCode("COG1001"));

        var startsBefore = project.HostStarts;
        var disabled = project.Build("-p:CognovaEnabled=false");
        Assert.True(disabled.ExitCode == 0, disabled.ToString());
        var designTime = project.Build("-p:DesignTimeBuild=true");
        Assert.Empty(designTime.WithCode("COG1001"));
        Assert.Equal(startsBefore, project.HostStarts);
    }

    [Fact]
    public void Clean_removes_what_the_check_wrote()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        Assert.Equal(0, project.Build().ExitCode);
        var written = Directory.GetFiles(project.PathOf("obj"), "*.cognova.*", SearchOption.AllDirectories);
        Assert.NotEmpty(written);

        var clean = project.Run("clean");

        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Empty(Directory.GetFiles(project.PathOf("obj"), "*.cognova.*", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_sample_app_checks_clean_with_the_package_and_fails_once_its_model_changes()
    {
        using var project = TestProject.CopyFrom(Path.Combine(RepositoryPaths.Samples, "Cognova.Sample"), Feed);
        project.RemoveProperty("CognovaUseRepoBuild");
        project.RemoveProjectReferences();
        project.AddPackageReference("Cognova.Migrations", Feed.Version);

        var clean = project.Build();
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Equal(1, project.HostStarts);

        project.Replace("Data/Tag.cs", "public required string Color { get; set; }", "public required string Color { get; set; }\n\n    public string? Description { get; set; }");
        var drifted = project.Build();
        Assert.True(drifted.ExitCode != 0, drifted.ToString());
        Assert.Contains("column tags.Description: added", drifted.Single("COG1001").Message);
    }
}
