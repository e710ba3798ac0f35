using Cognova.Build.Testing.Postgres;
using Cognova.Migrations.Tests.Contexts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cognova.Migrations.Tests;

/// <summary>AddCognovaMigrations in generic hosts: start-up order, outcome, health check, Development, configuration.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StartupMigrationTests(PostgresServer server)
{
    [Fact]
    public async Task A_failing_migration_does_not_stop_the_app_and_the_health_check_is_degraded_with_the_reason()
    {
        var db = await TestDatabase.CreateAsync(server, "host_broken");
        var log = new LogSink();
        using var host = BuildHost<BrokenContext>(db, log, "Production");

        await host.StartAsync();
        try
        {
            var outcome = host.Services.GetRequiredService<MigrationOutcome<BrokenContext>>();
            Assert.Equal(MigrationOutcomeStatus.Failed, outcome.Status);
            Assert.True(outcome.IsFailure);
            Assert.False(outcome.IsSchemaCurrent);
            Assert.Equal("20260102000002_AlterMissingTable", outcome.Result!.FailedMigration);
            Assert.Contains("no_such_table", outcome.Reason);
            Assert.Same(outcome, Assert.Single(host.Services.GetServices<MigrationOutcome>()));

            var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            Assert.Equal(HealthStatus.Degraded, health.Status);
            var entry = health.Entries["cognova-migrations"];
            Assert.Equal(HealthStatus.Degraded, entry.Status);
            Assert.Contains("20260102000002_AlterMissingTable", entry.Description);
            Assert.Contains("no_such_table", entry.Description);
            Assert.Equal("Failed", entry.Data["BrokenContext.status"]);

            // One error from Cognova.Migrations (EF Core logs the failed command itself, in its own categories).
            Assert.Equal(5010, Assert.Single(log.Cognova, e => e.Level >= LogLevel.Error).Id.Id);
            Assert.Single(log.WithId(5022));
        }
        finally
        {
            await host.StopAsync();
        }

        Assert.Equal(["20260102000001_CreateOrders"], await db.HistoryAsync());
        Assert.True(await db.LockIsFreeAsync(db.LockIdOf<BrokenContext>()));
    }

    [Fact]
    public async Task Migrations_run_before_the_other_hosted_services_start_and_the_health_check_is_healthy()
    {
        var db = await TestDatabase.CreateAsync(server, "host_order");
        var probe = new HistoryProbe(db);
        var log = new LogSink();
        using var host = BuildHost<GoodContext>(db, log, "Production", services => services.AddHostedService(_ => probe));

        await host.StartAsync();
        await host.StopAsync();

        // The probe was registered before AddCognovaMigrations, and still saw every migration applied.
        Assert.Equal(3, probe.HistoryAtStart);
        var outcome = host.Services.GetRequiredService<MigrationOutcome<GoodContext>>();
        Assert.Equal(MigrationOutcomeStatus.Applied, outcome.Status);
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Status);

        // A fresh database has no history table yet: that is not worth an error, not even from EF Core.
        Assert.True(!log.Entries.Any(e => e.Level >= LogLevel.Error), string.Join("\n", log.Entries.Select(e => e.Category + ": " + e.Message)));
    }

    [Fact]
    public async Task In_Development_nothing_is_applied_unless_enabled_in_configuration()
    {
        var db = await TestDatabase.CreateAsync(server, "host_dev");
        var log = new LogSink();
        using (var host = BuildHost<GoodContext>(db, log, "Development"))
        {
            await host.StartAsync();
            await host.StopAsync();
            var outcome = host.Services.GetRequiredService<MigrationOutcome<GoodContext>>();
            Assert.Equal(MigrationOutcomeStatus.Disabled, outcome.Status);
            Assert.Contains("Development", outcome.Reason);
            Assert.Equal(HealthStatus.Healthy, (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Status);
        }

        Assert.Single(log.WithId(5021));
        Assert.False(await db.ExistsAsync("__EFMigrationsHistory"));

        var settings = new Dictionary<string, string?> { ["Cognova:Migrations:RunInDevelopment"] = "true" };
        using (var host = BuildHost<GoodContext>(db, log, "Development", configuration: settings))
        {
            await host.StartAsync();
            await host.StopAsync();
            Assert.Equal(MigrationOutcomeStatus.Applied, host.Services.GetRequiredService<MigrationOutcome<GoodContext>>().Status);
        }

        Assert.Equal(3, (await db.HistoryAsync()).Count);
    }

    [Fact]
    public async Task Configuration_overrides_code_and_FailFast_stops_the_start()
    {
        var db = await TestDatabase.CreateAsync(server, "host_config");
        var settings = new Dictionary<string, string?> { ["Cognova:Migrations:Enabled"] = "false" };
        using (var host = BuildHost<GoodContext>(db, new LogSink(), "Production", configure: o => o.Enabled = true, configuration: settings))
        {
            await host.StartAsync();
            await host.StopAsync();
            Assert.Equal(MigrationOutcomeStatus.Disabled, host.Services.GetRequiredService<MigrationOutcome<GoodContext>>().Status);
        }

        var options = new Dictionary<string, string?>
        {
            ["Cognova:Migrations:FailFast"] = "true",
            ["Cognova:Migrations:Timeout"] = "00:00:20",
        };
        using (var host = BuildHost<BrokenContext>(db, new LogSink(), "Production", configuration: options))
        {
            var monitor = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<CognovaMigrationsOptions>>();
            Assert.Equal(TimeSpan.FromSeconds(20), monitor.Get(typeof(BrokenContext).FullName).Timeout);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
            Assert.Contains("20260102000002_AlterMissingTable", error.Message);
        }
    }

    private static IHost BuildHost<TContext>(
        TestDatabase db,
        LogSink log,
        string environment,
        Action<IServiceCollection>? more = null,
        Action<CognovaMigrationsOptions>? configure = null,
        IDictionary<string, string?>? configuration = null)
        where TContext : DbContext
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(log);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddDbContext<TContext>(options => options.UseNpgsql(db.ConnectionString));
        more?.Invoke(builder.Services);
        builder.Services.AddCognovaMigrations<TContext>(configure);
        builder.Services.AddHealthChecks().AddCognovaMigrations();
        return builder.Build();
    }

    /// <summary>A hosted service registered before the migrations: when it starts, it counts the history rows.</summary>
    private sealed class HistoryProbe(TestDatabase db) : IHostedService
    {
        public int HistoryAtStart { get; private set; } = -1;

        public async Task StartAsync(CancellationToken cancellationToken) => HistoryAtStart = (await db.HistoryAsync()).Count;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
