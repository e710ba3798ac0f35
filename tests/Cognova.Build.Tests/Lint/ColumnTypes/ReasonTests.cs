using Cognova.Engine.Lint.ColumnTypes;

namespace Cognova.Build.Tests.Lint.ColumnTypes;

/// <summary>Every classification, whatever its kind, names both store types as written and says why.</summary>
public sealed class ReasonTests
{
    public static TheoryData<string, string> Changes => new()
    {
        { "integer", "integer" },
        { "int4", "integer" },
        { "bigint", "integer" },
        { "integer", "bigint" },
        { "integer", "numeric(5,0)" },
        { "numeric(12,4)", "numeric(10,2)" },
        { "numeric(10,2)", "numeric(12,2)" },
        { "numeric(10,2)", "numeric(12,4)" },
        { "numeric", "real" },
        { "double precision", "real" },
        { "real", "double precision" },
        { "text", "character varying(20)" },
        { "character varying(20)", "text" },
        { "character(3)", "text" },
        { "text", "citext" },
        { "uuid", "text" },
        { "text", "uuid" },
        { "date", "timestamptz" },
        { "timestamptz", "timestamp" },
        { "timestamp(3)", "timestamp" },
        { "json", "jsonb" },
        { "cidr", "inet" },
        { "bit(8)", "varbit" },
        { "mood", "integer" },
        { "integer[]", "bigint[]" },
        { "varchar(20)[]", "varchar[]" },
        { "integer", "integer[]" },
        { "geometry(Point,4326)", "geometry" },
        { "VARCHAR ( 20 )", "TEXT" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void The_reason_starts_with_both_types_as_written(string oldType, string newType)
    {
        var change = ColumnTypeChange.Classify(oldType, newType);

        Assert.StartsWith($"{oldType} -> {newType} ", change.Reason, StringComparison.Ordinal);
        Assert.True(change.Reason.Length > $"{oldType} -> {newType} ".Length + 10, change.Reason);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void The_classification_carries_both_types(string oldType, string newType)
    {
        var change = ColumnTypeChange.Classify(oldType, newType);

        Assert.Equal(oldType, change.OldType);
        Assert.Equal(newType, change.NewType);
    }

    [Theory]
    [InlineData("integer", "bigint")]
    [InlineData("date", "timestamp")]
    [InlineData("uuid", "text")]
    [InlineData("numeric(10,2)", "numeric(12,4)")]
    public void A_rewrite_reason_mentions_the_rewrite_and_the_lock(string oldType, string newType)
    {
        var change = ColumnTypeChange.Classify(oldType, newType);

        Assert.Equal(TypeChangeKind.Rewrite, change.Kind);
        Assert.Contains("rewrites the table", change.Reason, StringComparison.Ordinal);
        Assert.Contains("ACCESS EXCLUSIVE lock", change.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("character varying(20)", "text")]
    [InlineData("numeric(10,2)", "numeric")]
    [InlineData("cidr", "inet")]
    [InlineData("timestamp(3)", "timestamp")]
    public void A_safe_reason_says_only_the_catalog_changes(string oldType, string newType)
    {
        var change = ColumnTypeChange.Classify(oldType, newType);

        Assert.Equal(TypeChangeKind.Safe, change.Kind);
        Assert.EndsWith("PostgreSQL only updates the catalog", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_brief_example_reads_as_expected()
    {
        Assert.Equal(
            "bigint -> integer narrows the integer range: values above 2147483647 or below -2147483648 are rejected",
            ColumnTypeChange.Classify("bigint", "integer").Reason);
    }

    [Fact]
    public void A_rewrite_reason_reads_as_one_sentence()
    {
        Assert.Equal(
            "integer -> bigint widens the integer range, so every value fits; "
            + "PostgreSQL rewrites the table and its indexes, holding an ACCESS EXCLUSIVE lock meanwhile",
            ColumnTypeChange.Classify("integer", "bigint").Reason);
    }
}
