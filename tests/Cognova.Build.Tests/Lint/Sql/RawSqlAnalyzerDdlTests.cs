using Cognova.Build.Design.Lint.Sql;

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
    public void Flags_a_drop_table()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("DROP TABLE legacy_orders;"));

        Assert.Equal(RawSqlHazardKind.Drop, hazard.Kind);
        Assert.Equal("legacy_orders", hazard.Target);
        Assert.Equal("DROP TABLE legacy_orders", hazard.Summary);
    }

    [Fact]
    public void Reads_a_drop_table_if_exists_of_several_tables_with_cascade()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("drop table if exists a, \"B\" cascade"));

        Assert.Equal("a, B", hazard.Target);
        Assert.Equal("DROP TABLE a, B CASCADE", hazard.Summary);
    }

    [Theory]
    [InlineData("DROP INDEX CONCURRENTLY IF EXISTS ix_orders_date", "ix_orders_date", "DROP INDEX ix_orders_date")]
    [InlineData("DROP VIEW reporting.totals", "reporting.totals", "DROP VIEW reporting.totals")]
    [InlineData("DROP MATERIALIZED VIEW mv", "mv", "DROP MATERIALIZED VIEW mv")]
    [InlineData("DROP FOREIGN TABLE remote_orders", "remote_orders", "DROP FOREIGN TABLE remote_orders")]
    [InlineData("DROP SCHEMA staging CASCADE", "staging", "DROP SCHEMA staging CASCADE")]
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
    public void Flags_an_alter_table_drop_column()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("ALTER TABLE tags DROP COLUMN color"));

        Assert.Equal(RawSqlHazardKind.DropColumn, hazard.Kind);
        Assert.Equal("tags.color", hazard.Target);
        Assert.Equal("ALTER TABLE tags DROP COLUMN color", hazard.Summary);
    }

    [Fact]
    public void Flags_an_alter_table_drop_without_the_word_column()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("ALTER TABLE IF EXISTS ONLY public.tags DROP IF EXISTS \"Color\" CASCADE"));

        Assert.Equal("public.tags.Color", hazard.Target);
        Assert.Equal("ALTER TABLE public.tags DROP COLUMN Color CASCADE", hazard.Summary);
    }

    [Fact]
    public void Accepts_an_alter_table_drop_constraint()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("ALTER TABLE tags DROP CONSTRAINT fk_tags_owner"));
    }

    [Fact]
    public void Accepts_alter_table_actions_that_drop_no_column()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze(
            "ALTER TABLE tags ALTER COLUMN color DROP DEFAULT, ALTER COLUMN name DROP NOT NULL, ADD COLUMN x int"));
    }

    [Fact]
    public void Checks_each_action_of_a_multi_action_alter_table()
    {
        var hazards = RawSqlAnalyzer.Analyze("""
            ALTER TABLE tags
                ADD COLUMN label text DEFAULT concat('a', 'b'),
                DROP CONSTRAINT ck_color,
                DROP COLUMN color,
                ALTER COLUMN name SET NOT NULL,
                DROP legacy_id RESTRICT;
            """);

        Assert.Equal(["tags.color", "tags.legacy_id"], hazards.Select(h => h.Target));
        Assert.All(hazards, h => Assert.Equal(RawSqlHazardKind.DropColumn, h.Kind));
        Assert.Same(hazards[0].Statement, hazards[1].Statement);
    }

    [Fact]
    public void Accepts_an_alter_table_that_renames()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("ALTER TABLE tags RENAME COLUMN color TO colour"));
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
