using Cognova.Migrations;

namespace Cognova.Build.Tests.Migrations;

/// <summary>Migration ids and names read as EF Core reads them.</summary>
public sealed class MigrationIdsTests
{
    private static readonly string[] Ids = ["20260101000001_CreateItems", "20260101000002_AddTags", "20260101000003_AddTagsIndex"];

    [Theory]
    [InlineData("20260101000002_AddTags", true)]
    [InlineData("20260101000002_A", true)]
    [InlineData("20260101000002_", false)]
    [InlineData("2026010100000X_AddTags", false)]
    [InlineData("20260101000002-AddTags", false)]
    [InlineData("AddTags", false)]
    public void An_id_is_fourteen_digits_an_underscore_and_a_name(string value, bool isId)
        => Assert.Equal(isId, MigrationIds.IsId(value));

    [Theory]
    [InlineData("20260101000002_AddTags", "AddTags")]
    [InlineData("20260101000002_Add_Tags", "Add_Tags")]
    [InlineData("Custom", "Custom")]
    [InlineData("ABCDEFGHIJKLMN_Custom", "ABCDEFGHIJKLMN_Custom")]
    public void The_name_is_what_follows_the_timestamp(string id, string name)
        => Assert.Equal(name, MigrationIds.NameOf(id));

    [Theory]
    [InlineData("AddTags", "20260101000002_AddTags")]
    [InlineData("addtags", "20260101000002_AddTags")]
    [InlineData("20260101000003_ADDTAGSINDEX", "20260101000003_AddTagsIndex")]
    [InlineData("AddTagsIndex", "20260101000003_AddTagsIndex")]
    public void A_migration_is_found_by_id_or_by_name_without_case(string given, string expected)
        => Assert.Equal(expected, MigrationIds.Find(Ids, given));

    [Theory]
    [InlineData("Tags")]
    [InlineData("20260101000009_AddTags")]
    [InlineData("0")]
    public void A_value_that_names_no_migration_finds_none(string given)
        => Assert.Null(MigrationIds.Find(Ids, given));

    [Fact]
    public void An_id_without_the_timestamp_shape_is_found_by_its_whole_text()
        => Assert.Equal("Custom", MigrationIds.Find(["Custom"], "custom"));
}
