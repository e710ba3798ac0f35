using Cognova.Engine.Lint.ColumnTypes;

namespace Cognova.Build.Tests.Lint.ColumnTypes;

public sealed class NumberChangeTests
{
    private static TypeChangeKind Kind(string oldType, string newType) => ColumnTypeChange.Classify(oldType, newType).Kind;

    private static string Reason(string oldType, string newType) => ColumnTypeChange.Classify(oldType, newType).Reason;

    [Theory]
    [InlineData("smallint", "integer")]
    [InlineData("smallint", "bigint")]
    [InlineData("integer", "bigint")]
    [InlineData("int2", "int8")]
    public void Widening_an_integer_rewrites_the_table(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("bigint", "integer")]
    [InlineData("bigint", "smallint")]
    [InlineData("integer", "smallint")]
    [InlineData("int8", "int4")]
    public void Narrowing_an_integer_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Fact]
    public void Narrowing_bigint_to_integer_names_the_new_range()
    {
        Assert.Equal(
            "bigint -> integer narrows the integer range: values above 2147483647 or below -2147483648 are rejected",
            Reason("bigint", "integer"));
    }

    [Fact]
    public void Narrowing_to_smallint_names_its_range()
    {
        Assert.Contains("values above 32767 or below -32768 are rejected", Reason("integer", "smallint"), StringComparison.Ordinal);
    }

    [Fact]
    public void Widening_says_every_value_fits_and_that_the_table_is_rewritten_under_a_lock()
    {
        var reason = Reason("integer", "bigint");

        Assert.StartsWith("integer -> bigint widens the integer range, so every value fits", reason, StringComparison.Ordinal);
        Assert.Contains("rewrites the table", reason, StringComparison.Ordinal);
        Assert.Contains("ACCESS EXCLUSIVE", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("integer", "numeric")]
    [InlineData("bigint", "numeric")]
    [InlineData("integer", "numeric(10,0)")]
    [InlineData("integer", "numeric(12,2)")]
    [InlineData("smallint", "numeric(5,0)")]
    [InlineData("bigint", "numeric(19,0)")]
    [InlineData("bigint", "decimal(20,1)")]
    public void An_integer_to_a_numeric_with_enough_integer_digits_rewrites(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("integer", "numeric(9,0)")]
    [InlineData("integer", "numeric(10,2)")]
    [InlineData("smallint", "numeric(4,0)")]
    [InlineData("bigint", "numeric(18,0)")]
    [InlineData("integer", "numeric(5,-2)")]
    public void An_integer_to_a_numeric_with_too_few_integer_digits_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Fact]
    public void A_too_small_numeric_says_which_values_are_rejected()
    {
        Assert.Equal(
            "integer -> numeric(10,2) keeps only 8 integer digits: values of 100000000 or more (in absolute value) are rejected",
            Reason("integer", "numeric(10,2)"));
    }

    [Theory]
    [InlineData("smallint", "real")]
    [InlineData("smallint", "double precision")]
    [InlineData("integer", "double precision")]
    [InlineData("integer", "float8")]
    public void An_integer_to_a_float_that_holds_it_exactly_rewrites(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("integer", "real")]
    [InlineData("bigint", "real")]
    [InlineData("bigint", "double precision")]
    public void An_integer_to_a_float_without_enough_precision_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Fact]
    public void Bigint_to_double_names_the_precision_limit()
    {
        Assert.Contains("integers beyond ±9007199254740992 are rounded", Reason("bigint", "double precision"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("numeric(10,2)", "integer")]
    [InlineData("numeric", "bigint")]
    [InlineData("numeric(10,0)", "integer")]
    [InlineData("numeric(5,0)", "smallint")]
    [InlineData("real", "integer")]
    [InlineData("double precision", "bigint")]
    [InlineData("float8", "smallint")]
    public void A_fractional_or_too_wide_number_to_an_integer_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("numeric(10,2)", "integer")]
    [InlineData("numeric", "integer")]
    [InlineData("double precision", "integer")]
    public void A_number_with_fractions_to_an_integer_says_fractions_are_lost(string oldType, string newType)
    {
        Assert.Contains("loses fractions", Reason(oldType, newType), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("numeric(9,0)", "integer")]
    [InlineData("numeric(4)", "smallint")]
    [InlineData("numeric(18,0)", "bigint")]
    [InlineData("numeric(3,-2)", "integer")]
    public void A_whole_numeric_that_fits_the_integer_rewrites(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("numeric(10,2)", "numeric(12,2)")]
    [InlineData("decimal(10,2)", "numeric(20,2)")]
    [InlineData("numeric(10,2)", "numeric")]
    [InlineData("numeric(5)", "numeric(7)")]
    public void Raising_numeric_precision_with_the_same_scale_or_dropping_the_limit_is_safe(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Safe, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("numeric(10,2)", "numeric(12,4)")]
    [InlineData("numeric(10,0)", "numeric(11,1)")]
    public void Raising_numeric_precision_and_scale_together_rewrites(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("numeric(12,4)", "numeric(10,2)")]
    [InlineData("numeric(10,2)", "numeric(8,2)")]
    [InlineData("numeric(10,4)", "numeric(10,2)")]
    [InlineData("numeric(10,2)", "numeric(10,4)")]
    [InlineData("numeric(10,2)", "numeric(12,5)")]
    [InlineData("numeric", "numeric(10,2)")]
    [InlineData("numeric", "numeric(30,10)")]
    public void Reducing_numeric_precision_or_scale_or_adding_a_limit_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Fact]
    public void A_reduced_numeric_names_the_rounding_and_the_rejected_values()
    {
        Assert.Equal(
            "numeric(12,4) -> numeric(10,2) rounds values to 2 decimal places (was 4)",
            Reason("numeric(12,4)", "numeric(10,2)"));
        Assert.Equal(
            "numeric(10,2) -> numeric(8,2) keeps 6 integer digits (was 8), so values of 1000000 or more (in absolute value) are rejected",
            Reason("numeric(10,2)", "numeric(8,2)"));
    }

    [Fact]
    public void An_unconstrained_numeric_given_a_limit_says_values_are_rounded_and_rejected()
    {
        Assert.Equal(
            "numeric -> numeric(10,2) limits values that had no limit: they are rounded to 2 decimal places and values of 100000000 or more (in absolute value) are rejected",
            Reason("numeric", "numeric(10,2)"));
    }

    [Fact]
    public void Raising_numeric_precision_says_only_the_catalog_changes()
    {
        Assert.Equal(
            "numeric(10,2) -> numeric(12,2) raises the precision from 10 to 12 with the same scale: PostgreSQL only updates the catalog",
            Reason("numeric(10,2)", "numeric(12,2)"));
    }

    [Theory]
    [InlineData("numeric", "real")]
    [InlineData("numeric", "double precision")]
    [InlineData("numeric(5,2)", "double precision")]
    [InlineData("double precision", "real")]
    [InlineData("double precision", "numeric")]
    [InlineData("real", "numeric(10,2)")]
    public void Converting_between_exact_and_floating_point_or_narrowing_a_float_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Fact]
    public void Real_to_double_precision_rewrites()
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind("real", "double precision"));
        Assert.Equal(TypeChangeKind.Rewrite, Kind("float4", "float8"));
    }

    [Fact]
    public void Numeric_to_double_precision_names_the_significant_digits()
    {
        Assert.Contains("about 15 significant digits", Reason("numeric", "double precision"), StringComparison.Ordinal);
    }

    [Fact]
    public void Double_precision_to_numeric_mentions_that_infinity_fails_on_postgresql_13()
    {
        Assert.Contains("Infinity is rejected on PostgreSQL 13", Reason("double precision", "numeric"), StringComparison.Ordinal);
    }
}
