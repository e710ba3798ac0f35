using Cognova.Studio.Sql;

namespace Cognova.Studio.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class SqlBuildingTests
{
    [Theory]
    [InlineData("Tags", "\"Tags\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("x\"; DROP TABLE t; --", "\"x\"\"; DROP TABLE t; --\"")]
    [InlineData("", "\"\"")]
    public void Identifiers_are_quoted_with_inner_quotes_doubled(string name, string quoted)
        => Assert.Equal(quoted, SqlText.Quote(name));

    [Fact]
    public void A_nul_character_in_a_name_is_refused()
        => Assert.Equal(400, Assert.Throws<StudioRequestException>(() => SqlText.Quote("a\0b")).Status);

    [Fact]
    public void A_table_name_with_quotes_stays_one_identifier_in_every_statement()
    {
        var table = TestTables.Table("s\"; DROP SCHEMA x; --", "t\"x", ["Id"], TestTables.Column("Id", "integer", nullable: false));
        var (page, _) = TableQueries.Page(table, RowQuery.Parse([], [], null, null));
        Assert.Contains("FROM \"s\"\"; DROP SCHEMA x; --\".\"t\"\"x\" AS r", page.Text);
        Assert.Equal(2, page.Text.Count(c => c == ';')); // both inside the quoted schema name
    }

    [Fact]
    public void Filter_values_are_parameters_cast_to_the_columns_type_never_sql()
    {
        var query = RowQuery.Parse([], ["Name:eq:x'; DROP TABLE t; --", "Price:ge:83261.85", "Id:isNull"], null, null);
        var (page, _) = TableQueries.Page(TestTables.Tags, query);
        Assert.Contains("r.\"Name\" = $1::text AND r.\"Price\" >= $2::numeric(12,2) AND r.\"Id\" IS NULL", page.Text);
        Assert.DoesNotContain("DROP", page.Text);
        Assert.Equal(["x'; DROP TABLE t; --", "83261.85"], page.Parameters);
    }

    [Fact]
    public void Contains_and_startsWith_match_percent_and_underscore_literally()
    {
        var query = RowQuery.Parse([], ["Name:contains:100%_\\x", "Color:startsWith:a_"], null, null);
        var (page, _) = TableQueries.Page(TestTables.Tags, query);
        Assert.Contains("r.\"Name\"::text ILIKE $1 AND r.\"Color\"::text ILIKE $2", page.Text);
        Assert.Equal(["%100\\%\\_\\\\x%", "a\\_%"], page.Parameters);
    }

    [Fact]
    public void Unknown_columns_are_refused_before_any_sql_is_written()
    {
        foreach (var (sorts, filters) in new (string[], string[])[] { (["Nope\"; DROP TABLE t; --:asc"], []), ([], ["r.\"Id\":eq:1"]) })
        {
            var error = Assert.Throws<StudioRequestException>(() => TableQueries.Page(TestTables.Tags, RowQuery.Parse(sorts, filters, null, null)));
            Assert.Equal(400, error.Status);
            Assert.Contains("has no column", error.Message);
        }
    }

    [Theory]
    [InlineData("PlacedAt:ge:2024-03-01 10:00:00+00", "PlacedAt", "Ge", "2024-03-01 10:00:00+00")]
    [InlineData("a:b:eq:1", "a:b", "Eq", "1")]
    [InlineData("Name:contains:", "Name", "Contains", "")]
    [InlineData("Name:notNull", "Name", "NotNull", null)]
    [InlineData("Name:startsWith:x:y", "Name", "StartsWith", "x:y")]
    public void Filters_read_column_operator_and_value(string text, string column, string op, string? value)
        => Assert.Equal(new ColumnFilter(column, Enum.Parse<FilterOperator>(op), value), RowQuery.ParseFilter(text));

    [Theory]
    [InlineData("Name")]
    [InlineData("Name:like:x")]
    [InlineData("Name:eq")]
    public void Malformed_filters_are_400(string text)
        => Assert.Equal(400, Assert.Throws<StudioRequestException>(() => RowQuery.ParseFilter(text)).Status);

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-1")]
    [InlineData("ten")]
    public void Limits_outside_1_to_1000_are_400(string limit)
        => Assert.Equal(400, Assert.Throws<StudioRequestException>(() => RowQuery.Parse([], [], limit, null)).Status);

    [Fact]
    public void The_page_sorts_nulls_last_with_the_key_as_tie_breaker_and_cuts_long_values_in_sql()
    {
        var (page, layout) = TableQueries.Page(TestTables.Tags, RowQuery.Parse(["Color:desc", "Price:asc"], [], "50", null));
        Assert.EndsWith("ORDER BY r.\"Color\" DESC NULLS LAST, r.\"Price\" ASC, r.\"Id\" ASC LIMIT 51", page.Text);
        var (descending, _) = TableQueries.Page(TestTables.Tags, RowQuery.Parse(["Name:desc"], [], "50", null));
        Assert.EndsWith("ORDER BY r.\"Name\" DESC, r.\"Id\" DESC LIMIT 51", descending.Text);
        Assert.Contains("left(r.\"Name\"::text, 200), char_length(r.\"Name\"::text)", page.Text);
        Assert.Contains("CASE WHEN octet_length(r.\"Body\") > 100 THEN '\\x' || encode(substring(r.\"Body\" FROM 1 FOR 100), 'hex') ELSE r.\"Body\"::text END, octet_length(r.\"Body\")", page.Text);
        Assert.StartsWith("SELECT r.xmin::text, r.\"Id\"::text, r.\"Color\"::text, r.\"Price\"::text, r.\"Id\"::text, ", page.Text);
        Assert.Equal((1, 2, 5), (layout.KeyStart, layout.CursorStart, layout.CellStart));
    }

    [Fact]
    public void A_table_without_a_key_pages_by_ctid_and_a_view_by_offset()
    {
        var noKey = TestTables.Table("public", "Log", [], TestTables.Column("Line", "text"));
        var (page, layout) = TableQueries.Page(noKey, RowQuery.Parse([], [], "10", null));
        Assert.EndsWith("ORDER BY r.ctid ASC LIMIT 11", page.Text);
        Assert.Equal(["ctid"], layout.KeyNames);

        var view = noKey with { Kind = "view" };
        var cursor = new PageCursor(null, 20).Encode();
        var (viewPage, viewLayout) = TableQueries.Page(view, RowQuery.Parse([], [], "10", cursor));
        Assert.EndsWith("LIMIT 11 OFFSET 20", viewPage.Text);
        Assert.Empty(viewLayout.KeyNames);
    }

    [Fact]
    public void A_cursor_from_another_sort_or_a_forged_one_is_400()
    {
        var twoValues = new PageCursor(["a", "1"], null).Encode();
        Assert.Equal(400, Assert.Throws<StudioRequestException>(() => TableQueries.Page(TestTables.Tags, RowQuery.Parse([], [], null, twoValues))).Status);
        Assert.Equal(400, Assert.Throws<StudioRequestException>(() => RowQuery.Parse([], [], null, "not-a-cursor!")).Status);
    }

    [Fact]
    public void Cursors_round_trip_values_and_nulls()
    {
        var cursor = new PageCursor(["x\"y", null, "9007199254740993"], null);
        Assert.Equal(cursor.Values, PageCursor.Decode(cursor.Encode()).Values);
        Assert.Equal(42, PageCursor.Decode(new PageCursor(null, 42).Encode()).Offset);
    }
}
