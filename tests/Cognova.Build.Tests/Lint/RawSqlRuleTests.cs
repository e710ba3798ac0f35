using Cognova.Engine.Diagnostics;
using Microsoft.EntityFrameworkCore;
using static Cognova.Build.Tests.Lint.NpgsqlScripts;

namespace Cognova.Build.Tests.Lint;

/// <summary>Raw SQL in <c>migrationBuilder.Sql(…)</c> gets the same rules as the EF Core operations that do the same.</summary>
public sealed class RawSqlRuleTests
{
    [Theory]
    [InlineData("ALTER TABLE tag RENAME TO tags", "COG2106", "renames table tag to tags")]
    [InlineData("ALTER TABLE tags RENAME COLUMN colour TO color", "COG2107", "renames column tags.colour to color")]
    [InlineData("ALTER TABLE tags RENAME colour TO color", "COG2107", "renames column tags.colour to color")]
    [InlineData("ALTER TABLE tags ALTER COLUMN color SET NOT NULL", "COG2202", "makes column tags.color NOT NULL")]
    [InlineData("DROP SEQUENCE order_numbers", "COG2104", "drops sequence order_numbers")]
    [InlineData("DROP TYPE order_status", "COG2104", "runs DROP TYPE order_status")]
    [InlineData("DROP SCHEMA staging CASCADE", "COG2103", "drops schema staging")]
    [InlineData("DROP TABLE legacy", "COG2101", "drops table legacy")]
    [InlineData("ALTER TABLE public.tags DROP COLUMN color", "COG2102", "drops column public.tags.color")]
    public void Raw_ddl_gets_the_rule_of_the_matching_operation(string sql, string code, string action)
    {
        var finding = Assert.Single(CheckSql(sql));

        Assert.Equal((code, action), (finding.Rule.Id, finding.Hit.Action));
        Assert.Equal(sql, finding.Hit.Statement);
    }

    [Fact]
    public void Raw_ddl_on_a_table_created_in_the_same_sql_is_not_an_existing_table()
    {
        Assert.Empty(CheckSql("CREATE TABLE tags (id int, colour text); ALTER TABLE tags RENAME COLUMN colour TO color; ALTER TABLE tags ALTER COLUMN color SET NOT NULL;"));
    }

    [Fact]
    public void A_raw_type_change_is_classified_against_the_type_in_the_model_before_the_migration()
    {
        var before = NpgsqlScripts.Model(b => b.Entity("Account", e =>
        {
            e.ToTable("accounts");
            e.Property<int>("id");
            e.Property<decimal>("external_id").HasColumnName("external_id").HasColumnType("numeric(20,0)");
        }));

        var finding = Assert.Single(CheckAfter(before, new Microsoft.EntityFrameworkCore.Migrations.Operations.SqlOperation { Sql = "ALTER TABLE accounts ALTER COLUMN external_id TYPE bigint" }));

        Assert.Equal("COG2105", finding.Rule.Id);
        Assert.Contains("from numeric(20,0) to bigint", finding.Hit.Action);
    }

    [Fact]
    public void A_raw_type_change_with_an_unknown_old_type_is_a_rewrite_warning()
    {
        var finding = Assert.Single(CheckSql("ALTER TABLE tags ALTER COLUMN weight SET DATA TYPE bigint USING weight::bigint"));

        Assert.Equal("COG2303", finding.Rule.Id);
        Assert.Contains("column tags.weight to bigint", finding.Hit.Action);
    }

    [Fact]
    public void Create_index_concurrently_inside_the_migration_transaction_is_an_error()
    {
        var finding = Assert.Single(CheckSql("CREATE INDEX CONCURRENTLY ix_tags_color ON tags (color)"));

        Assert.Equal(("COG2401", DiagnosticSeverity.Error), (finding.Rule.Id, finding.Severity));
        Assert.Equal("runs CREATE INDEX CONCURRENTLY on tags inside the migration's transaction", finding.Hit.Action);
    }

    [Fact]
    public void Create_index_concurrently_alone_without_a_transaction_passes()
    {
        Assert.Empty(CheckSql("CREATE INDEX CONCURRENTLY ix_tags_color ON tags (color);", suppressTransaction: true));
        Assert.Empty(CheckSql("DROP INDEX CONCURRENTLY IF EXISTS ix_tags_color", suppressTransaction: true));
    }

    [Fact]
    public void Concurrently_with_other_statements_in_one_sql_call_is_an_error_even_without_a_transaction()
    {
        var findings = CheckSql("CREATE INDEX CONCURRENTLY ix_a ON tags (a); CREATE INDEX CONCURRENTLY ix_b ON tags (b);", suppressTransaction: true);

        Assert.Equal(["COG2401", "COG2401"], findings.Codes());
        Assert.EndsWith("together with other statements in one Sql call", findings[0].Hit.Action);
    }

    [Theory]
    [InlineData("BEGIN; UPDATE tags SET color = 'red' WHERE id = 1; COMMIT;")]
    [InlineData("ROLLBACK")]
    [InlineData("START TRANSACTION")]
    [InlineData("DO $$ BEGIN UPDATE tags SET a = 1 WHERE id = 1; COMMIT; END $$")]
    public void Transaction_control_inside_the_migration_transaction_is_an_error(string sql)
    {
        var findings = CheckSql(sql);

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(("COG2402", DiagnosticSeverity.Error), (f.Rule.Id, f.Severity)));
    }

    [Fact]
    public void Transaction_control_in_a_sql_call_without_a_transaction_passes()
    {
        Assert.Empty(CheckSql("BEGIN; UPDATE tags SET color = 'red' WHERE id = 1; COMMIT;", suppressTransaction: true));
    }

    [Theory]
    [InlineData("VACUUM ANALYZE tags")]
    [InlineData("REINDEX INDEX CONCURRENTLY ix_tags")]
    public void Statements_refused_in_a_transaction_block_are_errors_inside_one(string sql)
    {
        Assert.Equal(["COG2401"], CheckSql(sql).Codes());
        Assert.Empty(CheckSql(sql, suppressTransaction: true));
    }
}
