using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Migrations;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Tests.Lint;

/// <summary>Each rule on EF Core operations, positive and negative, through the linter as the host runs it.</summary>
public sealed class OperationRuleTests
{
    [Fact]
    public void Drop_table_and_drop_column_are_destructive_errors()
    {
        var findings = Lint(new DropTableOperation { Name = "legacy" }, new DropColumnOperation { Table = "tags", Name = "color" });

        Assert.Equal([("COG2101", "drops table legacy"), ("COG2102", "drops column tags.color")], findings.Select(f => (f.Rule.Id, f.Hit.Action)));
        Assert.All(findings, f => Assert.Equal(DiagnosticSeverity.Error, f.Severity));
        Assert.Equal([0, 1], findings.Select(f => f.OperationIndex));
    }

    [Fact]
    public void Drop_schema_and_drop_sequence_are_destructive()
    {
        var findings = Lint(new DropSchemaOperation { Name = "billing" }, new DropSequenceOperation { Name = "order_numbers" });

        Assert.Equal(["COG2103", "COG2104"], findings.Select(f => f.Rule.Id));
    }

    [Fact]
    public void A_removed_postgres_enum_is_a_dropped_type()
    {
        var alter = new AlterDatabaseOperation();
        alter.OldDatabase.AddAnnotation("Npgsql:Enum:mood", "happy,sad");

        Assert.Equal("drops enum type mood", Assert.Single(Lint(alter)).Hit.Action);
    }

    [Fact]
    public void Renames_are_destructive_on_existing_tables_only()
    {
        Assert.Equal(
            ["COG2106", "COG2107"],
            Lint(new RenameTableOperation { Name = "tag", NewName = "tags" }, new RenameColumnOperation { Table = "tags", Name = "colour", NewName = "color" }).Select(f => f.Rule.Id));

        Assert.Empty(Lint(CreateTable("fresh"), new RenameColumnOperation { Table = "fresh", Name = "a", NewName = "b" }));
    }

    [Fact]
    public void A_lossy_type_change_is_an_error_and_a_widening_one_only_rewrites()
    {
        var narrowing = Lint(Alter("tags", "weight", "bigint", "integer"));
        var widening = Lint(Alter("tags", "weight", "integer", "bigint"));
        var relaxed = Lint(Alter("tags", "name", "character varying(20)", "character varying(50)"));

        Assert.Equal("COG2105", Assert.Single(narrowing).Rule.Id);
        Assert.Contains("tags.weight from bigint to integer", narrowing.Single().Hit.Action);
        Assert.Equal("COG2303", Assert.Single(widening).Rule.Id);
        Assert.Empty(relaxed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData("")]
    [InlineData(false)]
    public void A_required_column_with_a_placeholder_default_on_an_existing_table_is_a_review_point(object placeholder)
    {
        var add = new AddColumnOperation { Table = "tags", Name = "weight", ClrType = placeholder.GetType(), IsNullable = false, DefaultValue = placeholder };

        var finding = Assert.Single(Lint(add));

        Assert.Equal(("COG2201", DiagnosticSeverity.Warning), (finding.Rule.Id, finding.Severity));
    }

    [Fact]
    public void A_placeholder_default_is_fine_on_a_new_table_nullable_column_or_real_default()
    {
        Assert.Empty(Lint(CreateTable("tags"), new AddColumnOperation { Table = "tags", Name = "w", ClrType = typeof(int), DefaultValue = 0 }));
        Assert.Empty(Lint(new AddColumnOperation { Table = "tags", Name = "w", ClrType = typeof(int), IsNullable = true }));
        Assert.Empty(Lint(new AddColumnOperation { Table = "tags", Name = "w", ClrType = typeof(int), DefaultValue = 5 }));
        Assert.Equal("COG2201", Assert.Single(Lint(new AddColumnOperation { Table = "t", Name = "at", ClrType = typeof(DateTime), DefaultValue = DateTime.MinValue })).Rule.Id);
    }

    [Fact]
    public void Making_an_existing_column_not_null_is_a_review_point()
    {
        var alter = Alter("tags", "color", "text", "text");
        alter.OldColumn.IsNullable = true;
        alter.IsNullable = false;

        Assert.Equal("COG2202", Assert.Single(Lint(alter)).Rule.Id);
    }

    [Fact]
    public void Cascade_foreign_keys_are_review_points_and_new_keys_on_existing_tables_lock()
    {
        var cascade = new AddForeignKeyOperation
        {
            Name = "FK_tags_user", Table = "tags", Columns = ["created_by"], PrincipalTable = "user", PrincipalColumns = ["id"], OnDelete = ReferentialAction.Cascade,
        };
        var created = CreateTable("posts");
        created.ForeignKeys.Add(new AddForeignKeyOperation { Name = "FK_posts_user", Table = "posts", Columns = ["user_id"], PrincipalTable = "user", OnDelete = ReferentialAction.Restrict });

        Assert.Equal(["COG2203", "COG2302"], Lint(cascade).Select(f => f.Rule.Id));
        Assert.Empty(Lint(created));
    }

    [Fact]
    public void Indexes_on_existing_tables_warn_unless_created_concurrently()
    {
        var unique = new CreateIndexOperation { Name = "IX_tags_name", Table = "tags", Columns = ["name"], IsUnique = true };
        var concurrent = new CreateIndexOperation { Name = "IX_tags_color", Table = "tags", Columns = ["color"] };
        concurrent.AddAnnotation("Npgsql:CreatedConcurrently", true);

        Assert.Equal(["COG2204", "COG2301"], Lint(unique).Select(f => f.Rule.Id));
        Assert.Empty(Lint(concurrent));
        Assert.Empty(Lint(CreateTable("fresh"), new CreateIndexOperation { Name = "IX", Table = "fresh", Columns = ["a"], IsUnique = true }));
        Assert.Equal("COG2204", Assert.Single(Lint(new AddUniqueConstraintOperation { Name = "AK", Table = "tags", Columns = ["code"] })).Rule.Id);
    }

    [Fact]
    public void Only_volatile_defaults_on_existing_tables_warn()
    {
        Assert.Equal("COG2304", Assert.Single(Lint(new AddColumnOperation { Table = "tags", Name = "token", ClrType = typeof(Guid), IsNullable = true, DefaultValueSql = "gen_random_uuid()" })).Rule.Id);
        Assert.Empty(Lint(new AddColumnOperation { Table = "tags", Name = "at", ClrType = typeof(DateTime), IsNullable = true, DefaultValueSql = "now()" }));
    }

    [Fact]
    public void Raw_sql_hazards_become_findings_bound_to_their_statement()
    {
        var findings = Lint(new SqlOperation { Sql = "-- DROP TABLE x\nUPDATE tags SET color = 'red' WHERE color IS NULL;\nDELETE FROM sessions;\nTRUNCATE audit;" });

        Assert.Equal(["COG2108", "COG2110"], findings.Select(f => f.Rule.Id));
        Assert.Equal("DELETE FROM sessions", findings[0].Hit.Statement);
        Assert.Equal(Finding.HashStatement("DELETE FROM sessions"), findings[0].StatementHash);
    }

    [Fact]
    public void Severity_overrides_change_or_silence_a_rule()
    {
        var severities = RuleSeverities.Parse("COG2201=error; COG2102=none; COG2307=none");
        var findings = new MigrationLinter(severities).Lint(Script(
            new AddColumnOperation { Table = "tags", Name = "weight", ClrType = typeof(int), DefaultValue = 0 },
            new DropColumnOperation { Table = "tags", Name = "color" }));

        Assert.Equal(("COG2201", DiagnosticSeverity.Error), (Assert.Single(findings).Rule.Id, findings[0].Severity));
    }

    [Theory]
    [InlineData("COG9999=error")]
    [InlineData("COG2201")]
    [InlineData("COG2201=loud")]
    public void A_bad_severity_override_is_a_setting_error(string setting)
        => Assert.Throws<Cognova.Engine.SettingException>(() => RuleSeverities.Parse(setting));

    // The lock_timeout guard (COG2307) has tests of its own; here each test looks at one rule.
    private static List<Finding> Lint(params MigrationOperation[] operations)
        => new MigrationLinter(RuleSeverities.Parse("COG2307=none")).Lint(Script(operations)).ToList();

    private static MigrationScript Script(params MigrationOperation[] operations)
        => new("20240101000000_Test", "Test", operations, operations.Select(o => $"-- {o.GetType().Name}").ToList(), "");

    private static CreateTableOperation CreateTable(string name) => new() { Name = name };

    private static AlterColumnOperation Alter(string table, string column, string oldType, string newType) => new()
    {
        Table = table, Name = column, ClrType = typeof(object), ColumnType = newType,
        OldColumn = new AddColumnOperation { Table = table, Name = column, ClrType = typeof(object), ColumnType = oldType },
    };
}
