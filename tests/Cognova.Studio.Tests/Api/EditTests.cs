using System.Net;
using System.Text.Json;
using Cognova.Build.Testing.Postgres;
using Cognova.Studio.Catalog;
using Cognova.Studio.Data;
using Cognova.Studio.Edits;
using Npgsql;

namespace Cognova.Studio.Tests.Api;

public sealed class WritableFixture(PostgresServer postgres) : StudioFixture(postgres)
{
    protected override bool Writable => true;
}

[Collection(PostgresCollection.Name)]
public sealed class EditTests(WritableFixture fixture) : IClassFixture<WritableFixture>
{
    private StudioClient Client => fixture.Client;

    [Fact]
    public async Task An_update_insert_and_delete_are_saved_in_one_transaction_with_exact_values()
    {
        await fixture.ExecuteAsync("""INSERT INTO sales."Orders" ("Id", "Total") VALUES (501, 1), (502, 2)""");
        var first = await RowAsync("sales", "Orders", "501");
        var second = await RowAsync("sales", "Orders", "502");
        var body = new
        {
            changes = new object[]
            {
                new { kind = "update", schema = "sales", table = "Orders", key = new Dictionary<string, object> { ["Id"] = "501" }, xmin = first.Xmin, set = new Dictionary<string, object> { ["Total"] = new { value = "83261.85" }, ["Data"] = new { value = "\"a JSON string\"" } } },
                new { kind = "insert", schema = "sales", table = "Orders", values = new Dictionary<string, object> { ["Id"] = new { value = "-4611686018427387904" }, ["Mood"] = new { value = "ok" }, ["PlacedAt"] = new { value = "2024-05-01 12:00:00+02" } } },
                new { kind = "delete", schema = "sales", table = "Orders", key = new Dictionary<string, object> { ["Id"] = 502 }, xmin = second.Xmin },
            },
        };
        using var response = await Client.PostJsonAsync("/api/changes", body);
        await StudioClient.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal(3, (await StudioClient.JsonOf(response)).GetProperty("applied").GetInt32());

        Assert.Equal(["83261.85|\"a JSON string\""], await fixture.ColumnAsync("""SELECT "Total"::text || '|' || "Data"::text FROM sales."Orders" WHERE "Id" = 501"""));
        Assert.Equal(["ok|2024-05-01 10:00:00+00"], await fixture.ColumnAsync("""SET TIME ZONE 'UTC'; SELECT "Mood"::text || '|' || "PlacedAt"::text FROM sales."Orders" WHERE "Id" = -4611686018427387904"""));
        Assert.Empty(await fixture.ColumnAsync("""SELECT 1 FROM sales."Orders" WHERE "Id" = 502"""));
    }

    [Fact]
    public async Task Null_empty_string_and_default_are_three_different_things()
    {
        var body = new
        {
            changes = new object[]
            {
                new { kind = "insert", schema = "public", table = "Tags", values = new Dictionary<string, object> { ["Id"] = new { value = "801" }, ["Name"] = new { value = "n" }, ["Color"] = new { @null = true } } },
                new { kind = "insert", schema = "public", table = "Tags", values = new Dictionary<string, object> { ["Id"] = new { value = "802" }, ["Name"] = new { value = "n" }, ["Color"] = new { value = "" } } },
                new { kind = "insert", schema = "public", table = "Tags", values = new Dictionary<string, object> { ["Id"] = new { value = "803" }, ["Name"] = new { value = "n" }, ["Color"] = new { @default = true } } },
            },
        };
        using var response = await Client.PostJsonAsync("/api/changes", body);
        await StudioClient.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal(["801:null", "802:''", "803:'blue'"], await fixture.ColumnAsync("""SELECT "Id" || ':' || coalesce(quote_literal("Color"), 'null') FROM "Tags" WHERE "Id" BETWEEN 801 AND 803 ORDER BY 1"""));
    }

    [Fact]
    public async Task A_row_changed_since_it_was_read_is_a_409_naming_the_change_and_nothing_is_saved()
    {
        await fixture.ExecuteAsync("""INSERT INTO "Tags" ("Id", "Name") VALUES (901, 'before')""");
        var row = await RowAsync("public", "Tags", "901");
        await fixture.ExecuteAsync("""UPDATE "Tags" SET "Name" = 'someone else' WHERE "Id" = 901""");
        var body = new
        {
            changes = new object[]
            {
                new { kind = "insert", schema = "public", table = "Tags", values = new Dictionary<string, object> { ["Id"] = new { value = "902" }, ["Name"] = new { value = "x" } } },
                new { kind = "update", schema = "public", table = "Tags", key = new Dictionary<string, object> { ["Id"] = "901" }, xmin = row.Xmin, set = new Dictionary<string, object> { ["Name"] = new { value = "mine" } } },
            },
        };
        using var response = await Client.PostJsonAsync("/api/changes", body);
        await StudioClient.ExpectAsync(response, HttpStatusCode.Conflict);
        var conflict = (await StudioClient.JsonOf(response)).GetProperty("conflict");
        Assert.Equal(1, conflict.GetProperty("index").GetInt32());
        Assert.Contains("Id = 901", conflict.GetProperty("message").GetString());
        Assert.Equal(["someone else"], await fixture.ColumnAsync("""SELECT "Name" FROM "Tags" WHERE "Id" = 901"""));
        Assert.Empty(await fixture.ColumnAsync("""SELECT 1 FROM "Tags" WHERE "Id" = 902"""));
    }

    [Fact]
    public async Task The_preview_shows_the_sql_with_literals()
    {
        var body = new
        {
            changes = new object[]
            {
                new { kind = "update", schema = "sales", table = "Orders", key = new Dictionary<string, object> { ["Id"] = "1" }, xmin = "742", set = new Dictionary<string, object> { ["Note"] = new { value = "it's" }, ["Total"] = new { value = "83261.85" }, ["Mood"] = new { @null = true } } },
                new { kind = "insert", schema = "public", table = "Tags", values = new Dictionary<string, object> { ["Name"] = new { value = "x" }, ["Color"] = new { @default = true } } },
                new { kind = "delete", schema = "public", table = "Tags", key = new Dictionary<string, object> { ["Id"] = "7" }, xmin = "9" },
            },
        };
        using var response = await Client.PostJsonAsync("/api/changes/preview", body);
        await StudioClient.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal(
            """
            UPDATE "sales"."Orders" AS r SET "Note" = 'it''s', "Total" = 83261.85, "Mood" = NULL WHERE r."Id" = 1 AND r.xmin = '742'::xid;
            INSERT INTO "public"."Tags" ("Name", "Color") VALUES ('x', DEFAULT);
            DELETE FROM "public"."Tags" AS r WHERE r."Id" = 7 AND r.xmin = '9'::xid;

            """.ReplaceLineEndings("\n"),
            (await StudioClient.JsonOf(response)).GetProperty("sql").GetString());
    }

    [Fact]
    public async Task A_change_postgres_refuses_is_400_with_its_sqlstate_and_index()
    {
        var body = new { changes = new object[] { new { kind = "insert", schema = "public", table = "Tags", values = new Dictionary<string, object> { ["Id"] = new { value = "1" }, ["Name"] = new { value = "dup" } } } } };
        using var response = await Client.PostJsonAsync("/api/changes", body);
        await StudioClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        var error = await StudioClient.JsonOf(response);
        Assert.Equal("23505", error.GetProperty("sqlState").GetString());
        Assert.Equal(0, error.GetProperty("index").GetInt32());
    }

    private async Task<(string Xmin, JsonElement Row)> RowAsync(string schema, string table, string id)
    {
        var page = await Client.GetJsonAsync($"/api/tables/{schema}/{table}/rows?filter=Id:eq:{id}");
        var row = Assert.Single(page.GetProperty("rows").EnumerateArray());
        return (row.GetProperty("xmin").GetString()!, row);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class ReadOnlyTests(BrowseFixture fixture) : IClassFixture<BrowseFixture>
{
    [Fact]
    public async Task A_read_only_studio_refuses_changes_with_403()
    {
        var body = new { changes = new object[] { new { kind = "insert", schema = "public", table = "Tags", values = new Dictionary<string, object> { ["Name"] = new { value = "x" } } } } };
        using var response = await fixture.Client.PostJsonAsync("/api/changes", body);
        await StudioClient.ExpectAsync(response, HttpStatusCode.Forbidden);
        Assert.StartsWith("read-only", (await StudioClient.JsonOf(response)).GetProperty("error").GetString());
        Assert.Empty(await fixture.ColumnAsync("""SELECT 1 FROM "Tags" WHERE "Name" = 'x'"""));
    }

    [Fact]
    public async Task Postgres_itself_refuses_a_write_on_the_studios_read_only_connections()
    {
        // Past the server's own check: the planned insert goes straight to the read-only data source.
        await using var dataSource = StudioDataSource.Create(fixture.ConnectionString, writable: false);
        var table = await new CatalogReader(dataSource, new ModelIndex(null)).ReadTableAsync("public", "Tags", CancellationToken.None);
        var change = new Change("insert", "public", "Tags", new Dictionary<string, string?>(), null, [KeyValuePair.Create("Name", new CellEdit("x", false, false))]);
        var failed = await Assert.ThrowsAsync<ChangeFailedException>(() => new ChangeApplier(dataSource).ApplyAsync([EditPlanner.Plan(0, change, table)], CancellationToken.None));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, failed.Postgres.SqlState);
        Assert.Equal("25006", failed.Postgres.SqlState);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class WritableConsoleTests(WritableFixture fixture) : IClassFixture<WritableFixture>
{
    [Fact]
    public async Task A_writable_console_commits()
    {
        using var response = await fixture.Client.PostJsonAsync("/api/sql", new { sql = """INSERT INTO "Tags" ("Id", "Name") VALUES (7001, 'console')""" });
        await StudioClient.ExpectAsync(response, HttpStatusCode.OK);
        var result = await StudioClient.JsonOf(response);
        Assert.Equal("INSERT", result.GetProperty("command").GetString());
        Assert.Equal(1, result.GetProperty("rowCount").GetInt64());
        Assert.Equal(["console"], await fixture.ColumnAsync("""SELECT "Name" FROM "Tags" WHERE "Id" = 7001"""));
    }

    [Fact]
    public async Task Model_and_migrations_are_served_as_given()
    {
        var model = await fixture.Client.GetJsonAsync("/api/model");
        Assert.Equal("cognova.model/1", model.GetProperty("format").GetString());
        Assert.Equal(JsonValueKind.Null, (await fixture.Client.GetJsonAsync("/api/migrations")).ValueKind);
        Assert.False((await fixture.Client.GetJsonAsync("/api/session")).GetProperty("readOnly").GetBoolean());
    }
}
