using System.Text.Json;
using Cognova.Studio.Assets;
using Cognova.Studio.Catalog;
using Cognova.Studio.Data;
using Cognova.Studio.Edits;
using Cognova.Studio.Export;
using Npgsql;
using Cognova.Studio.Sql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cognova.Studio.Api;

/// <summary>The HTTP API (docs/studio.md): one line per route, the work in the classes it calls.</summary>
internal static class StudioApi
{
    public static void Map(WebApplication app, StudioState state)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/session", () => Json(state.Session));
        api.MapGet("/model", () => state.Options.ModelJson is { } model ? Results.Text(model, "application/json") : Results.Text("null", "application/json"));
        api.MapGet("/migrations", () => Results.Text(state.Options.MigrationsJson ?? "null", "application/json"));
        api.MapGet("/tables", async (CancellationToken ct) => Json(await state.Catalog.ListTablesAsync(ct).ConfigureAwait(false)));
        api.MapGet("/tables/{schema}/{table}", async (string schema, string table, CancellationToken ct)
            => Json(await state.Catalog.ReadTableAsync(schema, table, ct).ConfigureAwait(false)));
        api.MapGet("/tables/{schema}/{table}/rows", async (string schema, string table, HttpRequest request, CancellationToken ct) =>
        {
            var query = ReadQuery(request);
            var info = await state.Catalog.ReadTableAsync(schema, table, ct).ConfigureAwait(false);
            return Json(await state.Browser.PageAsync(info, query, ct).ConfigureAwait(false));
        });
        api.MapGet("/tables/{schema}/{table}/count", async (string schema, string table, HttpRequest request, CancellationToken ct) =>
        {
            var query = ReadQuery(request);
            var info = await state.Catalog.ReadTableAsync(schema, table, ct).ConfigureAwait(false);
            return Json(new { count = await state.Browser.CountAsync(info, query.Filters, ct).ConfigureAwait(false) });
        });
        api.MapGet("/tables/{schema}/{table}/cell", async (string schema, string table, string? key, string? column, HttpContext context) =>
        {
            if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(column))
            {
                throw new StudioRequestException(400, "cell needs key=<the row's key as JSON> and column=<name>.");
            }

            var info = await state.Catalog.ReadTableAsync(schema, table, context.RequestAborted).ConfigureAwait(false);
            await state.Browser.WriteCellAsync(info, ReadKey(key), column, context.Response, context.RequestAborted).ConfigureAwait(false);
        });
        api.MapPost("/changes/preview", async (HttpRequest request, CancellationToken ct) =>
        {
            var planned = await PlanAsync(state, request, ct).ConfigureAwait(false);
            return Json(new { sql = string.Concat(planned.Select(p => p.Preview + ";\n")) });
        });
        api.MapPost("/changes", async (HttpRequest request, CancellationToken ct) =>
        {
            if (!state.Options.Writable)
            {
                return Json(new ApiError(ReadOnlyRefusal), StatusCodes.Status403Forbidden);
            }

            var planned = await PlanAsync(state, request, ct).ConfigureAwait(false);
            var result = await new ChangeApplier(state.DataSource).ApplyAsync(planned, ct).ConfigureAwait(false);
            return result.Conflict is { } conflict
                ? Json(new { conflict }, StatusCodes.Status409Conflict)
                : Json(new { applied = result.Applied });
        });
        api.MapPost("/sql", async (HttpRequest request, CancellationToken ct) =>
            Json(await new SqlConsole(state.DataSource, state.Options.Writable).RunAsync(await ReadSqlAsync(request, ct).ConfigureAwait(false), ct).ConfigureAwait(false)));
        api.MapGet("/tables/{schema}/{table}/export", async (string schema, string table, HttpContext context) =>
        {
            var query = ReadQuery(context.Request);
            var info = await state.Catalog.ReadTableAsync(schema, table, context.RequestAborted).ConfigureAwait(false);
            await using var connection = await state.DataSource.OpenConnectionAsync(context.RequestAborted).ConfigureAwait(false);
            await using var command = TableQueries.Export(info, query).ToCommand(connection);
            await Exporter.StreamAsync(context, command, $"{schema}.{table}", context.Request.Query["format"]).ConfigureAwait(false);
        });
        api.MapPost("/sql/export", async (HttpContext context) =>
        {
            var sql = await ReadSqlAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            var console = new SqlConsole(state.DataSource, state.Options.Writable);
            var (connection, transaction) = await console.BeginAsync(context.RequestAborted).ConfigureAwait(false);
            await using (connection)
            await using (transaction)
            {
                await using (var command = new NpgsqlCommand(sql, connection, transaction) { AllResultTypesAreUnknown = true })
                {
                    await Exporter.StreamAsync(context, command, "query", context.Request.Query["format"]).ConfigureAwait(false);
                }

                await console.EndAsync(transaction, context.RequestAborted).ConfigureAwait(false);
            }
        });
        api.MapFallback(() => Json(new ApiError("There is no such API call."), StatusCodes.Status404NotFound));

        // MapFallback's default pattern skips paths that look like files: the assets (/assets/app.js) are exactly those.
        app.MapFallback("{**path}", async context =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) || !await EmbeddedAssets.TryServeAsync(context).ConfigureAwait(false))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
    }

    public const string ReadOnlyRefusal = "read-only: this studio was started without --write, and its database connections are read-only. Start it with dotnet cognova studio --write to save changes.";

    private static async Task<IReadOnlyList<PlannedChange>> PlanAsync(StudioState state, HttpRequest request, CancellationToken ct)
    {
        var changes = ChangeSet.Read(await ReadBodyAsync(request, ct).ConfigureAwait(false));
        var tables = new Dictionary<(string, string), TableInfo>();
        var planned = new List<PlannedChange>();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            if (!tables.TryGetValue((change.Schema, change.Table), out var table))
            {
                tables[(change.Schema, change.Table)] = table = await state.Catalog.ReadTableAsync(change.Schema, change.Table, ct).ConfigureAwait(false);
            }

            try
            {
                planned.Add(EditPlanner.Plan(i, change, table));
            }
            catch (StudioRequestException ex)
            {
                throw new StudioRequestException(ex.Status, $"Change {i + 1}: {ex.Message}");
            }
        }

        return planned;
    }

    private static async Task<string> ReadSqlAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await ReadBodyAsync(request, ct).ConfigureAwait(false);
        return body.ValueKind == JsonValueKind.Object && body.TryGetProperty("sql", out var sql) && sql.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(sql.GetString())
            ? sql.GetString()!
            : throw new StudioRequestException(400, "The body must be { \"sql\": \"select …\" }.");
    }

    /// <summary>The request's JSON body, or a 400 when it is not JSON.</summary>
    internal static async Task<JsonElement> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct).ConfigureAwait(false);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new StudioRequestException(400, "The body is not JSON: " + ex.Message);
        }
    }

    internal static IResult Json(object? value, int status = StatusCodes.Status200OK) => Results.Json(value, StudioJson.Options, statusCode: status);

    internal static RowQuery ReadQuery(HttpRequest request)
        => RowQuery.Parse(request.Query["sort"].OfType<string>(), request.Query["filter"].OfType<string>(), request.Query["limit"].ToString(), request.Query["after"].ToString());

    /// <summary>A row's key as the grid sends it back: a JSON object of column to text (numbers are taken as written).</summary>
    internal static IReadOnlyDictionary<string, string?> ReadKey(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? ValueText.Object(document.RootElement)
                : throw new StudioRequestException(400, "key must be a JSON object of the key's columns, e.g. {\"Id\":\"1\"}.");
        }
        catch (JsonException)
        {
            throw new StudioRequestException(400, "key must be a JSON object of the key's columns, e.g. {\"Id\":\"1\"}.");
        }
    }
}
