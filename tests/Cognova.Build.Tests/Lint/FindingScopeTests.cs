using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using static Cognova.Build.Tests.Lint.NpgsqlScripts;

namespace Cognova.Build.Tests.Lint;

/// <summary>Findings that were wrong or too loud: index and trigger drops, emptied tables, keys of new tables, messages.</summary>
public sealed class FindingScopeTests
{
    [Fact]
    public void An_index_drop_is_a_lock_warning_for_the_operation_and_for_raw_sql_alike()
    {
        var operation = Assert.Single(Check(new DropIndexOperation { Name = "IX_tags_color", Table = "tags" }));
        var raw = Assert.Single(CheckSql("DROP INDEX IF EXISTS ix_tags_color"));

        Assert.Equal(("COG2305", "COG2305"), (operation.Rule.Id, raw.Rule.Id));
        Assert.Equal(Cognova.Engine.Diagnostics.DiagnosticSeverity.Warning, raw.Severity);
        Assert.Equal("drops index ix_tags_color without CONCURRENTLY", raw.Hit.Action);
        Assert.DoesNotContain("lost", raw.Rule.Why.Replace("No data is lost", ""), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DROP TRIGGER trg_audit ON orders")]
    [InlineData("DROP POLICY tenant_isolation ON tags")]
    public void Dropping_a_trigger_or_policy_is_not_flagged(string sql)
    {
        Assert.Empty(CheckSql(sql));
    }

    [Theory]
    [InlineData("DROP VIEW reporting.totals", "COG2205")]
    [InlineData("DROP FUNCTION calc(int)", "COG2205")]
    [InlineData("DROP VIEW reporting.totals CASCADE", "COG2111")]
    [InlineData("DROP EXTENSION hstore", "COG2111")]
    public void A_dropped_definition_is_a_review_point_unless_it_holds_data_or_cascades(string sql, string code)
    {
        Assert.Equal([code], CheckSql(sql).Codes());
    }

    [Fact]
    public void A_placeholder_default_on_a_table_emptied_earlier_in_the_migration_is_not_flagged()
    {
        var add = new AddColumnOperation { Table = "sessions", Name = "weight", ClrType = typeof(int), ColumnType = "integer", DefaultValue = 0 };

        var findings = Check(new SqlOperation { Sql = "TRUNCATE sessions;" }, add);
        var deleted = Check(new SqlOperation { Sql = "DELETE FROM public.sessions" }, add);

        Assert.Equal(["COG2110"], findings.Codes());
        Assert.Equal(["COG2108"], deleted.Codes());
        Assert.Equal(["COG2201"], Check(new SqlOperation { Sql = "DELETE FROM sessions WHERE id = 1" }, add).Codes());
    }

    [Fact]
    public void Cascade_keys_of_a_new_table_are_not_flagged_but_added_to_an_existing_one_are()
    {
        var created = new CreateTableOperation { Name = "posts" };
        created.ForeignKeys.Add(new AddForeignKeyOperation { Name = "FK_posts_user", Table = "posts", Columns = ["user_id"], PrincipalTable = "users", OnDelete = ReferentialAction.Cascade });
        created.ForeignKeys.Add(new AddForeignKeyOperation { Name = "FK_posts_blog", Table = "posts", Columns = ["blog_id"], PrincipalTable = "blogs", OnDelete = ReferentialAction.Cascade });
        var changedDeleteBehaviour = new AddForeignKeyOperation { Name = "FK_tags_user", Table = "tags", Columns = ["user_id"], PrincipalTable = "users", OnDelete = ReferentialAction.Cascade };

        Assert.Empty(Check(created));
        Assert.Equal(
            ["COG2203", "COG2302"],
            Check(new DropForeignKeyOperation { Name = "FK_tags_user", Table = "tags" }, changedDeleteBehaviour).Codes());
    }

    [Fact]
    public void A_rewrite_message_says_the_lock_sentence_once()
    {
        var alter = new AlterColumnOperation
        {
            Table = "tags", Name = "weight", ClrType = typeof(long), ColumnType = "bigint",
            OldColumn = new AddColumnOperation { Table = "tags", Name = "weight", ClrType = typeof(int), ColumnType = "integer" },
        };

        var finding = Assert.Single(Check(alter));
        var message = Cognova.Engine.Lint.FindingMessage.Format(finding, "approve");

        Assert.Equal("COG2303", finding.Rule.Id);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(message, "ACCESS EXCLUSIVE"));
    }
}
