using System.Net;
using System.Text.Json;

namespace Cognova.Studio.Tests.Api;

[Collection(PostgresCollection.Name)]
public sealed class SqlAndExportTests(BrowseFixture fixture) : IClassFixture<BrowseFixture>
{
    private StudioClient Client => fixture.Client;

    [Fact]
    public async Task The_console_returns_postgres_text_columns_and_the_command()
    {
        using var response = await Client.PostJsonAsync("/api/sql", new { sql = """SELECT "Id", "Total", "Data", NULL AS nothing FROM sales."Orders" ORDER BY "Id" DESC LIMIT 1""" });
        await StudioClient.ExpectAsync(response, HttpStatusCode.OK);
        var result = await StudioClient.JsonOf(response);
        Assert.Equal(["Id", "Total", "Data", "nothing"], result.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var row = result.GetProperty("rows")[0];
        Assert.Equal("9007199254740993", row[0].GetString());
        Assert.Equal("83261.85", row[1].GetString());
        Assert.Equal("\"just a string\"", row[2].GetString());
        Assert.Equal(JsonValueKind.Null, row[3].ValueKind);
        Assert.Equal("SELECT", result.GetProperty("command").GetString());
        Assert.Equal(1, result.GetProperty("rowCount").GetInt64());
        Assert.False(result.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task The_console_returns_at_most_1000_rows()
    {
        var result = await PostJsonAsync("/api/sql", new { sql = "SELECT i FROM generate_series(1, 5000) AS i" });
        Assert.Equal(1000, result.GetProperty("rows").GetArrayLength());
        Assert.True(result.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task An_error_carries_its_sqlstate_and_position()
    {
        using var response = await Client.PostJsonAsync("/api/sql", new { sql = "SELECT * FROM nowhere" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await StudioClient.JsonOf(response);
        Assert.Equal("42P01", error.GetProperty("sqlState").GetString());
        Assert.Equal(15, error.GetProperty("position").GetInt32());
        Assert.Contains("nowhere", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_read_only_console_cannot_write_even_when_it_asks_for_a_read_write_transaction()
    {
        foreach (var (sql, sqlState) in new[]
                 {
                     ("""INSERT INTO "Tags" ("Name") VALUES ('console')""", "25006"),
                     ("""SET TRANSACTION READ WRITE; INSERT INTO "Tags" ("Name") VALUES ('console')""", "25001"),
                 })
        {
            using var response = await Client.PostJsonAsync("/api/sql", new { sql });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(sqlState, (await StudioClient.JsonOf(response)).GetProperty("sqlState").GetString());
        }

        Assert.Empty(await fixture.ColumnAsync("""SELECT 1 FROM "Tags" WHERE "Name" = 'console'"""));
    }

    [Fact]
    public async Task A_table_exports_as_csv_whole_values_with_the_grids_filter_and_sort()
    {
        using var response = await Client.GetAsync("/api/tables/public/Tags/export?format=csv&sort=Id:desc&filter=Id:le:3");
        await StudioClient.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Id,Name,Color\r\n3,100%_sure,x\r\n2,green,\r\n1,red,red\r\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_query_exports_as_json_with_exact_values()
    {
        using var response = await Client.PostJsonAsync("/api/sql/export?format=json", new { sql = """SELECT "Id", "Total", repeat('x', 5000) AS long, NULL AS nothing FROM sales."Orders" WHERE "Id" = 9007199254740993""" });
        await StudioClient.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var rows = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var row = Assert.Single(rows.EnumerateArray());
        Assert.Equal("9007199254740993", row.GetProperty("Id").GetString());
        Assert.Equal("83261.85", row.GetProperty("Total").GetString());
        Assert.Equal(5000, row.GetProperty("long").GetString()!.Length);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("nothing").ValueKind);
    }

    private async Task<JsonElement> PostJsonAsync(string path, object body)
    {
        using var response = await Client.PostJsonAsync(path, body);
        await StudioClient.ExpectAsync(response, HttpStatusCode.OK);
        return await StudioClient.JsonOf(response);
    }
}
