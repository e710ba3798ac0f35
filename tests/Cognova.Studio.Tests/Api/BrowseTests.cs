using System.Net;
using System.Text.Json;
using Cognova.Build.Testing.Postgres;

namespace Cognova.Studio.Tests.Api;

public sealed class BrowseFixture(PostgresServer postgres) : StudioFixture(postgres);

[Collection(PostgresCollection.Name)]
public sealed class BrowseTests(BrowseFixture fixture) : IClassFixture<BrowseFixture>
{
    private StudioClient Client => fixture.Client;

    [Fact]
    public async Task Session_names_the_database_and_contexts_and_says_read_only()
    {
        var session = await Client.GetJsonAsync("/api/session");
        Assert.True(session.GetProperty("readOnly").GetBoolean());
        Assert.StartsWith("studio", session.GetProperty("database").GetString());
        Assert.Equal("127.0.0.1", session.GetProperty("host").GetString());
        Assert.Equal(["AppDbContext"], session.GetProperty("contexts").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Tables_lists_every_schema_and_views_sorted_with_estimates_and_entities()
    {
        var tables = (await Client.GetJsonAsync("/api/tables")).EnumerateArray().ToList();
        var names = tables.Select(t => t.GetProperty("schema").GetString() + "." + t.GetProperty("name").GetString()).ToList();
        Assert.Equal(["public.NoKey", "public.Paging", "public.TagNames", "public.Tags", "sales.Orders"], names);
        var tags = tables.Single(t => t.GetProperty("name").GetString() == "Tags");
        Assert.Equal("table", tags.GetProperty("kind").GetString());
        Assert.Equal(3, tags.GetProperty("estimate").GetInt64());
        var entity = Assert.Single(tags.GetProperty("entities").EnumerateArray());
        Assert.Equal("Tag", entity.GetProperty("clrName").GetString());
        Assert.Equal("AppDbContext", entity.GetProperty("context").GetString());
        Assert.Equal("view", tables.Single(t => t.GetProperty("name").GetString() == "TagNames").GetProperty("kind").GetString());
        Assert.Equal("Order", tables.Single(t => t.GetProperty("name").GetString() == "Orders").GetProperty("entities")[0].GetProperty("clrName").GetString());
    }

    [Fact]
    public async Task Table_describes_columns_keys_and_references_with_the_model_names()
    {
        var orders = await Client.GetJsonAsync("/api/tables/sales/Orders");
        Assert.Equal(["Id"], orders.GetProperty("primaryKey").EnumerateArray().Select(c => c.GetString()));
        var columns = orders.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal("bigint", columns["Id"].GetProperty("type").GetString());
        Assert.True(columns["Id"].GetProperty("isKey").GetBoolean());
        Assert.Equal("long", columns["Id"].GetProperty("clrType").GetString());
        Assert.Equal("numeric(12,2)", columns["Total"].GetProperty("type").GetString());
        Assert.Equal(["happy", "sad", "ok"], columns["Mood"].GetProperty("enumLabels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("now()", columns["Created"].GetProperty("default").GetString());
        Assert.True(columns["Doubled"].GetProperty("generated").GetBoolean());
        Assert.Equal(JsonValueKind.Null, columns["Doubled"].GetProperty("default").ValueKind);
        var reference = columns["TagId"].GetProperty("references");
        Assert.Equal(("public", "Tags", "Id"), (reference.GetProperty("schema").GetString(), reference.GetProperty("table").GetString(), reference.GetProperty("column").GetString()));

        var tags = await Client.GetJsonAsync("/api/tables/public/Tags");
        var name = tags.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Name");
        Assert.Equal("Title", name.GetProperty("property").GetString());
        Assert.Equal("byDefault", tags.GetProperty("columns")[0].GetProperty("identity").GetString());
        var referencedBy = Assert.Single(tags.GetProperty("referencedBy").EnumerateArray());
        Assert.Equal(("sales", "Orders"), (referencedBy.GetProperty("schema").GetString(), referencedBy.GetProperty("table").GetString()));
    }

    [Fact]
    public async Task An_unknown_table_is_404_with_a_message()
    {
        using var response = await Client.GetAsync("/api/tables/public/Nope");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("public.Nope", (await StudioClient.JsonOf(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Cells_are_postgres_text_exact_for_bigint_numeric_and_timestamps()
    {
        var page = await Client.GetJsonAsync("/api/tables/sales/Orders/rows?sort=Id:desc");
        var columns = page.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList();
        var first = page.GetProperty("rows")[0];
        string? Cell(JsonElement row, string column) => row.GetProperty("cells")[columns.IndexOf(column)].GetString();
        Assert.Equal("9007199254740993", Cell(first, "Id"));
        Assert.Equal("9007199254740993", first.GetProperty("key").GetProperty("Id").GetString());
        Assert.Equal("83261.85", Cell(first, "Total"));
        Assert.Equal("2024-03-01 10:00:00", Cell(first, "LocalAt"));
        Assert.Equal("\"just a string\"", Cell(first, "Data"));
        Assert.Equal("\\x0102", Cell(first, "Blob"));
        Assert.Matches("^[0-9]+$", first.GetProperty("xmin").GetString());
        var timestamps = await fixture.ColumnAsync("SELECT \"PlacedAt\"::text FROM sales.\"Orders\" WHERE \"Id\" = 9007199254740993");
        Assert.Equal(timestamps[0], Cell(first, "PlacedAt"));
    }
}
