using Cognova.Engine.Lint.ColumnTypes;

namespace Cognova.Build.Tests.Lint.ColumnTypes;

public sealed class PostgresTypeTests
{
    [Theory]
    [InlineData("integer", "integer")]
    [InlineData("int", "integer")]
    [InlineData("int4", "integer")]
    [InlineData("serial", "integer")]
    [InlineData("bigint", "bigint")]
    [InlineData("int8", "bigint")]
    [InlineData("bigserial", "bigint")]
    [InlineData("smallint", "smallint")]
    [InlineData("int2", "smallint")]
    [InlineData("decimal(10,2)", "numeric(10,2)")]
    [InlineData("numeric(10)", "numeric(10,0)")]
    [InlineData("numeric", "numeric")]
    [InlineData("float8", "double precision")]
    [InlineData("float", "double precision")]
    [InlineData("float(53)", "double precision")]
    [InlineData("float(24)", "real")]
    [InlineData("float4", "real")]
    [InlineData("bool", "boolean")]
    [InlineData("varchar(20)", "character varying(20)")]
    [InlineData("varchar", "character varying")]
    [InlineData("char varying(5)", "character varying(5)")]
    [InlineData("char(3)", "character(3)")]
    [InlineData("char", "character(1)")]
    [InlineData("character", "character(1)")]
    [InlineData("bpchar", "character")]
    [InlineData("bpchar(3)", "character(3)")]
    [InlineData("timestamptz", "timestamp with time zone")]
    [InlineData("timestamp", "timestamp without time zone")]
    [InlineData("timetz", "time with time zone")]
    [InlineData("time", "time without time zone")]
    [InlineData("varbit(8)", "bit varying(8)")]
    [InlineData("bit", "bit(1)")]
    [InlineData("pg_catalog.int4", "integer")]
    public void Aliases_resolve_to_the_name_postgresql_prints(string written, string expected)
    {
        Assert.Equal(expected, PostgresType.Parse(written).ToString());
    }

    [Theory]
    [InlineData("VARCHAR ( 20 )", "character varying(20)")]
    [InlineData("  Character   Varying(200)  ", "character varying(200)")]
    [InlineData("NUMERIC( 12 , 4 )", "numeric(12,4)")]
    [InlineData("Timestamp With Time Zone", "timestamp with time zone")]
    [InlineData("timestamp (3) with time zone", "timestamp(3) with time zone")]
    [InlineData("timestamptz(3)", "timestamp(3) with time zone")]
    [InlineData("TIME(0)   WITHOUT TIME ZONE", "time(0) without time zone")]
    [InlineData("double\tprecision", "double precision")]
    public void Case_and_spacing_are_normalised(string written, string expected)
    {
        Assert.Equal(expected, PostgresType.Parse(written).ToString());
    }

    [Theory]
    [InlineData("integer[]", "integer")]
    [InlineData("int4[]", "integer")]
    [InlineData("text [ ]", "text")]
    [InlineData("integer[][]", "integer")]
    [InlineData("integer[3]", "integer")]
    [InlineData("integer array", "integer")]
    [InlineData("character varying(20)[]", "character varying(20)")]
    [InlineData("mood[]", "mood")]
    public void Array_brackets_become_an_array_of_the_element_type(string written, string element)
    {
        var type = PostgresType.Parse(written);

        Assert.True(type.IsArray);
        Assert.Equal(element, type.Element.ToString());
        Assert.Equal(element + "[]", type.ToString());
    }

    [Fact]
    public void A_plain_type_is_not_an_array()
    {
        Assert.False(PostgresType.Parse("integer").IsArray);
    }

    [Fact]
    public void Numeric_modifiers_are_read_as_precision_and_scale()
    {
        var type = PostgresType.Parse("numeric(12, 4)");

        Assert.Equal("numeric", type.Name);
        Assert.Equal(12, type.ModifierAt(0));
        Assert.Equal(4, type.ModifierAt(1));
        Assert.Null(type.ModifierAt(2));
    }

    [Fact]
    public void A_type_without_modifier_has_none()
    {
        var type = PostgresType.Parse("text");

        Assert.Null(type.Modifiers);
        Assert.Null(type.ModifierAt(0));
    }

    [Theory]
    [InlineData("timestamp(6)", "timestamp without time zone")]
    [InlineData("timestamptz(6)", "timestamp with time zone")]
    [InlineData("time(6) with time zone", "time with time zone")]
    [InlineData("interval(6)", "interval")]
    public void A_fractional_second_precision_of_six_is_the_unconstrained_type(string written, string expected)
    {
        Assert.Equal(expected, PostgresType.Parse(written).ToString());
    }

    [Theory]
    [InlineData("interval day to second(3)", "interval day to second", "3")]
    [InlineData("INTERVAL YEAR TO MONTH", "interval year to month", null)]
    [InlineData("interval(2)", "interval", "2")]
    public void Interval_fields_stay_in_the_name_and_the_precision_is_the_modifier(string written, string name, string? modifiers)
    {
        var type = PostgresType.Parse(written);

        Assert.Equal(name, type.Name);
        Assert.Equal(modifiers, type.Modifiers);
        Assert.Equal(PostgresTypeFamily.Interval, type.Family);
    }

    [Theory]
    [InlineData("mood", "mood")]
    [InlineData("Mood", "mood")]
    [InlineData("\"mood\"", "mood")]
    [InlineData("\"Mood\"", "\"Mood\"")]
    [InlineData("public.order_status", "public.order_status")]
    [InlineData("\"char\"", "\"char\"")]
    public void User_type_names_fold_to_lower_case_unless_quoted_with_capitals(string written, string expected)
    {
        Assert.Equal(expected, PostgresType.Parse(written).Name);
    }

    [Theory]
    [InlineData("integer", PostgresTypeFamily.Integer)]
    [InlineData("numeric(10,2)", PostgresTypeFamily.Numeric)]
    [InlineData("real", PostgresTypeFamily.FloatingPoint)]
    [InlineData("citext", PostgresTypeFamily.String)]
    [InlineData("char(3)", PostgresTypeFamily.String)]
    [InlineData("boolean", PostgresTypeFamily.Boolean)]
    [InlineData("uuid", PostgresTypeFamily.Uuid)]
    [InlineData("date", PostgresTypeFamily.Date)]
    [InlineData("timestamptz", PostgresTypeFamily.Timestamp)]
    [InlineData("timetz", PostgresTypeFamily.Time)]
    [InlineData("interval", PostgresTypeFamily.Interval)]
    [InlineData("jsonb", PostgresTypeFamily.Json)]
    [InlineData("bytea", PostgresTypeFamily.Binary)]
    [InlineData("cidr", PostgresTypeFamily.Network)]
    [InlineData("xml", PostgresTypeFamily.Xml)]
    [InlineData("varbit", PostgresTypeFamily.BitString)]
    [InlineData("money", PostgresTypeFamily.Money)]
    [InlineData("tsvector", PostgresTypeFamily.Other)]
    [InlineData("geometry(Point,4326)", PostgresTypeFamily.Other)]
    [InlineData("mood", PostgresTypeFamily.UserDefined)]
    [InlineData("text[]", PostgresTypeFamily.String)]
    public void Each_type_belongs_to_a_family(string written, PostgresTypeFamily family)
    {
        Assert.Equal(family, PostgresType.Parse(written).Family);
    }

    [Fact]
    public void Two_spellings_of_one_type_parse_equal()
    {
        Assert.Equal(PostgresType.Parse("VARCHAR ( 20 )"), PostgresType.Parse("character varying(20)"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_store_type_cannot_be_parsed(string written)
    {
        Assert.Throws<ArgumentException>(() => PostgresType.Parse(written));
    }
}
