using Cognova.Engine.Lint.ColumnTypes;

namespace Cognova.Build.Tests.Lint.ColumnTypes;

public sealed class SameTypeTests
{
    [Theory]
    [InlineData("integer", "integer")]
    [InlineData("int4", "integer")]
    [InlineData("int", "int4")]
    [InlineData("int8", "bigint")]
    [InlineData("int2", "smallint")]
    [InlineData("VARCHAR(20)", "character varying(20)")]
    [InlineData("VARCHAR ( 20 )", "character varying(20)")]
    [InlineData("varchar", "character varying")]
    [InlineData("char(3)", "character(3)")]
    [InlineData("bpchar(3)", "char(3)")]
    [InlineData("char", "character(1)")]
    [InlineData("decimal(10,2)", "numeric(10,2)")]
    [InlineData("numeric(10)", "numeric(10,0)")]
    [InlineData("float8", "double precision")]
    [InlineData("float4", "real")]
    [InlineData("bool", "boolean")]
    [InlineData("timestamptz", "timestamp with time zone")]
    [InlineData("timestamp", "timestamp without time zone")]
    [InlineData("timetz", "time with time zone")]
    [InlineData("time", "time without time zone")]
    [InlineData("timestamp(6) with time zone", "timestamptz")]
    [InlineData("int4[]", "integer[]")]
    [InlineData("TEXT", "text")]
    [InlineData("mood", "mood")]
    [InlineData("Mood", "mood")]
    [InlineData("jsonb", "jsonb")]
    public void The_same_type_after_alias_normalisation_is_same(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Same, ColumnTypeChange.Classify(oldType, newType).Kind);
    }

    [Fact]
    public void An_identical_type_is_reported_unchanged()
    {
        var change = ColumnTypeChange.Classify("integer", "integer");

        Assert.Equal("integer -> integer is unchanged", change.Reason);
    }

    [Fact]
    public void An_alias_is_reported_as_the_same_type_with_its_canonical_name()
    {
        var change = ColumnTypeChange.Classify("int4", "integer");

        Assert.Equal("int4 -> integer is the same type once aliases, case and spacing are normalised (integer)", change.Reason);
    }

    [Fact]
    public void The_classification_keeps_both_store_types_as_written_but_trimmed()
    {
        var change = ColumnTypeChange.Classify("  VARCHAR ( 20 ) ", "text");

        Assert.Equal("VARCHAR ( 20 )", change.OldType);
        Assert.Equal("text", change.NewType);
    }

    [Theory]
    [InlineData(null, "integer")]
    [InlineData("integer", null)]
    [InlineData(null, null)]
    [InlineData("", "integer")]
    [InlineData("integer", "   ")]
    public void A_missing_store_type_is_same_because_it_cannot_be_classified(string? oldType, string? newType)
    {
        var change = ColumnTypeChange.Classify(oldType, newType);

        Assert.Equal(TypeChangeKind.Same, change.Kind);
        Assert.Contains("EF Core gave no column type", change.Reason, StringComparison.Ordinal);
        Assert.Contains("not classified", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_old_type_is_shown_as_none_and_named_as_the_unknown_one()
    {
        var change = ColumnTypeChange.Classify(null, "integer");

        Assert.Equal("(none) -> integer: the old store type is unknown (EF Core gave no column type), so the change is not classified", change.Reason);
        Assert.Equal("", change.OldType);
        Assert.Equal("integer", change.NewType);
    }

    [Fact]
    public void A_missing_new_type_is_named_as_the_unknown_one()
    {
        var change = ColumnTypeChange.Classify("integer", "");

        Assert.StartsWith("integer -> (none): the new store type is unknown", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_missing_types_say_neither_is_known()
    {
        var change = ColumnTypeChange.Classify(null, null);

        Assert.StartsWith("(none) -> (none): neither store type is known", change.Reason, StringComparison.Ordinal);
    }
}
