using Cognova.Engine.Tool.Script;

namespace Cognova.Build.Tests.Tool;

public sealed class ScriptableRawSqlTests
{
    [Fact]
    public void Closes_the_last_statement_with_a_semicolon_before_a_trailing_comment()
    {
        var result = ScriptableRawSql.Rewrite("UPDATE posts SET rating = 0 WHERE rating IS NULL -- backfill\n", insideDoBlock: false);

        Assert.Equal("UPDATE posts SET rating = 0 WHERE rating IS NULL; -- backfill\n", result.Sql);
        Assert.Equal(["closed with ';': UPDATE posts SET rating = 0 WHERE rating IS NULL"], result.Changes);
    }

    [Fact]
    public void Leaves_terminated_statements_and_a_plain_script_select_alone()
    {
        const string sql = "INSERT INTO a VALUES (1);\nSELECT setval('a_id_seq', 5);";

        var result = ScriptableRawSql.Rewrite(sql, insideDoBlock: false);

        Assert.Equal(sql, result.Sql);
        Assert.Empty(result.Changes);
        Assert.Empty(result.Hazards);
    }

    [Fact]
    public void Turns_each_top_level_select_of_a_do_block_into_perform_and_leaves_subqueries_and_strings()
    {
        var result = ScriptableRawSql.Rewrite(
            "select setval('a_id_seq', (SELECT max(id) FROM a));\nINSERT INTO log VALUES ('SELECT 1'); Select pg_notify('x', 'y')",
            insideDoBlock: true);

        Assert.Equal(
            "PERFORM setval('a_id_seq', (SELECT max(id) FROM a));\nINSERT INTO log VALUES ('SELECT 1'); PERFORM pg_notify('x', 'y');",
            result.Sql);
        Assert.Equal(3, result.Changes.Count);
        Assert.Empty(result.Hazards);
    }

    [Fact]
    public void Leaves_select_in_a_function_body_alone()
    {
        const string sql = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;";

        var result = ScriptableRawSql.Rewrite(sql, insideDoBlock: true);

        Assert.Equal(sql, result.Sql);
        Assert.Empty(result.Hazards);
    }

    [Fact]
    public void Reports_row_returning_statements_that_perform_cannot_take_the_place_of()
    {
        var result = ScriptableRawSql.Rewrite(
            "SELECT * INTO archive FROM posts; WITH x AS (SELECT 1) SELECT * FROM x; WITH gone AS (DELETE FROM a) INSERT INTO b SELECT 1;",
            insideDoBlock: true);

        Assert.Equal(["SELECT * INTO archive FROM posts", "WITH x AS (SELECT 1) SELECT * FROM x"], result.Hazards);
        Assert.Empty(result.Changes);
    }
}
