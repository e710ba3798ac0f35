using System.Net;
using System.Text.Json;
using Cognova.Build.Testing.Postgres;

namespace Cognova.Studio.Tests.Api;

public sealed class PagingFixture(PostgresServer postgres) : StudioFixture(postgres);

[Collection(PostgresCollection.Name)]
public sealed class PagingAndFilterTests(PagingFixture fixture) : IClassFixture<PagingFixture>
{
    private StudioClient Client => fixture.Client;

    [Theory]
    [InlineData("", "\"Id\"")]
    [InlineData("&sort=Group:asc", "\"Group\" ASC NULLS LAST, \"Id\"")]
    [InlineData("&sort=Group:desc", "\"Group\" DESC NULLS LAST, \"Id\" DESC")]
    [InlineData("&sort=Group:desc&sort=Label:asc", "\"Group\" DESC NULLS LAST, \"Label\" ASC NULLS LAST, \"Id\"")]
    [InlineData("&sort=Label:desc&sort=Group:asc", "\"Label\" DESC NULLS LAST, \"Group\" ASC NULLS LAST, \"Id\"")]
    [InlineData("&sort=Label:asc&sort=Group:desc", "\"Label\" ASC NULLS LAST, \"Group\" DESC NULLS LAST, \"Id\" DESC")]
    [InlineData("&sort=Id:desc", "\"Id\" DESC")]
    public async Task Paging_walks_every_row_once_in_order_across_ties_and_nulls(string sort, string orderBy)
    {
        var expected = await fixture.ColumnAsync($"SELECT \"Id\" FROM \"Paging\" ORDER BY {orderBy}");
        var seen = await WalkAsync($"/api/tables/public/Paging/rows?limit=10{sort}", row => row.GetProperty("key").GetProperty("Id").GetString());
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_view_pages_by_offset_and_a_table_without_key_by_ctid()
    {
        var names = await WalkAsync("/api/tables/public/TagNames/rows?limit=2&sort=Name:asc", row => row.GetProperty("cells")[0].GetString());
        Assert.Equal(["100%_sure", "green", "red"], names);
        var values = await WalkAsync("/api/tables/public/NoKey/rows?limit=7", row => row.GetProperty("cells")[0].GetString());
        Assert.Equal(25, values.Distinct().Count());
        Assert.Equal(25, values.Count);
    }

    [Theory]
    [InlineData("Id:eq:9007199254740993", "9007199254740993")]
    [InlineData("Id:lt:-9007199254740992", "-9007199254740993")]
    [InlineData("Total:eq:83261.85", "9007199254740993")]
    [InlineData("Total:lt:1", "-9007199254740993")]
    [InlineData("PlacedAt:eq:2024-03-02 18:30:00+00", "-9007199254740993")]
    [InlineData("PlacedAt:gt:2024-03-01 10:00:00+00", "-9007199254740993")]
    [InlineData("LocalAt:eq:2024-03-02 23:30:00", "-9007199254740993")]
    [InlineData("Data:eq:\"just a string\"", "9007199254740993")]
    [InlineData("Data:eq:{\"a\":[1,2]}", "-9007199254740993")]
    [InlineData("Mood:eq:sad", "-9007199254740993")]
    [InlineData("Mood:isNull", "3")]
    [InlineData("Note:contains:%", "9007199254740993")]
    [InlineData("Note:contains:_", "-9007199254740993")]
    [InlineData("Note:startsWith:A_", "-9007199254740993")]
    [InlineData("Note:contains:X", "3")]
    public async Task Filters_compare_as_the_columns_type(string filter, string id)
    {
        var page = await Client.GetJsonAsync("/api/tables/sales/Orders/rows?filter=" + Uri.EscapeDataString(filter));
        var row = Assert.Single(page.GetProperty("rows").EnumerateArray());
        Assert.Equal(id, row.GetProperty("key").GetProperty("Id").GetString());
    }

    [Fact]
    public async Task A_value_that_is_not_of_the_columns_type_is_400_with_postgres_words()
    {
        using var response = await Client.GetAsync("/api/tables/sales/Orders/rows?filter=Id:eq:abc");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await StudioClient.JsonOf(response);
        Assert.Equal("22P02", error.GetProperty("sqlState").GetString());
        Assert.Contains("bigint", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Unknown_columns_in_sort_or_filter_are_refused_before_any_sql()
    {
        foreach (var query in new[] { "sort=Nope%22%3B%20DROP%20TABLE%20x%3B--:asc", "filter=Nope:eq:1" })
        {
            using var response = await Client.GetAsync("/api/tables/sales/Orders/rows?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("has no column", (await StudioClient.JsonOf(response)).GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task Count_is_exact_and_applies_the_filters()
    {
        Assert.Equal(237, (await Client.GetJsonAsync("/api/tables/public/Paging/count")).GetProperty("count").GetInt64());
        Assert.Equal(33, (await Client.GetJsonAsync("/api/tables/public/Paging/count?filter=Group:isNull")).GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Long_values_are_cut_on_the_server_and_the_cell_call_returns_them_whole()
    {
        await fixture.ExecuteAsync("""CREATE TABLE "Long" ("Id" integer PRIMARY KEY, "Name" text, "Blob" bytea); INSERT INTO "Long" VALUES (1, repeat('é', 50000), decode(repeat('ab', 5000), 'hex'))""");
        var page = await Client.GetJsonAsync("/api/tables/public/Long/rows");
        var name = page.GetProperty("rows")[0].GetProperty("cells")[1];
        Assert.Equal(new string('é', 200), name.GetProperty("truncated").GetString());
        Assert.Equal(50000, name.GetProperty("length").GetInt64());

        var blob = page.GetProperty("rows")[0].GetProperty("cells")[2];
        Assert.Equal("\\x" + string.Concat(Enumerable.Repeat("ab", 100)), blob.GetProperty("truncated").GetString());
        Assert.Equal(5000, blob.GetProperty("length").GetInt64());

        var whole = await Client.GetJsonAsync("/api/tables/public/Long/cell?column=Name&key=" + Uri.EscapeDataString("{\"Id\":1}"));
        Assert.Equal(new string('é', 50000), whole.GetProperty("value").GetString());

        // Longer than one piece of the streamed answer, with surrogate pairs across the pieces' edges.
        await fixture.ExecuteAsync("""INSERT INTO "Long" VALUES (2, 'x' || repeat('😀', 70000), NULL)""");
        var emoji = await Client.GetJsonAsync("/api/tables/public/Long/cell?column=Name&key=" + Uri.EscapeDataString("{\"Id\":2}"));
        Assert.Equal("x" + string.Concat(Enumerable.Repeat("😀", 70000)), emoji.GetProperty("value").GetString());
        var missing = await Client.GetJsonAsync("/api/tables/public/Long/cell?column=Blob&key=" + Uri.EscapeDataString("{\"Id\":2}"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, missing.GetProperty("value").ValueKind);
        using var gone = await Client.GetAsync("/api/tables/public/Long/cell?column=Name&key=" + Uri.EscapeDataString("{\"Id\":3}"));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private async Task<List<string?>> WalkAsync(string path, Func<JsonElement, string?> select)
    {
        var seen = new List<string?>();
        for (var next = path; next is not null;)
        {
            var page = await Client.GetJsonAsync(next);
            seen.AddRange(page.GetProperty("rows").EnumerateArray().Select(select));
            next = page.GetProperty("next").GetString() is { } cursor ? path + "&after=" + Uri.EscapeDataString(cursor) : null;
            Assert.True(seen.Count < 1000, "paging does not end");
        }

        return seen;
    }
}
