using Cognova.Engine.Lint.ColumnTypes;

namespace Cognova.Build.Tests.Lint.ColumnTypes;

public sealed class OtherTypeChangeTests
{
    private static TypeChangeKind Kind(string oldType, string newType) => ColumnTypeChange.Classify(oldType, newType).Kind;

    private static string Reason(string oldType, string newType) => ColumnTypeChange.Classify(oldType, newType).Reason;

    [Fact]
    public void Json_to_jsonb_is_lossy_because_documents_are_reparsed()
    {
        var change = ColumnTypeChange.Classify("json", "jsonb");

        Assert.Equal(TypeChangeKind.Lossy, change.Kind);
        Assert.Contains("duplicate object keys", change.Reason, StringComparison.Ordinal);
        Assert.Contains("rewritten", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonb_to_json_rewrites()
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind("jsonb", "json"));
    }

    [Theory]
    [InlineData("jsonb", "integer")]
    [InlineData("jsonb", "boolean")]
    [InlineData("json", "uuid")]
    [InlineData("jsonb", "bytea")]
    [InlineData("json", "hstore")]
    [InlineData("jsonb", "mood")]
    public void Json_to_anything_but_text_or_json_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Fact]
    public void Cidr_to_inet_is_safe()
    {
        Assert.Equal(TypeChangeKind.Safe, Kind("cidr", "inet"));
    }

    [Fact]
    public void Inet_to_cidr_is_lossy_because_host_bits_are_zeroed()
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind("inet", "cidr"));
        Assert.Contains("host bits", Reason("inet", "cidr"), StringComparison.Ordinal);
    }

    [Fact]
    public void Macaddr_to_macaddr8_rewrites_and_back_is_lossy()
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind("macaddr", "macaddr8"));
        Assert.Equal(TypeChangeKind.Lossy, Kind("macaddr8", "macaddr"));
    }

    [Fact]
    public void Text_to_xml_is_lossy_because_values_must_parse()
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind("text", "xml"));
    }

    [Theory]
    [InlineData("bit varying(8)", "bit varying(16)")]
    [InlineData("varbit(8)", "varbit")]
    [InlineData("bit(8)", "bit varying")]
    public void Raising_or_removing_a_bit_string_limit_is_safe(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Safe, Kind(oldType, newType));
    }

    [Fact]
    public void A_fixed_bit_string_to_a_varbit_that_holds_it_rewrites()
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind("bit(8)", "bit varying(16)"));
    }

    [Theory]
    [InlineData("bit(8)", "bit(16)")]
    [InlineData("bit(8)", "bit(4)")]
    [InlineData("varbit(16)", "varbit(8)")]
    [InlineData("varbit", "varbit(8)")]
    [InlineData("varbit(8)", "bit(8)")]
    [InlineData("bit(8)", "varbit(4)")]
    public void A_bit_string_length_that_existing_values_may_not_match_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("uuid", "integer")]
    [InlineData("boolean", "integer")]
    [InlineData("integer", "boolean")]
    [InlineData("uuid", "bytea")]
    [InlineData("bytea", "uuid")]
    [InlineData("integer", "timestamp")]
    [InlineData("date", "integer")]
    [InlineData("numeric(10,2)", "money")]
    [InlineData("money", "numeric")]
    [InlineData("inet", "bytea")]
    [InlineData("point", "box")]
    [InlineData("integer", "interval")]
    public void A_change_of_type_family_is_lossy(string oldType, string newType)
    {
        var change = ColumnTypeChange.Classify(oldType, newType);

        Assert.Equal(TypeChangeKind.Lossy, change.Kind);
        Assert.Contains("existing values must be cast and may fail", change.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_family_change_names_both_families()
    {
        Assert.Equal(
            "uuid -> integer changes the type family (uuid to integer): existing values must be cast and may fail",
            Reason("uuid", "integer"));
    }

    [Theory]
    [InlineData("mood", "integer")]
    [InlineData("integer", "mood")]
    [InlineData("mood", "colour")]
    [InlineData("mood", "public.mood")]
    [InlineData("text", "mood")]
    [InlineData("mood", "uuid")]
    [InlineData("\"Mood\"", "mood")]
    public void A_change_to_or_from_a_user_type_of_another_name_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Fact]
    public void A_user_type_change_says_the_type_is_not_built_in()
    {
        Assert.Equal(
            "integer -> mood changes the type family (integer to user-defined): existing values must be cast and may fail; "
            + "mood is not a built-in type (an enum, domain or extension type)",
            Reason("integer", "mood"));
    }

    [Fact]
    public void One_user_type_to_another_says_it_changes_to_a_different_type()
    {
        Assert.Equal(
            "mood -> colour changes to a different user-defined type: existing values must be cast and may fail; "
            + "neither is a built-in type (they are enum, domain or extension types)",
            Reason("mood", "colour"));
    }

    [Fact]
    public void A_user_type_to_a_built_in_one_names_the_user_type()
    {
        Assert.EndsWith("mood is not a built-in type (an enum, domain or extension type)", Reason("mood", "uuid"), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_different_built_in_types_of_no_known_family_are_just_different_types()
    {
        Assert.Equal("point -> box changes to a different type: existing values must be cast and may fail", Reason("point", "box"));
    }

    [Theory]
    [InlineData("mood", "mood")]
    [InlineData("MOOD", "mood")]
    [InlineData("public.mood", "public.mood")]
    [InlineData("\"Mood\"", "\"Mood\"")]
    public void The_same_user_type_is_same(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Same, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("geometry(Point,4326)", "geometry(Polygon,4326)")]
    [InlineData("geometry", "geometry(Point,4326)")]
    [InlineData("vector(3)", "vector(4)")]
    public void Changing_or_adding_an_unknown_type_modifier_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Fact]
    public void Removing_an_unknown_type_modifier_counts_as_a_rewrite()
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind("geometry(Point,4326)", "geometry"));
    }
}
