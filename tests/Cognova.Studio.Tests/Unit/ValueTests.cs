using System.Text.Json;
using Cognova.Studio.Api;
using Cognova.Studio.Data;
using Cognova.Studio.Edits;
using Cognova.Studio.Export;
using Cognova.Studio.Sql;

namespace Cognova.Studio.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class ValueTests
{
    [Fact]
    public void Values_over_200_characters_or_100_bytes_are_sent_cut_with_their_length()
    {
        Assert.Equal("short", TableBrowser.CellValue("short", 5, bytea: false));
        Assert.Equal(new string('a', 200), TableBrowser.CellValue(new string('a', 200), 200, bytea: false));
        Assert.Equal(new TruncatedCell(new string('a', 200), 201), TableBrowser.CellValue(new string('a', 200), 201, bytea: false));
        Assert.Equal("\\x" + new string('f', 200), TableBrowser.CellValue("\\x" + new string('f', 200), 100, bytea: true));
        Assert.Equal(new TruncatedCell("\\x00", 52_428_800), TableBrowser.CellValue("\\x00", 52_428_800, bytea: true));
        Assert.Equal("{\"truncated\":\"ab\",\"length\":500}", JsonSerializer.Serialize(new TruncatedCell("ab", 500), StudioJson.Options));
    }

    [Theory]
    [InlineData("\"x\"", "x")]
    [InlineData("83261.85", "83261.85")]
    [InlineData("9007199254740993", "9007199254740993")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    [InlineData("1e400", "1e400")]
    [InlineData("true", "true")]
    [InlineData("null", null)]
    public void Request_values_keep_their_digits_exactly(string json, string? text)
        => Assert.Equal(text, ValueText.Of(JsonDocument.Parse(json).RootElement));

    [Fact]
    public void Cell_edits_tell_null_empty_and_default_apart()
    {
        CellEdit Read(string json) => CellEdit.Read("c", JsonDocument.Parse(json).RootElement);
        Assert.Equal(new CellEdit(null, true, false), Read("{\"null\":true}"));
        Assert.Equal(new CellEdit("", false, false), Read("{\"value\":\"\"}"));
        Assert.Equal(new CellEdit(null, false, true), Read("{\"default\":true}"));
        Assert.Equal(new CellEdit(null, true, false), Read("{\"value\":null}"));
        Assert.Equal(400, Assert.Throws<StudioRequestException>(() => Read("{\"value\":{\"a\":1}}")).Status);
        Assert.Equal(400, Assert.Throws<StudioRequestException>(() => Read("\"x\"")).Status);
    }

    [Theory]
    [InlineData("1", "integer", "1")]
    [InlineData("83261.85", "numeric(12,2)", "83261.85")]
    [InlineData("1; DROP TABLE t", "integer", "'1; DROP TABLE t'::integer")]
    [InlineData("it's", "text", "'it''s'")]
    [InlineData("2024-03-01 10:00:00+00", "timestamp with time zone", "'2024-03-01 10:00:00+00'::timestamp with time zone")]
    [InlineData(null, "text", "NULL")]
    public void Preview_literals_are_readable_and_quoted(string? value, string type, string literal)
        => Assert.Equal(literal, SqlText.Literal(value, type));

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "\"\"")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Csv_fields_are_quoted_when_needed_and_null_is_empty(string? value, string field)
        => Assert.Equal(field, ExportWriter.CsvField(value));
}
