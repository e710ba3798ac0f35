using Cognova.Engine.Lint.Sql;

namespace Cognova.Build.Tests.Lint.Sql;

public sealed class SqlLexerTests
{
    [Fact]
    public void Splits_a_simple_statement_into_words_punctuation_operators_and_numbers()
    {
        Assert.Equal(
            [
                (SqlTokenKind.Word, "SELECT"), (SqlTokenKind.Word, "a"), (SqlTokenKind.Punctuation, ","),
                (SqlTokenKind.Word, "b"), (SqlTokenKind.Word, "FROM"), (SqlTokenKind.Word, "t"),
                (SqlTokenKind.Word, "WHERE"), (SqlTokenKind.Word, "a"), (SqlTokenKind.Operator, "<>"),
                (SqlTokenKind.Number, "42"), (SqlTokenKind.Punctuation, ";"),
            ],
            Significant("SELECT a, b FROM t WHERE a <> 42;"));
    }

    [Fact]
    public void Keeps_whitespace_as_tokens()
    {
        var tokens = SqlLexer.Tokenize("a \t\r\n b");

        Assert.Equal([SqlTokenKind.Word, SqlTokenKind.Whitespace, SqlTokenKind.Word], tokens.Select(t => t.Kind));
        Assert.Equal(" \t\r\n ", tokens[1].Text);
    }

    [Fact]
    public void Returns_no_tokens_for_empty_input()
    {
        Assert.Empty(SqlLexer.Tokenize(""));
    }

    [Fact]
    public void Reads_a_line_comment_up_to_the_end_of_the_line()
    {
        var tokens = SqlLexer.Tokenize("SELECT 1 -- DROP TABLE x;\nSELECT 2");

        Assert.Contains(new SqlToken(SqlTokenKind.Comment, "-- DROP TABLE x;", 9, 1), tokens);
        Assert.Equal(SqlTokenKind.Whitespace, tokens.Single(t => t.Text == "\n").Kind);
    }

    [Fact]
    public void Reads_a_line_comment_at_the_end_of_the_input()
    {
        Assert.Equal([(SqlTokenKind.Comment, "-- last")], Significant("-- last"));
    }

    [Fact]
    public void Reads_a_block_comment()
    {
        Assert.Equal(
            [(SqlTokenKind.Word, "a"), (SqlTokenKind.Comment, "/* x; y */"), (SqlTokenKind.Word, "b")],
            Significant("a /* x; y */ b"));
    }

    [Fact]
    public void Nests_block_comments_as_PostgreSQL_does()
    {
        Assert.Equal(
            [(SqlTokenKind.Comment, "/* outer /* inner */ still comment; */"), (SqlTokenKind.Word, "b")],
            Significant("/* outer /* inner */ still comment; */ b"));
    }

    [Fact]
    public void Reads_a_comment_in_the_middle_of_a_statement()
    {
        Assert.Equal(
            [(SqlTokenKind.Word, "DELETE"), (SqlTokenKind.Comment, "/* all */"), (SqlTokenKind.Word, "FROM"), (SqlTokenKind.Comment, "-- here"), (SqlTokenKind.Word, "t")],
            Significant("DELETE /* all */ FROM -- here\n t"));
    }

    [Fact]
    public void Ends_an_operator_where_a_comment_starts()
    {
        Assert.Equal(
            [(SqlTokenKind.Word, "a"), (SqlTokenKind.Operator, "="), (SqlTokenKind.Comment, "--x")],
            Significant("a=--x"));
    }

    [Fact]
    public void Reads_a_string_literal_with_doubled_quotes()
    {
        Assert.Equal(
            [(SqlTokenKind.Word, "SELECT"), (SqlTokenKind.String, "'it''s; DROP TABLE x'"), (SqlTokenKind.Punctuation, ";")],
            Significant("SELECT 'it''s; DROP TABLE x';"));
    }

    [Fact]
    public void Does_not_treat_a_backslash_as_an_escape_in_a_standard_string()
    {
        Assert.Equal([(SqlTokenKind.String, @"'C:\'"), (SqlTokenKind.Word, "x")], Significant(@"'C:\' x"));
    }

    [Fact]
    public void Reads_an_escaped_quote_in_an_escape_string()
    {
        Assert.Equal([(SqlTokenKind.String, @"E'\''"), (SqlTokenKind.Word, "x")], Significant(@"E'\'' x"));
    }

    [Fact]
    public void Reads_escape_strings_with_a_lower_case_prefix_and_escaped_backslashes()
    {
        Assert.Equal([(SqlTokenKind.String, @"e'a\\'"), (SqlTokenKind.Word, "x")], Significant(@"e'a\\' x"));
    }

    [Theory]
    [InlineData("U&'d\\0061t'")]
    [InlineData("u&'x'")]
    [InlineData("B'1010'")]
    [InlineData("X'1F'")]
    [InlineData("x'1f'")]
    [InlineData("N'text'")]
    public void Reads_prefixed_strings_as_one_string_token(string literal)
    {
        Assert.Equal([(SqlTokenKind.String, literal)], Significant(literal));
    }

    [Fact]
    public void Reads_a_word_ending_in_e_before_a_string_as_a_word()
    {
        Assert.Equal([(SqlTokenKind.Word, "name"), (SqlTokenKind.String, "'x'")], Significant("name'x'"));
    }

    [Fact]
    public void Reads_a_dollar_quoted_string()
    {
        Assert.Equal(
            [(SqlTokenKind.Word, "DO"), (SqlTokenKind.DollarString, "$$ BEGIN DELETE FROM t; END $$"), (SqlTokenKind.Punctuation, ";")],
            Significant("DO $$ BEGIN DELETE FROM t; END $$;"));
    }

    [Fact]
    public void Reads_a_dollar_quoted_string_with_a_tag()
    {
        Assert.Equal([(SqlTokenKind.DollarString, "$body$ it's $$ here $body$")], Significant("$body$ it's $$ here $body$"));
    }

    [Fact]
    public void Does_not_close_a_dollar_quoted_string_at_a_different_tag()
    {
        const string sql = "$outer$ x $inner$ ; y $inner$ z $outer$";

        Assert.Equal([(SqlTokenKind.DollarString, sql)], Significant(sql + " "));
    }

    [Fact]
    public void Does_not_accept_a_tag_that_starts_with_a_digit()
    {
        Assert.Equal(
            [(SqlTokenKind.Parameter, "$1"), (SqlTokenKind.Operator, "$")],
            Significant("$1$"));
    }

    [Fact]
    public void Reads_positional_parameters()
    {
        Assert.Equal(
            [(SqlTokenKind.Word, "a"), (SqlTokenKind.Operator, "="), (SqlTokenKind.Parameter, "$12")],
            Significant("a=$12"));
    }

    [Fact]
    public void Keeps_dollar_signs_inside_a_word()
    {
        Assert.Equal([(SqlTokenKind.Word, "a$b"), (SqlTokenKind.Word, "c")], Significant("a$b c"));
    }

    [Fact]
    public void Reads_a_quoted_identifier_with_doubled_quotes()
    {
        Assert.Equal(
            [(SqlTokenKind.Word, "FROM"), (SqlTokenKind.QuotedIdentifier, "\"my \"\"odd\"\"; table\""), (SqlTokenKind.Word, "x")],
            Significant("FROM \"my \"\"odd\"\"; table\" x"));
    }

    [Fact]
    public void Reads_a_unicode_quoted_identifier()
    {
        Assert.Equal([(SqlTokenKind.QuotedIdentifier, "U&\"d\\0061t\"")], Significant("U&\"d\\0061t\""));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("3.14")]
    [InlineData(".5")]
    [InlineData("1e10")]
    [InlineData("2.5E-3")]
    [InlineData("1_000_000")]
    [InlineData("0x1F")]
    [InlineData("0b101")]
    public void Reads_numbers(string number)
    {
        Assert.Equal([(SqlTokenKind.Number, number)], Significant(number));
    }

    [Fact]
    public void Reads_a_PL_pgSQL_range_as_two_numbers_around_two_dots()
    {
        Assert.Equal(
            [(SqlTokenKind.Number, "1"), (SqlTokenKind.Punctuation, "."), (SqlTokenKind.Punctuation, "."), (SqlTokenKind.Number, "10")],
            Significant("1..10"));
    }

    [Fact]
    public void Reads_runs_of_operator_symbols_as_one_operator()
    {
        Assert.Equal(
            [(SqlTokenKind.Word, "x"), (SqlTokenKind.Operator, "::"), (SqlTokenKind.Word, "int"), (SqlTokenKind.Operator, ">="), (SqlTokenKind.Number, "1")],
            Significant("x::int>=1"));
    }

    [Fact]
    public void Reads_each_punctuation_mark_as_its_own_token()
    {
        Assert.Equal(
            ["(", ")", ",", ".", "[", "]", ";"],
            SqlLexer.Tokenize("(),.[];").Select(t => t.Text));
        Assert.All(SqlLexer.Tokenize("(),.[];"), t => Assert.Equal(SqlTokenKind.Punctuation, t.Kind));
    }

    [Fact]
    public void Reads_identifiers_with_non_ascii_letters()
    {
        Assert.Equal([(SqlTokenKind.Word, "größe"), (SqlTokenKind.Word, "_x1")], Significant("größe _x1"));
    }

    [Theory]
    [InlineData("'never closed; DROP TABLE x", SqlTokenKind.String)]
    [InlineData("E'never closed \\'", SqlTokenKind.String)]
    [InlineData("\"never closed", SqlTokenKind.QuotedIdentifier)]
    [InlineData("$tag$ never closed $other$", SqlTokenKind.DollarString)]
    [InlineData("/* never /* closed */", SqlTokenKind.Comment)]
    public void Makes_the_rest_of_the_input_one_token_when_a_construct_is_not_closed(string sql, SqlTokenKind kind)
    {
        var token = Assert.Single(SqlLexer.Tokenize(sql));

        Assert.Equal(new SqlToken(kind, sql, 0, 1), token);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SELECT 1;")]
    [InlineData("DO $$ BEGIN DELETE FROM t; END $$;\r\n-- done\r\n")]
    [InlineData("/* a /* b */ c */ 'x''y' E'\\'' \"q\"\"\" $1 $t$ $$ $t$ 1.5e3 a::b ~~ [1] $ \\ {}")]
    [InlineData("'unterminated")]
    [InlineData("x = $")]
    [InlineData("a\rb\nc\r\nd")]
    public void Reproduces_the_input_when_the_token_texts_are_joined(string sql)
    {
        Assert.Equal(sql, string.Concat(SqlLexer.Tokenize(sql).Select(t => t.Text)));
    }

    [Fact]
    public void Gives_each_token_its_offset_in_the_input()
    {
        const string sql = "UPDATE \"t\" SET a = 'x'";

        Assert.All(SqlLexer.Tokenize(sql), t => Assert.Equal(t.Text, sql.Substring(t.Start, t.Text.Length)));
        Assert.Equal([0, 6, 7, 10, 11, 14, 15, 16, 17, 18, 19], SqlLexer.Tokenize(sql).Select(t => t.Start));
    }

    [Fact]
    public void Gives_each_token_the_line_it_starts_on()
    {
        var tokens = SqlLexer.Tokenize("a\nb\r\nc\rd /* x\ny */ e\n'1\n2' f");

        Assert.Equal(
            [("a", 1), ("b", 2), ("c", 3), ("d", 4), ("/* x\ny */", 4), ("e", 5), ("'1\n2'", 6), ("f", 7)],
            tokens.Where(t => !t.IsTrivia || t.Kind == SqlTokenKind.Comment).Select(t => (t.Text, t.Line)));
    }

    private static List<(SqlTokenKind Kind, string Text)> Significant(string sql) =>
        SqlLexer.Tokenize(sql).Where(t => t.Kind != SqlTokenKind.Whitespace).Select(t => (t.Kind, t.Text)).ToList();
}
