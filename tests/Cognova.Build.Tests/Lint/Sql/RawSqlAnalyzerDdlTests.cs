using Cognova.Engine.Lint.Sql;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Tests.Lint.Sql;

public sealed class RawSqlAnalyzerDdlTests
{
    [Fact]
    public void Flags_a_truncate()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("TRUNCATE sessions"));

        Assert.Equal(RawSqlHazardKind.Truncate, hazard.Kind);
        Assert.Equal("sessions", hazard.Target);
        Assert.Equal("TRUNCATE sessions", hazard.Summary);
    }

    [Fact]
    public void Lists_every_table_of_a_truncate()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("TRUNCATE TABLE ONLY a, public.b *, \"C\" RESTART IDENTITY CASCADE"));

        Assert.Equal("a, public.b, C", hazard.Target);
        Assert.Equal("TRUNCATE a, public.b, C CASCADE", hazard.Summary);
    }

    [Fact]
    public void Reads_a_drop_table_as_the_drop_table_operation()
    {
        var drop = Assert.IsType<DropTableOperation>(Assert.Single(RawSqlAnalyzer.Read("DROP TABLE legacy_orders;")).Operation);

        Assert.Equal((null, "legacy_orders"), (drop.Schema, drop.Name));
        Assert.Empty(RawSqlAnalyzer.Analyze("DROP TABLE legacy_orders;"));
    }

    [Fact]
    public void Reads_a_drop_table_if_exists_of_several_tables_into_one_operation_each()
    {
        var read = RawSqlAnalyzer.Read("drop table if exists a, public.\"B\" cascade");

        Assert.Equal([(null, "a"), ("public", "B")], read.Select(r => (DropTableOperation)r.Operation).Select(d => (d.Schema, d.Name)));
        Assert.All(read, r => Assert.Equal("drop table if exists a, public.\"B\" cascade", r.Statement.Text));
    }

    [Theory]
    [InlineData("DROP SCHEMA staging CASCADE", typeof(DropSchemaOperation))]
    [InlineData("DROP SEQUENCE IF EXISTS order_numbers", typeof(DropSequenceOperation))]
    [InlineData("DROP INDEX CONCURRENTLY IF EXISTS ix_orders_date", typeof(DropIndexOperation))]
    public void Reads_drops_that_have_an_operation_into_it(string sql, Type operation)
    {
        Assert.IsType(operation, Assert.Single(RawSqlAnalyzer.Read(sql)).Operation);
    }

    [Theory]
    [InlineData("DROP VIEW reporting.totals", "reporting.totals", "DROP VIEW reporting.totals")]
    [InlineData("DROP MATERIALIZED VIEW mv", "mv", "DROP MATERIALIZED VIEW mv")]
    [InlineData("DROP FOREIGN TABLE remote_orders", "remote_orders", "DROP FOREIGN TABLE remote_orders")]
    [InlineData("DROP FUNCTION calc(int, text), other()", "calc, other", "DROP FUNCTION calc, other")]
    [InlineData("DROP TRIGGER trg_audit ON orders", "trg_audit", "DROP TRIGGER trg_audit ON orders")]
    [InlineData("DROP POLICY tenant_isolation ON public.tags", "tenant_isolation", "DROP POLICY tenant_isolation ON public.tags")]
    [InlineData("DROP TEXT SEARCH CONFIGURATION my_cfg", "my_cfg", "DROP TEXT SEARCH CONFIGURATION my_cfg")]
    [InlineData("DROP OWNED BY app_user", "app_user", "DROP OWNED BY app_user")]
    [InlineData("DROP CAST (text AS int)", "(text AS int)", "DROP CAST (text AS int)")]
    [InlineData("DROP EXTENSION IF EXISTS \"uuid-ossp\"", "uuid-ossp", "DROP EXTENSION uuid-ossp")]
    [InlineData("DROP TYPE order_status", "order_status", "DROP TYPE order_status")]
    public void Reads_what_a_drop_drops(string sql, string target, string summary)
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze(sql));

        Assert.Equal(RawSqlHazardKind.Drop, hazard.Kind);
        Assert.Equal(target, hazard.Target);
        Assert.Equal(summary, hazard.Summary);
    }

    [Fact]
    public void Reads_an_alter_table_drop_column_as_the_drop_column_operation()
    {
        var drop = Assert.IsType<DropColumnOperation>(Assert.Single(RawSqlAnalyzer.Read("ALTER TABLE tags DROP COLUMN color")).Operation);

        Assert.Equal(("tags", "color"), (drop.Table, drop.Name));
    }

    [Fact]
    public void Reads_an_alter_table_drop_without_the_word_column()
    {
        var drop = Assert.IsType<DropColumnOperation>(Assert.Single(RawSqlAnalyzer.Read("ALTER TABLE IF EXISTS ONLY public.tags DROP IF EXISTS \"Color\" CASCADE")).Operation);

        Assert.Equal(("public", "tags", "Color"), (drop.Schema, drop.Table, drop.Name));
    }

    [Fact]
    public void Reads_no_operation_from_an_alter_table_drop_constraint()
    {
        var read = Assert.Single(RawSqlAnalyzer.Read("ALTER TABLE tags DROP CONSTRAINT fk_tags_owner"));

        Assert.Equal(RawSqlHazardKind.Other, Assert.IsType<RawHazardOperation>(read.Operation).Hazard.Kind);
    }

    [Fact]
    public void Reads_each_action_of_a_multi_action_alter_table()
    {
        var read = RawSqlAnalyzer.Read("""
            ALTER TABLE tags
                ADD COLUMN label text DEFAULT concat('a', 'b'),
                DROP CONSTRAINT ck_color,
                DROP COLUMN color,
                ALTER COLUMN name SET NOT NULL,
                ALTER COLUMN note DROP DEFAULT,
                DROP legacy_id RESTRICT;
            """);

        Assert.Equal(
            ["AddColumnOperation label", "DropColumnOperation color", "AlterColumnOperation name", "DropColumnOperation legacy_id"],
            read.Select(r => $"{r.Operation.GetType().Name} {((dynamic)r.Operation).Name}"));
        Assert.Equal("concat('a', 'b')", ((AddColumnOperation)read[0].Operation).DefaultValueSql);
        Assert.False(((AlterColumnOperation)read[2].Operation).IsNullable);
        Assert.Single(read.Select(r => r.Statement).Distinct());
    }

    [Fact]
    public void Reads_an_alter_table_that_renames_as_the_rename_operation()
    {
        var rename = Assert.IsType<RenameColumnOperation>(Assert.Single(RawSqlAnalyzer.Read("ALTER TABLE tags RENAME COLUMN color TO colour")).Operation);

        Assert.Equal(("tags", "color", "colour"), (rename.Table, rename.Name, rename.NewName));
    }

    [Fact]
    public void Does_not_take_other_alter_statements_for_a_dropped_column()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("ALTER TYPE status DROP ATTRIBUTE x; ALTER SEQUENCE s RESTART"));
    }

    [Fact]
    public void Accepts_creating_tables_and_indexes()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze(
            "CREATE TABLE t (id int PRIMARY KEY, note text DEFAULT 'DROP TABLE x'); CREATE INDEX ix ON t (note);"));
    }
}
