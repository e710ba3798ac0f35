using Cognova.Studio.Sql;

namespace Cognova.Studio.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class KeysetTests
{
    private static string After(OrderTerm[] terms, string?[] values, out IReadOnlyList<string?> parameters)
    {
        var sql = new SqlParameters();
        var condition = Keyset.After(terms, values, sql);
        parameters = sql.Values;
        return condition;
    }

    [Fact]
    public void Same_direction_and_no_nulls_is_a_row_value_comparison()
    {
        var terms = new[] { new OrderTerm("a", "integer", false, false), new OrderTerm("b", "text", false, false) };
        Assert.Equal("(a, b) > ($1::integer, $2::text)", After(terms, ["1", "x"], out var parameters));
        Assert.Equal(["1", "x"], parameters);
        var descending = terms.Select(t => t with { Descending = true }).ToArray();
        Assert.Equal("(a, b) < ($1::integer, $2::text)", After(descending, ["1", "x"], out _));
    }

    [Fact]
    public void One_term_is_a_plain_comparison()
        => Assert.Equal("id > $1::bigint", After([new OrderTerm("id", "bigint", false, false)], ["9007199254740993"], out _));

    [Fact]
    public void Mixed_directions_expand_to_an_or_chain()
    {
        var terms = new[] { new OrderTerm("a", "integer", true, false), new OrderTerm("id", "integer", false, false) };
        Assert.Equal("(a < $1::integer OR (a = $1::integer AND id > $2::integer))", After(terms, ["5", "7"], out _));
    }

    [Fact]
    public void A_nullable_term_with_a_value_also_takes_the_nulls_after_it()
    {
        var terms = new[] { new OrderTerm("a", "text", false, true), new OrderTerm("id", "integer", false, false) };
        Assert.Equal("((a > $1::text OR a IS NULL) OR (a = $1::text AND id > $2::integer))", After(terms, ["m", "7"], out _));
    }

    [Fact]
    public void After_a_null_only_the_rest_of_the_nulls_follow()
    {
        var terms = new[] { new OrderTerm("a", "text", true, true), new OrderTerm("id", "integer", false, false) };
        Assert.Equal("((a IS NULL AND id > $1::integer))", After(terms, [null, "7"], out var parameters));
        Assert.Equal(["7"], parameters);
    }

    [Fact]
    public void Nothing_follows_the_last_null_of_the_last_term()
        => Assert.Equal("FALSE", After([new OrderTerm("a", "text", false, true)], [null], out _));

    [Fact]
    public void Order_by_writes_nulls_last_only_where_the_default_differs()
    {
        Assert.Equal("a ASC", new OrderTerm("a", "text", false, true).OrderBy);
        Assert.Equal("a DESC NULLS LAST", new OrderTerm("a", "text", true, true).OrderBy);
        Assert.Equal("a DESC", new OrderTerm("a", "text", true, false).OrderBy);
    }
}
