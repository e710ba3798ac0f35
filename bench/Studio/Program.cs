// The studio's figures (bench/README.md): the server runs in this process, as in the tool, and is driven over
// loopback HTTP like a browser drives it. Prints a Markdown table and every timed run.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cognova.Build.Testing.Postgres;
using Cognova.Studio;
using Npgsql;

var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
using var postgres = await PostgresServer.StartAsync();
var connectionString = await postgres.CreateDatabaseAsync("studio_bench");
Console.Error.WriteLine("[studio bench] 1,000,000 rows, 500 tables, a 50 MB bytea row");
await ExecuteAsync("""
    CREATE TABLE "Big" ("Id" bigint PRIMARY KEY, "Name" text NOT NULL, "Amount" numeric(12,2), "CreatedAt" timestamptz NOT NULL);
    INSERT INTO "Big" SELECT i, 'name ' || (i % 1000), (i % 100000) / 100.0, timestamptz '2024-01-01' + i * interval '1 second' FROM generate_series(1, 1000000) AS i;
    CREATE INDEX "IX_Big_CreatedAt" ON "Big" ("CreatedAt", "Id");
    CREATE SCHEMA many;
    DO $$ BEGIN FOR i IN 1..500 LOOP EXECUTE format('CREATE TABLE many.%I ("Id" integer PRIMARY KEY, "Name" text)', 't' || i); END LOOP; END $$;
    CREATE TABLE "Blobs" ("Id" integer PRIMARY KEY, "Data" bytea);
    INSERT INTO "Blobs" VALUES (1, convert_to(repeat('x', 52428800), 'UTF8'));
    """);
await ExecuteAsync("VACUUM ANALYZE");

var listening = Stopwatch.StartNew();
await using var studio = await StudioServer.StartAsync(new StudioOptions { ConnectionString = connectionString });
listening.Stop();
using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = studio.BaseAddress };
using var signIn = await http.GetAsync(new Uri(studio.Url));
var cookie = signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

var rows = new List<(string Measurement, string Figure, string Target)>
{
    ("studio listening (StudioServer.StartAsync, first in the process)", $"{listening.Elapsed.TotalMilliseconds:F0} ms", "≤ 2000 ms"),
};
var timings = new StringBuilder();

foreach (var (name, query) in new[]
{
    ("page of 50 by key, depth 0", "limit=50"),
    ("page of 50 by key, depth 500,000", "limit=50&after=" + Cursor("500000")),
    ("page of 50 by key, depth 999,950", "limit=50&after=" + Cursor("999950")),
    ("page of 50 by CreatedAt desc, depth 500,000", "limit=50&sort=CreatedAt:desc&after=" + Cursor("2024-01-06 18:53:20+00", "500000")),
    ("page of 50, filter Name = 'name 7', depth 0", "limit=50&filter=" + Uri.EscapeDataString("Name:eq:name 7")),
})
{
    var (p50, p95) = await TimeAsync(name, "/api/tables/public/Big/rows?" + query);
    rows.Add((name + " (p50 / p95)", $"{p50:F1} / {p95:F1} ms", "p95 ≤ 150 ms"));
}

var (tables50, tables95) = await TimeAsync("500-table list", "/api/tables");
rows.Add(("table list, 504 relations (p50 / p95)", $"{tables50:F1} / {tables95:F1} ms", "≤ 500 ms"));

for (var i = 0; i < 10; i++)
{
    await GetAsync("/api/tables/public/Blobs/rows?limit=50");
}

GC.Collect();
using var self = Process.GetCurrentProcess();
self.Refresh();
rows.Add(("resident memory after paging a table with a 50 MB bytea row (this process: server and client)", $"{self.WorkingSet64 / 1048576.0:F0} MB (peak {self.PeakWorkingSet64 / 1048576.0:F0} MB)", "≤ 250 MB"));
await GetAsync("/api/tables/public/Blobs/cell?column=Data&key=" + Uri.EscapeDataString("{\"Id\":\"1\"}"));
self.Refresh();
rows.Add(("peak resident memory after also opening that cell whole (100 MB of hex text)", $"{self.PeakWorkingSet64 / 1048576.0:F0} MB", "—"));

Console.WriteLine("| measurement | figure | target |");
Console.WriteLine("|---|---|---|");
foreach (var (measurement, figure, target) in rows)
{
    Console.WriteLine($"| {measurement} | {figure} | {target} |");
}

Console.WriteLine();
Console.WriteLine($"{runs} timed runs each, after 3 warm-up runs:");
Console.WriteLine(timings.ToString());
return 0;

// The cursor the server writes: base64url of {"v":[values]} (the sort columns' text, then the key's).
static string Cursor(params string[] values)
{
    var json = "{\"v\":[" + string.Join(",", values.Select(v => "\"" + v + "\"")) + "]}";
    return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

async Task<(double P50, double P95)> TimeAsync(string name, string path)
{
    for (var i = 0; i < 3; i++)
    {
        await GetAsync(path);
    }

    var samples = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        await GetAsync(path);
        samples.Add(watch.Elapsed.TotalMilliseconds);
    }

    samples.Sort();
    timings.Append("- ").Append(name).Append(": ").AppendLine(string.Join(", ", samples.Select(s => s.ToString("F1", CultureInfo.InvariantCulture))));
    return (samples[(samples.Count - 1) / 2], samples[(int)Math.Ceiling(samples.Count * 0.95) - 1]);
}

async Task GetAsync(string path)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, path);
    request.Headers.Add("Cookie", cookie);
    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    await using var body = await response.Content.ReadAsStreamAsync();
    await body.CopyToAsync(Stream.Null);
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
    }
}

async Task ExecuteAsync(string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
    await command.ExecuteNonQueryAsync();
}
