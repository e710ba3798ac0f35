using Cognova.Engine.Lint.ColumnTypes;

namespace Cognova.Build.Tests.Lint.ColumnTypes;

public sealed class ArrayChangeTests
{
    private static TypeChangeKind Kind(string oldType, string newType) => ColumnTypeChange.Classify(oldType, newType).Kind;

    private static string Reason(string oldType, string newType) => ColumnTypeChange.Classify(oldType, newType).Reason;

    [Theory]
    [InlineData("integer[]", "integer[]")]
    [InlineData("int4[]", "integer[]")]
    [InlineData("text[]", "TEXT [ ]")]
    [InlineData("integer[][]", "integer[]")]
    [InlineData("integer array", "integer[]")]
    public void The_same_array_type_is_same(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Same, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("integer[]", "bigint[]")]
    [InlineData("date[]", "timestamp[]")]
    [InlineData("character(3)[]", "text[]")]
    public void An_array_whose_elements_widen_rewrites(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("bigint[]", "integer[]")]
    [InlineData("text[]", "integer[]")]
    [InlineData("character varying(20)[]", "character varying(10)[]")]
    [InlineData("numeric[]", "numeric(10,2)[]")]
    [InlineData("mood[]", "colour[]")]
    public void An_array_whose_elements_lose_data_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("character varying(20)[]", "character varying[]")]
    [InlineData("numeric(10,2)[]", "numeric[]")]
    [InlineData("timestamp(3)[]", "timestamp[]")]
    public void Removing_the_element_limit_of_an_array_is_safe(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Safe, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("character varying(20)[]", "character varying(50)[]")]
    [InlineData("character varying[]", "text[]")]
    [InlineData("numeric(10,2)[]", "numeric(12,2)[]")]
    [InlineData("cidr[]", "inet[]")]
    public void A_binary_coercible_element_change_still_rewrites_an_array(string oldType, string newType)
    {
        var change = ColumnTypeChange.Classify(oldType, newType);

        Assert.Equal(TypeChangeKind.Rewrite, change.Kind);
        Assert.Contains("element by element", change.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("integer[]", "integer")]
    [InlineData("text[]", "character varying(200)")]
    [InlineData("text[]", "jsonb")]
    [InlineData("integer", "integer[]")]
    [InlineData("text", "text[]")]
    [InlineData("character varying(20)", "character varying(20)[]")]
    public void Turning_an_array_into_a_single_value_or_back_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("integer[]", "text")]
    [InlineData("text[]", "character varying")]
    public void An_array_to_unlimited_text_rewrites_because_its_text_form_keeps_every_element(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind(oldType, newType));
    }

    [Fact]
    public void An_array_reason_names_both_array_types_and_the_element_change()
    {
        Assert.StartsWith(
            "bigint[] -> integer[] converts every element: bigint -> integer narrows the integer range",
            Reason("bigint[]", "integer[]"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_value_turned_into_an_array_says_so()
    {
        Assert.Contains("turns a single value into an array", Reason("text", "text[]"), StringComparison.Ordinal);
    }
}
