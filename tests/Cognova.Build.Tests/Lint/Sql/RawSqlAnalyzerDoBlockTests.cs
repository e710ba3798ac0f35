using Cognova.Engine.Lint.Sql;

namespace Cognova.Build.Tests.Lint.Sql;

public sealed class RawSqlAnalyzerDoBlockTests
{
    [Fact]
    public void Accepts_a_do_block_that_only_performs()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("DO $body$ BEGIN PERFORM 1; END $body$"));
    }

    [Fact]
    public void Accepts_a_do_block_that_only_selects()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("""
            DO $$
            DECLARE n int;
            BEGIN
                SELECT count(*) INTO n FROM orders WHERE total < 0;
                IF n > 0 THEN
                    RAISE NOTICE 'found % negative totals', n;
                END IF;
            END
            $$;
            """));
    }

    [Fact]
    public void Flags_a_delete_without_where_inside_a_do_block()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("DO $$ BEGIN DELETE FROM t; END $$"));

        Assert.Equal(RawSqlHazardKind.DeleteWithoutWhere, hazard.Kind);
        Assert.Equal("t", hazard.Target);
        Assert.Equal("DELETE FROM t without WHERE", hazard.Summary);
    }

    [Fact]
    public void Attributes_a_hazard_inside_a_do_block_to_the_do_statement()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("SELECT 1;\nDO $$ BEGIN TRUNCATE t; END $$;"));

        Assert.Equal("DO $$ BEGIN TRUNCATE t; END $$", hazard.Statement.Text);
        Assert.Equal(2, hazard.Statement.StartLine);
    }

    [Fact]
    public void Reads_statements_after_a_declare_section()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("""
            DO $$
            DECLARE
                cutoff date := '2020-01-01';
                note text := 'DROP TABLE nothing; really';
            BEGIN
                UPDATE orders SET archived = true;
            END $$
            """));

        Assert.Equal(RawSqlHazardKind.UpdateWithoutWhere, hazard.Kind);
        Assert.Equal("orders", hazard.Target);
    }

    [Fact]
    public void Reads_statements_in_the_branches_of_an_if()
    {
        var hazards = RawSqlAnalyzer.Analyze("""
            DO $$
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'legacy') THEN
                    DROP VIEW legacy;
                ELSIF CASE WHEN true THEN false ELSE true END THEN
                    DELETE FROM a;
                ELSE
                    DELETE FROM b WHERE id = 1;
                    TRUNCATE c;
                END IF;
            END
            $$
            """);

        Assert.Equal(
            [(RawSqlHazardKind.Drop, "legacy"), (RawSqlHazardKind.DeleteWithoutWhere, "a"), (RawSqlHazardKind.Truncate, "c")],
            hazards.Select(h => (h.Kind, h.Target)));
    }

    [Fact]
    public void Reads_statements_in_loops_nested_blocks_and_exception_handlers()
    {
        var read = RawSqlAnalyzer.Read("""
            DO $outer$
            <<main>>
            BEGIN
                FOR i IN 1..10 LOOP
                    UPDATE counters SET n = i;
                END LOOP;
                WHILE false LOOP
                    ALTER TABLE t DROP COLUMN c;
                END LOOP;
                BEGIN
                    DELETE FROM queue;
                EXCEPTION WHEN others THEN
                    DROP TABLE IF EXISTS scratch;
                END;
            END main
            $outer$
            """);

        Assert.Equal(
            ["UpdateWithoutWhere", "DropColumnOperation", "DeleteWithoutWhere", "DropTableOperation"],
            read.Select(r => r.Operation is RawHazardOperation h ? h.Hazard.Kind.ToString() : r.Operation.GetType().Name));
    }

    [Fact]
    public void Reads_a_nested_declare_block()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze(
            "DO $$ BEGIN IF true THEN DECLARE x int; BEGIN DELETE FROM t; END; END IF; END $$"));

        Assert.Equal("t", hazard.Target);
    }

    [Fact]
    public void Ignores_dynamic_sql_in_execute()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("DO $$ BEGIN EXECUTE 'DROP TABLE x'; EXECUTE format('DELETE FROM %I', 't'); END $$"));
    }

    [Fact]
    public void Accepts_a_body_with_a_nested_dollar_string_that_mentions_drop()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("DO $outer$ BEGIN RAISE NOTICE '%', $inner$ DROP TABLE x; $inner$; END $outer$"));
    }

    [Fact]
    public void Reads_a_body_in_a_quoted_string()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("DO 'BEGIN DELETE FROM \"it''s\"; END'"));

        Assert.Equal("it's", hazard.Target);
    }

    [Fact]
    public void Reads_a_body_in_an_escape_string()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("DO E'BEGIN\\n  DELETE FROM t WHERE note = \\'x\\';\\n  TRUNCATE u;\\nEND'"));

        Assert.Equal(RawSqlHazardKind.Truncate, hazard.Kind);
    }

    [Fact]
    public void Reads_a_body_with_the_language_before_or_after_it()
    {
        Assert.Single(RawSqlAnalyzer.Analyze("DO LANGUAGE plpgsql $$ BEGIN DELETE FROM t; END $$"));
        Assert.Single(RawSqlAnalyzer.Analyze("DO $$ BEGIN DELETE FROM t; END $$ LANGUAGE 'PLPGSQL'"));
    }

    [Fact]
    public void Does_not_read_a_body_in_another_language()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("DO LANGUAGE plpython3u $$ plpy.execute('DELETE FROM t') $$"));
    }

    [Fact]
    public void Reads_a_common_table_expression_inside_a_do_block()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze(
            "DO $$ BEGIN WITH x AS (SELECT 1) DELETE FROM t; END $$"));

        Assert.Equal(RawSqlHazardKind.DeleteWithoutWhere, hazard.Kind);
    }

    [Fact]
    public void Accepts_an_unterminated_do_body_without_throwing()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("DO $$ BEGIN DELETE FROM t"));

        Assert.Equal("t", hazard.Target);
    }
}
