using Cognova.Engine.Lint;
using Cognova.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cognova.Build.Tests.Cache;

/// <summary>
/// A migration generated on its own (the others come from the cache) gives the same SQL and the same
/// findings as when the whole history is generated: it starts from the model of the migration before it.
/// </summary>
public sealed class PartialGenerationTests
{
    private const string Shorten = "20240103000000_ShortenTagName";

    [Fact]
    public void A_migration_generated_alone_gives_the_same_sql_and_findings_as_in_the_whole_history()
    {
        var linter = new MigrationLinter(RuleSeverities.Parse("COG2307=none"));
        using var whole = new HistoryContext();
        using var alone = new HistoryContext();

        var all = MigrationScripts.Generate(whole);
        var one = Assert.Single(MigrationScripts.Generate(alone, id => id == Shorten));

        var expected = all.Single(s => s.Id == Shorten);
        Assert.Equal(expected.OperationSql, one.OperationSql);
        Assert.Equal(expected.SqlHash, one.SqlHash);
        Assert.NotNull(one.ModelBefore);
        var findings = linter.Lint(one);
        Assert.Equal(linter.Lint(expected), findings);
        // The old type (varchar(50)) comes from the model before the migration, across the one without a model.
        Assert.Contains(findings, f => f.Rule.Id == RuleCatalog.LossyTypeChange.Id);
    }

    [Fact]
    public void Nothing_selected_generates_nothing()
    {
        using var context = new HistoryContext();

        Assert.Empty(MigrationScripts.Generate(context, _ => false));
    }

    private sealed class HistoryContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql("Host=localhost");
    }

    [DbContext(typeof(HistoryContext))]
    [Migration("20240101000000_CreateTags")]
    private sealed class CreateTags : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
            => migrationBuilder.CreateTable(
                name: "tags",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_tags", x => x.id));

        protected override void BuildTargetModel(ModelBuilder modelBuilder) => TagModel(modelBuilder, "character varying(50)");
    }

    [DbContext(typeof(HistoryContext))]
    [Migration("20240102000000_Seed")]
    private sealed class Seed : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
            => migrationBuilder.Sql("INSERT INTO tags (id, name) VALUES (1, 'first');");
    }

    [DbContext(typeof(HistoryContext))]
    [Migration(Shorten)]
    private sealed class ShortenTagName : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
            => migrationBuilder.AlterColumn<string>(name: "name", table: "tags", type: "character varying(10)", nullable: false);

        protected override void BuildTargetModel(ModelBuilder modelBuilder) => TagModel(modelBuilder, "character varying(10)");
    }

    private static void TagModel(ModelBuilder modelBuilder, string nameType)
        => modelBuilder.Entity("Tag", b =>
        {
            b.Property<int>("Id").HasColumnName("id").HasColumnType("integer");
            b.Property<string>("Name").IsRequired().HasColumnName("name").HasColumnType(nameType);
            b.HasKey("Id");
            b.ToTable("tags");
        });
}
