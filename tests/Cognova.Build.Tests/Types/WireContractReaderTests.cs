using System.Text.Json;
using System.Text.Json.Serialization;
using Cognova.Engine.Types;

namespace Cognova.Build.Tests.Types;

public class WireContractReaderTests
{
    public enum Mood
    {
        Calm,
        [JsonStringEnumMemberName("very-angry")]
        Angry,
    }

    public sealed class Post
    {
        public int Id { get; set; }

        [JsonPropertyName("headline")]
        public required string Title { get; set; }

        [JsonIgnore]
        public string? Secret { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Subtitle { get; set; }

        [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
        public long Views { get; set; }

        public Mood Mood { get; set; }

        [JsonConverter(typeof(JsonStringEnumConverter))]
        public Mood? NamedMood { get; set; }

        public List<Mood> Moods { get; set; } = [];

        [JsonConverter(typeof(UpperCaseConverter))]
        public string Code { get; set; } = "";
    }

    public sealed class UpperCaseConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!.ToLowerInvariant();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToUpperInvariant());
    }

    private static WireContract Read(JsonSerializerOptions options) => WireContractReader.Read([new("Zoo.Post", typeof(Post))], options);

    [Fact]
    public void Names_follow_the_naming_policy_and_JsonPropertyName()
    {
        var wire = Read(JsonSerializerOptions.Web);

        Assert.Equal("id", wire.Find("Zoo.Post", "Id")!.JsonName);
        Assert.Equal("headline", wire.Find("Zoo.Post", "Title")!.JsonName);

        var pascal = Read(new JsonSerializerOptions());
        Assert.Equal("Id", pascal.Find("Zoo.Post", "Id")!.JsonName);
    }

    [Fact]
    public void Ignored_members_are_not_on_the_wire_and_conditionally_ignored_ones_may_be_left_out()
    {
        var wire = Read(JsonSerializerOptions.Web);

        Assert.Null(wire.Find("Zoo.Post", "Secret"));
        Assert.True(wire.Find("Zoo.Post", "Subtitle")!.MayBeOmitted);
        Assert.False(wire.Find("Zoo.Post", "Id")!.MayBeOmitted);
        var whenNull = Read(new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull });
        Assert.True(whenNull.Find("Zoo.Post", "NamedMood")!.MayBeOmitted);
        Assert.False(whenNull.Find("Zoo.Post", "Id")!.MayBeOmitted);
        Assert.True(Read(new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault }).Find("Zoo.Post", "Id")!.MayBeOmitted);
    }

    [Fact]
    public void Required_members_are_required()
    {
        var wire = Read(JsonSerializerOptions.Web);

        Assert.True(wire.Find("Zoo.Post", "Title")!.IsRequired);
        Assert.False(wire.Find("Zoo.Post", "Id")!.IsRequired);
    }

    [Fact]
    public void Number_handling_comes_from_the_member_or_the_options()
    {
        var wire = Read(new JsonSerializerOptions());
        var views = wire.Find("Zoo.Post", "Views")!;

        Assert.True(views.WritesNumbersAsStrings);
        Assert.True(views.ReadsNumbersFromStrings);
        Assert.False(wire.Find("Zoo.Post", "Id")!.ReadsNumbersFromStrings);
        Assert.True(Read(JsonSerializerOptions.Web).Find("Zoo.Post", "Id")!.ReadsNumbersFromStrings);
    }

    [Fact]
    public void Enum_literals_are_what_the_serializer_writes_for_each_member()
    {
        var numbers = Read(JsonSerializerOptions.Web);
        var strings = Read(new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } });

        Assert.Equal(["0", "1"], numbers.Find("Zoo.Post", "Mood")!.EnumLiterals);
        Assert.Equal(["\"Calm\"", "\"very-angry\""], numbers.Find("Zoo.Post", "NamedMood")!.EnumLiterals);
        Assert.Equal(["0", "1"], numbers.Find("Zoo.Post", "Moods")!.EnumLiterals);
        Assert.Equal(["\"calm\"", "\"very-angry\""], strings.Find("Zoo.Post", "Mood")!.EnumLiterals);
        Assert.Equal(["\"calm\"", "\"very-angry\""], strings.Find("Zoo.Post", "Moods")!.EnumLiterals);
    }

    [Fact]
    public void A_converter_of_the_application_is_named_and_the_serializers_own_are_not()
    {
        var wire = Read(JsonSerializerOptions.Web);

        Assert.Equal(typeof(UpperCaseConverter).FullName, wire.Find("Zoo.Post", "Code")!.CustomConverter);
        Assert.Null(wire.Find("Zoo.Post", "Title")!.CustomConverter);
        Assert.Null(wire.Find("Zoo.Post", "Mood")!.CustomConverter);
    }

    [Fact]
    public void Options_with_a_source_generated_resolver_for_other_types_still_describe_the_entities()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = OtherTypesContext.Default };

        Assert.Equal("headline", Read(options).Find("Zoo.Post", "Title")!.JsonName);
    }

    [Fact]
    public void Without_a_clr_type_the_naming_policy_names_the_members()
    {
        var wire = WireContract.ByConvention();

        Assert.Equal("createdAt", wire.Find("Zoo.Unknown", "CreatedAt")!.JsonName);
    }
}

[JsonSerializable(typeof(int))]
internal sealed partial class OtherTypesContext : JsonSerializerContext;
