using Cognova.Engine.Cache;
using Cognova.Engine.Lint;
using Cognova.Engine.Sources;
using Microsoft.EntityFrameworkCore;

namespace Cognova.Build.Tests.Cache;

/// <summary>Each input a migration's SQL and findings depend on changes its key; nothing else does.</summary>
public sealed class MigrationCacheKeysTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-cache-keys-").FullName;

    public MigrationCacheKeysTests()
    {
        Write("20240101000000_AddTags.cs", "public partial class AddTags : Migration { protected override void Up(MigrationBuilder b) => b.DropTable(\"old\"); }");
        Write("20240101000000_AddTags.Designer.cs", "partial class AddTags { protected override void BuildTargetModel(ModelBuilder m) { } }");
        Write("20240102000000_AddUsers.cs", "public partial class AddUsers : Migration { }");
        Write("20240102000000_AddUsers.Designer.cs", "partial class AddUsers { }");
        Write("Program.cs", "Console.WriteLine(1);");
    }

    [Fact]
    public void The_same_inputs_give_the_same_keys()
    {
        Assert.Equal(Keys(), Keys());
        Assert.All(Keys(), key => Assert.NotNull(key));
    }

    [Fact]
    public void Editing_a_file_that_is_no_migration_changes_no_key()
    {
        var before = Keys();
        Write("Program.cs", "Console.WriteLine(2);");

        Assert.Equal(before, Keys());
    }

    [Fact]
    public void Editing_a_migrations_up_changes_its_key_and_every_later_one()
    {
        var before = Keys();
        Write("20240101000000_AddTags.cs", "public partial class AddTags : Migration { protected override void Up(MigrationBuilder b) => b.DropTable(\"other\"); }");

        var after = Keys();
        Assert.NotEqual(before[0], after[0]);
        Assert.NotEqual(before[1], after[1]);
    }

    [Fact]
    public void Editing_the_latest_migrations_designer_changes_only_its_key()
    {
        var before = Keys();
        Write("20240102000000_AddUsers.Designer.cs", "partial class AddUsers { /* model changed */ }");

        var after = Keys();
        Assert.Equal(before[0], after[0]);
        Assert.NotEqual(before[1], after[1]);
    }

    [Fact]
    public void A_rule_severity_changes_every_key()
    {
        var before = Keys();
        var after = Keys(severities: RuleSeverities.Parse("COG2101=warning"));

        Assert.NotEqual(before[0], after[0]);
        Assert.NotEqual(before[1], after[1]);
    }

    [Fact]
    public void Equal_rule_settings_written_differently_give_the_same_keys()
        => Assert.Equal(Keys(severities: RuleSeverities.Parse("cog2101=WARNING; COG2102=none")), Keys(severities: RuleSeverities.Parse("COG2102=off;COG2101=warn")));

    [Fact]
    public void A_provider_option_that_changes_the_sql_changes_every_key()
    {
        var before = Keys();
        var after = Keys(configure: o => o.UseNpgsql("Host=localhost", n => n.SetPostgresVersion(12, 0)));

        Assert.NotEqual(before[0], after[0]);
    }

    [Fact]
    public void The_connection_string_is_not_part_of_the_key()
        => Assert.Equal(Keys(), Keys(configure: o => o.UseNpgsql("Host=elsewhere;Username=app;Password=secret")));

    [Fact]
    public void Another_dbcontext_gives_other_keys()
        => Assert.NotEqual(Keys()[0], Keys(contextType: typeof(OtherContext))[0]);

    [Fact]
    public void A_migration_whose_files_are_not_found_has_no_key_and_neither_have_later_ones()
    {
        File.Delete(Path.Combine(_directory, "20240101000000_AddTags.cs"));
        File.Delete(Path.Combine(_directory, "20240101000000_AddTags.Designer.cs"));

        Assert.All(Keys(), key => Assert.Null(key));
    }

    [Fact]
    public void A_migration_declared_in_a_file_named_otherwise_is_found_by_its_declaration()
    {
        File.Delete(Path.Combine(_directory, "20240102000000_AddUsers.cs"));
        File.Delete(Path.Combine(_directory, "20240102000000_AddUsers.Designer.cs"));
        Write("Second.cs", "public partial class AddUsers : Migration { }");

        var before = Keys();
        Write("Second.cs", "public partial class AddUsers : Migration { /* edited */ }");

        Assert.NotNull(before[1]);
        Assert.NotEqual(before[1], Keys()[1]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private IReadOnlyList<string?> Keys(
        RuleSeverities? severities = null,
        Action<DbContextOptionsBuilder>? configure = null,
        Type? contextType = null)
    {
        var builder = new DbContextOptionsBuilder();
        (configure ?? (o => o.UseNpgsql("Host=localhost")))(builder);
        using var context = new KeysContext(builder.Options);
        var files = new MigrationSourceFiles(new SourceIndex(Directory.GetFiles(_directory)), SourceHashMemo.None());
        var contextKey = MigrationCacheKeys.ForContext(context, contextType ?? typeof(KeysContext), severities ?? RuleSeverities.Defaults, files);
        return MigrationCacheKeys.ForMigrations(contextKey, [("20240101000000_AddTags", typeof(AddTags)), ("20240102000000_AddUsers", typeof(AddUsers))], files);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_directory, name), text);

    private sealed class KeysContext(DbContextOptions options) : DbContext(options);

    private sealed class OtherContext(DbContextOptions options) : DbContext(options);

    private sealed class AddTags;

    private sealed class AddUsers;
}
