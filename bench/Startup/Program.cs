using System.Diagnostics;
using System.Globalization;
using Cognova.Build.Testing.Postgres;
using Cognova.Migrations;
using Cognova.Sample.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// Start-up cost with nothing pending, in process: the runner (AdvisoryLockMigrator.RunAsync, as
// AddCognovaMigrations calls it) vs context.Database.Migrate(), on the same up-to-date database, with
// the sample app's AppDbContext. Each timed run uses a new DbContext and starts with empty connection
// pools, as an app start does; the sides alternate (A, B, A, B, …) after a warm-up of each.
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 21;
var invariant = CultureInfo.InvariantCulture;

Console.Error.WriteLine("[startup bench] starting PostgreSQL");
using var server = await PostgresServer.StartAsync();
var connectionString = await server.CreateDatabaseAsync("bench_startup");
var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString).Options;

using (var context = new AppDbContext(options))
{
    context.Database.Migrate();
}

async Task<double> RunnerAsync()
{
    NpgsqlConnection.ClearAllPools();
    var clock = Stopwatch.StartNew();
    await using var context = new AppDbContext(options);
    var result = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions { Timeout = TimeSpan.FromSeconds(30) }, NullLogger.Instance);
    clock.Stop();
    if (result.Status != MigrationRunStatus.UpToDate)
    {
        throw new InvalidOperationException($"The runner reported {result.Status}: {result.Error}");
    }

    return clock.Elapsed.TotalMilliseconds;
}

double Baseline()
{
    NpgsqlConnection.ClearAllPools();
    var clock = Stopwatch.StartNew();
    using var context = new AppDbContext(options);
    context.Database.Migrate();
    clock.Stop();
    return clock.Elapsed.TotalMilliseconds;
}

Console.Error.WriteLine($"[startup bench] warm-up, then {runs} timed runs per side");
for (var i = 0; i < 3; i++)
{
    await RunnerAsync();
    Baseline();
}

var ours = new List<double>();
var theirs = new List<double>();
for (var i = 0; i < runs; i++)
{
    ours.Add(await RunnerAsync());
    theirs.Add(Baseline());
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

var oursMedian = Median(ours);
var theirsMedian = Median(theirs);
var ratio = oursMedian / theirsMedian;
Console.WriteLine("| measurement | Cognova | baseline | ratio | target |");
Console.WriteLine("|---|---:|---:|---:|---:|");
Console.WriteLine(string.Create(invariant,
    $"| start-up with nothing pending, in process: AdvisoryLockMigrator.RunAsync vs Database.Migrate() (ms, median of {runs}) | {oursMedian:0.0} | {theirsMedian:0.0} | {ratio:0.00} | ≤ 1.0 {(ratio <= 1.0 ? "" : "**missed**")} |"));
Console.WriteLine();
Console.WriteLine("runner (ms):    " + string.Join(" ", ours.Select(v => v.ToString("0.0", invariant))));
Console.WriteLine("Migrate() (ms): " + string.Join(" ", theirs.Select(v => v.ToString("0.0", invariant))));
