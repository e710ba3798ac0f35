using Cognova.Engine.Lint.Sql;

namespace Cognova.Build.Tests.Lint.Sql;

public sealed class RawSqlAnalyzerTests
{
    [Theory]
    [InlineData("")]
    [InlineData("-- DROP TABLE x")]
    [InlineData("/* DELETE FROM t; /* TRUNCATE t; */ DROP TABLE t; */")]
    [InlineData("SELECT 'DROP TABLE x'")]
    [InlineData("SELECT 'it''s; DROP TABLE x'")]
    [InlineData("SELECT E'\\'; DROP TABLE x; --'")]
    [InlineData("SELECT $$; DELETE FROM t; $$")]
    [InlineData("SELECT \"drop\" FROM \"delete\"")]
    [InlineData("INSERT INTO log (message) VALUES ('TRUNCATE sessions')")]
    [InlineData("CREATE INDEX ix_orders ON orders (created)")]
    [InlineData("COMMENT ON TABLE t IS 'DROP me later'")]
    public void Finds_nothing_in_harmless_sql(string sql)
    {
        Assert.Empty(RawSqlAnalyzer.Analyze(sql));
    }

    [Fact]
    public void Does_not_read_the_body_of_a_created_function()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("""
            CREATE OR REPLACE FUNCTION purge_sessions() RETURNS void AS $$
            BEGIN
                DELETE FROM sessions;
            END
            $$ LANGUAGE plpgsql;
            """));
    }

    [Fact]
    public void Does_not_read_the_body_of_a_created_procedure_in_a_string()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("CREATE PROCEDURE wipe() LANGUAGE sql AS 'TRUNCATE t; DROP TABLE u'"));
    }

    [Fact]
    public void Does_not_read_the_begin_atomic_body_of_a_created_function()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("""
            CREATE FUNCTION wipe() RETURNS void LANGUAGE sql
            BEGIN ATOMIC
                DELETE FROM sessions;
                UPDATE users SET token = NULL;
            END;
            """));
    }

    [Fact]
    public void Does_not_read_a_rule_definition()
    {
        Assert.Empty(RawSqlAnalyzer.Analyze("CREATE RULE r AS ON UPDATE TO v DO INSTEAD (DELETE FROM a; UPDATE b SET x = 1)"));
    }

    [Fact]
    public void Reports_every_hazard_of_several_statements_in_order()
    {
        var hazards = RawSqlAnalyzer.Analyze("""
            UPDATE users SET active = true WHERE id = 1;
            DELETE FROM audit_log;
            -- DROP TABLE kept;
            TRUNCATE sessions;
            DROP VIEW legacy;
            DROP FUNCTION calc();
            """);

        Assert.Equal(
            [
                "DELETE FROM audit_log without WHERE",
                "TRUNCATE sessions",
                "DROP VIEW legacy",
                "DROP FUNCTION calc",
            ],
            hazards.Select(h => h.Summary));
        Assert.Equal([2, 4, 5, 6], hazards.Select(h => h.Statement.StartLine));
    }

    [Fact]
    public void Reports_hazards_of_the_statement_after_a_harmless_string_with_a_semicolon()
    {
        var hazard = Assert.Single(RawSqlAnalyzer.Analyze("INSERT INTO t VALUES ('a; DROP VIEW x'); DROP VIEW y"));

        Assert.Equal("y", hazard.Target);
    }

    [Fact]
    public void Does_not_throw_on_truncated_or_malformed_sql()
    {
        foreach (var sql in new[] { "DELETE", "DELETE FROM", "UPDATE", "TRUNCATE", "DROP", "ALTER TABLE", "ALTER TABLE t DROP", "ALTER TABLE t ADD", "ALTER TABLE t ALTER COLUMN", "ALTER TABLE t ADD CONSTRAINT c FOREIGN KEY (", "CREATE INDEX", "CREATE UNIQUE INDEX ON", "CREATE TABLE t (a", "ALTER TYPE t ADD VALUE", "WITH", "WITH a AS (", "DO", "(((", ")))", "'", "$$", "DROP TABLE (" })
        {
            _ = RawSqlAnalyzer.Read(sql);
        }
    }
}
