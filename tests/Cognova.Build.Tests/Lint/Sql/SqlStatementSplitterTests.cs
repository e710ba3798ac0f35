using Cognova.Engine.Lint.Sql;

namespace Cognova.Build.Tests.Lint.Sql;

public sealed class SqlStatementSplitterTests
{
    [Fact]
    public void Splits_several_statements_in_one_string()
    {
        var statements = SqlStatementSplitter.Split("DELETE FROM a WHERE id = 1; UPDATE b SET x = 2;TRUNCATE c");

        Assert.Equal(["DELETE FROM a WHERE id = 1", "UPDATE b SET x = 2", "TRUNCATE c"], statements.Select(s => s.Text));
    }

    [Fact]
    public void Returns_a_single_statement_without_a_semicolon()
    {
        var statement = Assert.Single(SqlStatementSplitter.Split("SELECT 1"));

        Assert.Equal("SELECT 1", statement.Text);
        Assert.Equal(1, statement.StartLine);
    }

    [Fact]
    public void Does_not_split_at_a_semicolon_inside_a_string()
    {
        var statement = Assert.Single(SqlStatementSplitter.Split("INSERT INTO t VALUES ('a;b', E'c\\';d');"));

        Assert.Equal("INSERT INTO t VALUES ('a;b', E'c\\';d')", statement.Text);
    }

    [Fact]
    public void Does_not_split_at_a_semicolon_inside_a_quoted_identifier()
    {
        Assert.Single(SqlStatementSplitter.Split("SELECT \"a;b\" FROM t;"));
    }

    [Fact]
    public void Does_not_split_at_a_semicolon_inside_comments()
    {
        var statements = SqlStatementSplitter.Split("SELECT 1 -- one; two\n+ 1 /* three; /* four; */ five; */ + 1; SELECT 2");

        Assert.Equal(2, statements.Count);
        Assert.Equal("SELECT 1 -- one; two\n+ 1 /* three; /* four; */ five; */ + 1", statements[0].Text);
    }

    [Fact]
    public void Does_not_split_at_a_semicolon_inside_a_dollar_quoted_body()
    {
        var statements = SqlStatementSplitter.Split("DO $body$ BEGIN DELETE FROM t; PERFORM $x$;$x$; END $body$; SELECT 1;");

        Assert.Equal(["DO $body$ BEGIN DELETE FROM t; PERFORM $x$;$x$; END $body$", "SELECT 1"], statements.Select(s => s.Text));
    }

    [Fact]
    public void Does_not_split_at_a_semicolon_inside_parentheses()
    {
        var statements = SqlStatementSplitter.Split("CREATE RULE r AS ON DELETE TO t DO ALSO (DELETE FROM a; DELETE FROM b); SELECT 1");

        Assert.Equal(["CREATE RULE r AS ON DELETE TO t DO ALSO (DELETE FROM a; DELETE FROM b)", "SELECT 1"], statements.Select(s => s.Text));
    }

    [Fact]
    public void Does_not_split_inside_the_begin_atomic_body_of_a_function()
    {
        const string function = """
            CREATE OR REPLACE FUNCTION purge() RETURNS int LANGUAGE sql
            BEGIN ATOMIC
              DELETE FROM t;
              SELECT CASE WHEN true THEN 1 ELSE 0 END;
            END
            """;

        var statements = SqlStatementSplitter.Split(function + ";\nSELECT 2;");

        Assert.Equal([function, "SELECT 2"], statements.Select(s => s.Text));
    }

    [Fact]
    public void Splits_after_a_transaction_begin_as_usual()
    {
        var statements = SqlStatementSplitter.Split("BEGIN; DELETE FROM t; END;");

        Assert.Equal(["BEGIN", "DELETE FROM t", "END"], statements.Select(s => s.Text));
    }

    [Fact]
    public void Drops_empty_statements_and_statements_that_are_only_comments()
    {
        var statements = SqlStatementSplitter.Split(";; -- nothing\n; /* nothing */ ;\n SELECT 1 ;;  ");

        Assert.Equal("SELECT 1", Assert.Single(statements).Text);
    }

    [Fact]
    public void Returns_nothing_for_whitespace_only_input()
    {
        Assert.Empty(SqlStatementSplitter.Split(" \n\t "));
        Assert.Empty(SqlStatementSplitter.Split(""));
    }

    [Fact]
    public void Leaves_leading_and_trailing_comments_out_of_the_text_but_keeps_inner_ones()
    {
        var statement = Assert.Single(SqlStatementSplitter.Split("-- purge\n  DELETE /* all */ FROM t -- really\n;"));

        Assert.Equal("DELETE /* all */ FROM t", statement.Text);
    }

    [Fact]
    public void Gives_each_statement_the_line_of_its_first_significant_token()
    {
        var statements = SqlStatementSplitter.Split("SELECT 1;\n\n-- comment\nSELECT\n2; /* a\nb */ SELECT 3;");

        Assert.Equal([1, 4, 6], statements.Select(s => s.StartLine));
    }

    [Fact]
    public void Gives_each_statement_its_own_tokens_from_first_to_last_significant_token()
    {
        var statements = SqlStatementSplitter.Split("SELECT 1; DROP /* x */ TABLE t ;");

        Assert.Equal(["SELECT", " ", "1"], statements[0].Tokens.Select(t => t.Text));
        Assert.Equal(["DROP", " ", "/* x */", " ", "TABLE", " ", "t"], statements[1].Tokens.Select(t => t.Text));
        Assert.Equal(10, statements[1].Tokens[0].Start);
    }

    [Fact]
    public void Makes_an_unterminated_string_part_of_the_last_statement()
    {
        var statements = SqlStatementSplitter.Split("SELECT 1; SELECT 'oops; DROP TABLE t;");

        Assert.Equal(["SELECT 1", "SELECT 'oops; DROP TABLE t;"], statements.Select(s => s.Text));
    }

    [Fact]
    public void Leaves_the_semicolon_out_of_the_statement_tokens()
    {
        var statement = Assert.Single(SqlStatementSplitter.Split("TRUNCATE t;"));

        Assert.DoesNotContain(statement.Tokens, t => t.Text == ";");
    }
}
