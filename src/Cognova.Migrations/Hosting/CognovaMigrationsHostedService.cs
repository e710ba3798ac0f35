using Cognova.Migrations.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cognova.Migrations;

/// <summary>
/// Runs the migrations of <typeparamref name="TContext"/> when the host starts, before the app serves:
/// in <see cref="IHostedLifecycleService.StartingAsync"/>, which the host calls for every service
/// before any <see cref="IHostedService.StartAsync"/> (ASP.NET Core starts its server in one of those).
/// </summary>
internal sealed class CognovaMigrationsHostedService<TContext>(
    IServiceScopeFactory scopes,
    IOptionsMonitor<CognovaMigrationsOptions> optionsMonitor,
    MigrationOutcome<TContext> outcome,
    ILoggerFactory loggerFactory,
    IServiceProvider services) : IHostedLifecycleService
    where TContext : DbContext
{
    /// <summary>The logger category of the runner and of this service.</summary>
    public const string LoggerCategory = "Cognova.Migrations";

    private readonly ILogger _logger = loggerFactory.CreateLogger(LoggerCategory);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var contextName = typeof(TContext).Name;
        var options = optionsMonitor.Get(OptionsName);
        if (!options.Enabled)
        {
            MigrationLog.Disabled(_logger, contextName);
            outcome.SetDisabled("Cognova:Migrations:Enabled is false");
            return;
        }

        var environment = services.GetService<IHostEnvironment>();
        if (environment is not null && environment.IsDevelopment() && !options.RunInDevelopment)
        {
            MigrationLog.SkippedInDevelopment(_logger, contextName, environment.EnvironmentName);
            outcome.SetDisabled($"skipped in the {environment.EnvironmentName} environment (Cognova:Migrations:RunInDevelopment is false)");
            return;
        }

        outcome.SetRunning();
        var result = await RunAsync(options, cancellationToken).ConfigureAwait(false);
        outcome.SetResult(result);

        if (result.Succeeded || result.Status == MigrationRunStatus.SkippedLocked)
        {
            return;
        }

        if (options.FailFast)
        {
            MigrationLog.FailingFast(_logger, contextName, result.Status);
            throw new InvalidOperationException(
                $"The start-up migrations of {contextName} did not complete ({result.Status}): {result.Error} "
                + "Start-up stops because Cognova:Migrations:FailFast is true.");
        }

        MigrationLog.Continuing(_logger, contextName, result.Status);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static string OptionsName => typeof(TContext).FullName ?? typeof(TContext).Name;

    private async Task<MigrationRunResult> RunAsync(CognovaMigrationsOptions options, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        TContext context;
        try
        {
            var factory = scope.ServiceProvider.GetService<IDbContextFactory<TContext>>();
            context = factory is not null
                ? await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false)
                : scope.ServiceProvider.GetRequiredService<TContext>();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A DbContext that cannot be created (no provider, no connection string, …) is a failed run.
            var error = $"Cannot create {typeof(TContext).Name}: {DatabaseErrors.Describe(e)}";
            MigrationLog.RunFailed(_logger, typeof(TContext).Name, error);
            return new MigrationRunResult(MigrationRunStatus.Failed, [], null, error, TimeSpan.Zero);
        }

        await using (context.ConfigureAwait(false))
        {
            return await AdvisoryLockMigrator.RunAsync(context, options.ToRunOptions(), _logger, observer: null, cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
