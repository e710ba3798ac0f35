using Cognova.Engine.Types;
using Cognova.Model;

namespace Cognova.Build.Tests.Types;

public class TypeScriptMappingTests
{
    private static readonly WireMember Plain = new("x");

    private static MappedType Map(string clrType, string? storeType, WireMember? wire = null, int? precision = null, string? element = null)
        => TypeScriptMapping.Map(new PropertyDescription { Name = "X", ClrType = clrType, StoreType = storeType, Precision = precision, ElementClrType = element }, wire ?? Plain, enumName: null);

    [Theory]
    [InlineData("string", "text", "string")]
    [InlineData("string", "character varying(100)", "string")]
    [InlineData("char", "character(1)", "string")]
    [InlineData("bool", "boolean", "boolean")]
    [InlineData("short", "smallint", "number")]
    [InlineData("int", "integer", "number")]
    [InlineData("int?", "integer", "number")]
    [InlineData("System.Nullable<int>", "integer", "number")]
    [InlineData("uint", "xid", "number")]
    [InlineData("float", "real", "number")]
    [InlineData("double", "double precision", "number")]
    [InlineData("System.Guid", "uuid", "Uuid")]
    [InlineData("System.DateTimeOffset", "timestamp with time zone", "IsoDateTimeOffset")]
    [InlineData("System.DateTime", "timestamp with time zone", "IsoDateTimeOffset")]
    [InlineData("System.DateTime", "timestamp without time zone", "IsoDateTime")]
    [InlineData("System.DateOnly", "date", "IsoDate")]
    [InlineData("System.TimeOnly", "time without time zone", "IsoTime")]
    [InlineData("System.TimeSpan", "interval", "TimeSpanString")]
    [InlineData("byte[]", "bytea", "Base64")]
    [InlineData("System.Text.Json.JsonDocument", "jsonb", "JsonValue")]
    [InlineData("System.Text.Json.JsonElement", "json", "JsonValue")]
    [InlineData("System.Text.Json.Nodes.JsonObject", "jsonb", "JsonObject")]
    [InlineData("System.Collections.Generic.Dictionary<string, string>", "hstore", "{ [key: string]: string | null }")]
    public void Exact_types(string clrType, string storeType, string expected)
    {
        var mapped = Map(clrType, storeType);

        Assert.Equal(expected, mapped.Read);
        Assert.Equal(expected, mapped.Write);
        Assert.Null(mapped.Concern);
    }

    [Theory]
    [InlineData("long", "bigint", null)]
    [InlineData("ulong", "numeric(20,0)", null)]
    [InlineData("decimal", "numeric", null)]
    [InlineData("decimal", "numeric(18,2)", 18)]
    public void Numbers_over_15_digits_are_a_precision_concern(string clrType, string storeType, int? precision)
    {
        var mapped = Map(clrType, storeType, precision: precision);

        Assert.Equal("number", mapped.Read);
        Assert.Equal(TypeConcern.PrecisionLoss, mapped.Concern);
    }

    [Fact]
    public void A_decimal_of_15_digits_or_fewer_is_exact()
        => Assert.Null(Map("decimal", "numeric(15,2)", precision: 15).Concern);

    [Fact]
    public void Numbers_written_as_strings_are_strings_and_exact()
    {
        var mapped = Map("long", "bigint", new WireMember("x") { WritesNumbersAsStrings = true, ReadsNumbersFromStrings = true });

        Assert.Equal("string", mapped.Read);
        Assert.Equal("number | string", mapped.Write);
        Assert.Null(mapped.Concern);
    }

    [Fact]
    public void A_long_the_server_reads_from_strings_may_be_sent_as_one()
    {
        var mapped = Map("long", "bigint", new WireMember("x") { ReadsNumbersFromStrings = true });

        Assert.Equal("number", mapped.Read);
        Assert.Equal("number | string", mapped.Write);
    }

    [Fact]
    public void Named_floating_point_literals_are_part_of_the_type()
        => Assert.Equal("number | \"NaN\" | \"Infinity\" | \"-Infinity\"", Map("double", "double precision", new WireMember("x") { NamedFloatingPointLiterals = true }).Read);

    [Theory]
    [InlineData("int[]", "integer[]", null, "number[]")]
    [InlineData("System.Collections.Generic.List<string>", "text[]", "string", "string[]")]
    [InlineData("int?[]", "integer[]", "int?", "(number | null)[]")]
    [InlineData("System.DateTime[]", "timestamp with time zone[]", null, "IsoDateTimeOffset[]")]
    public void Arrays(string clrType, string storeType, string? element, string expected)
        => Assert.Equal(expected, Map(clrType, storeType, element: element).Read);

    [Theory]
    [InlineData("System.Net.IPAddress", "inet")]
    [InlineData("NpgsqlTypes.NpgsqlRange<int>", "int4range")]
    [InlineData("System.Numerics.BigInteger", "numeric")]
    public void Unknown_types_are_unknown(string clrType, string storeType)
    {
        var mapped = Map(clrType, storeType);

        Assert.Equal("unknown", mapped.Read);
        Assert.Equal(TypeConcern.Unknown, mapped.Concern);
    }

    [Fact]
    public void A_converter_of_the_application_makes_the_type_unknown()
        => Assert.Equal(TypeConcern.Unknown, Map("string", "text", new WireMember("x") { CustomConverter = "App.Upper" }).Concern);
}
