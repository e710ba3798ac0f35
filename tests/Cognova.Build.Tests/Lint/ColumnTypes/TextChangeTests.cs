using Cognova.Engine.Lint.ColumnTypes;

namespace Cognova.Build.Tests.Lint.ColumnTypes;

public sealed class TextChangeTests
{
    private static TypeChangeKind Kind(string oldType, string newType) => ColumnTypeChange.Classify(oldType, newType).Kind;

    private static string Reason(string oldType, string newType) => ColumnTypeChange.Classify(oldType, newType).Reason;

    [Theory]
    [InlineData("character varying(20)", "character varying(50)")]
    [InlineData("varchar(20)", "varchar(20000)")]
    [InlineData("character varying(20)", "character varying")]
    [InlineData("character varying(20)", "text")]
    [InlineData("character varying", "text")]
    [InlineData("text", "character varying")]
    [InlineData("text", "varchar")]
    public void Raising_or_removing_a_varchar_limit_is_safe(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Safe, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("character varying(50)", "character varying(20)")]
    [InlineData("text", "character varying(200)")]
    [InlineData("character varying", "varchar(10)")]
    [InlineData("text", "character(3)")]
    [InlineData("character varying", "char(3)")]
    [InlineData("character varying(10)", "character(3)")]
    public void Lowering_or_adding_a_length_limit_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Fact]
    public void Lowering_a_varchar_limit_names_both_limits()
    {
        Assert.Equal(
            "character varying(50) -> character varying(20) lowers the length limit from 50 to 20: longer values are rejected",
            Reason("character varying(50)", "character varying(20)"));
    }

    [Fact]
    public void Raising_a_varchar_limit_says_only_the_catalog_changes()
    {
        Assert.Equal(
            "character varying(20) -> character varying(50) raises the length limit from 20 to 50: PostgreSQL only updates the catalog",
            Reason("character varying(20)", "character varying(50)"));
    }

    [Fact]
    public void Text_to_a_bounded_varchar_names_the_new_limit()
    {
        Assert.Equal(
            "text -> character varying(200) limits values to 200 characters: longer values are rejected",
            Reason("text", "character varying(200)"));
    }

    [Theory]
    [InlineData("character(5)", "character(3)")]
    [InlineData("char(2)", "char(1)")]
    [InlineData("bpchar", "character(3)")]
    public void Lowering_or_adding_a_char_limit_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Fact]
    public void Raising_a_char_limit_rewrites_because_every_value_is_padded()
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind("character(3)", "character(5)"));
        Assert.Contains("pads every value with spaces to 5 characters", Reason("character(3)", "character(5)"), StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_a_char_limit_is_safe()
    {
        Assert.Equal(TypeChangeKind.Safe, Kind("character(3)", "bpchar"));
    }

    [Theory]
    [InlineData("character(3)", "text")]
    [InlineData("character(3)", "character varying")]
    [InlineData("char(3)", "varchar(3)")]
    [InlineData("char(3)", "varchar(10)")]
    [InlineData("bpchar", "text")]
    public void Char_to_varchar_or_text_rewrites_because_pad_spaces_are_stripped(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind(oldType, newType));
        Assert.Contains("trailing pad spaces", Reason(oldType, newType), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("character(10)", "character varying(5)")]
    [InlineData("bpchar", "character varying(5)")]
    public void Char_to_a_shorter_varchar_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("character varying(3)", "character(3)")]
    [InlineData("varchar(3)", "char(10)")]
    public void A_bounded_varchar_to_a_char_that_holds_it_rewrites_because_values_are_padded(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind(oldType, newType));
    }

    [Fact]
    public void Text_to_an_unlimited_bpchar_rewrites_because_trailing_spaces_become_insignificant()
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind("text", "bpchar"));
        Assert.Contains("trailing spaces become insignificant", Reason("text", "bpchar"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text", "citext")]
    [InlineData("character varying", "citext")]
    [InlineData("character varying(20)", "citext")]
    [InlineData("character(3)", "citext")]
    [InlineData("citext", "text")]
    [InlineData("citext", "character varying")]
    public void Text_to_citext_and_back_is_not_safe_and_counts_as_a_rewrite(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind(oldType, newType));
    }

    [Fact]
    public void Text_to_citext_explains_the_index_rebuild_and_case_duplicates()
    {
        var reason = Reason("text", "citext");

        Assert.Contains("rebuilds every index", reason, StringComparison.Ordinal);
        Assert.Contains("ACCESS EXCLUSIVE", reason, StringComparison.Ordinal);
        Assert.Contains("differ only in case", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Citext_to_text_says_comparisons_become_case_sensitive()
    {
        Assert.Contains("comparisons become case-sensitive", Reason("citext", "text"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("citext", "character varying(20)")]
    [InlineData("citext", "character(2)")]
    public void Citext_to_a_bounded_type_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("integer", "text")]
    [InlineData("uuid", "text")]
    [InlineData("boolean", "text")]
    [InlineData("bigint", "character varying")]
    [InlineData("date", "text")]
    [InlineData("timestamp with time zone", "text")]
    [InlineData("numeric(10,2)", "text")]
    [InlineData("double precision", "text")]
    [InlineData("bytea", "text")]
    [InlineData("inet", "text")]
    [InlineData("interval", "text")]
    [InlineData("json", "text")]
    [InlineData("jsonb", "text")]
    [InlineData("jsonb", "character varying")]
    [InlineData("mood", "text")]
    [InlineData("integer", "citext")]
    public void Any_other_type_to_text_rewrites_and_keeps_every_value(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind(oldType, newType));
        Assert.Contains("text form", Reason(oldType, newType), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xml", "text")]
    [InlineData("xml", "character varying")]
    public void Xml_to_text_is_safe_because_it_is_binary_coercible(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Safe, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("integer", "character varying(11)")]
    [InlineData("bigint", "varchar(20)")]
    [InlineData("smallint", "character(6)")]
    [InlineData("uuid", "character varying(36)")]
    [InlineData("boolean", "varchar(5)")]
    public void A_type_whose_text_form_always_fits_the_limit_rewrites(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind(oldType, newType));
    }

    [Fact]
    public void A_text_form_that_always_fits_names_its_longest_length()
    {
        Assert.Contains(
            "the text form of any uuid value has at most 36 characters",
            Reason("uuid", "character varying(36)"),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("integer", "character varying(10)")]
    [InlineData("uuid", "character varying(32)")]
    [InlineData("boolean", "character(4)")]
    [InlineData("date", "varchar(20)")]
    [InlineData("jsonb", "character varying(200)")]
    [InlineData("xml", "character varying(200)")]
    [InlineData("mood", "varchar(10)")]
    public void A_type_whose_text_form_may_exceed_the_limit_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("text", "integer")]
    [InlineData("text", "uuid")]
    [InlineData("text", "boolean")]
    [InlineData("text", "date")]
    [InlineData("text", "timestamp with time zone")]
    [InlineData("text", "numeric(10,2)")]
    [InlineData("character varying(36)", "uuid")]
    [InlineData("text", "jsonb")]
    [InlineData("text", "json")]
    [InlineData("text", "xml")]
    [InlineData("text", "bytea")]
    [InlineData("citext", "integer")]
    [InlineData("character(3)", "integer")]
    public void Text_to_another_family_is_lossy_because_values_must_parse(string oldType, string newType)
    {
        var change = ColumnTypeChange.Classify(oldType, newType);

        Assert.Equal(TypeChangeKind.Lossy, change.Kind);
        Assert.Contains("changes the type family", change.Reason, StringComparison.Ordinal);
        Assert.Contains("existing values must be cast and may fail", change.Reason, StringComparison.Ordinal);
    }
}
