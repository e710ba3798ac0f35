using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cognova.Migrations;

/// <summary>
/// Reports the start-up migrations of every DbContext registered with <c>AddCognovaMigrations</c>:
/// Healthy when each one applied, was up to date, was skipped because another instance held the lock,
/// or is disabled; otherwise the registration's failure status (Degraded by default) with the reason.
/// The data holds each context's status, applied count, failed migration and error.
/// </summary>
public sealed class CognovaMigrationsHealthCheck(IEnumerable<MigrationOutcome> outcomes) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var all = outcomes.DistinctBy(o => o.ContextType).ToList();
        if (all.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("No DbContext is registered with AddCognovaMigrations."));
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var unwell = new List<string>();
        var lines = new List<string>();
        foreach (var outcome in all)
        {
            var name = outcome.ContextType.Name;
            var result = outcome.Result;
            data[$"{name}.status"] = outcome.Status.ToString();
            data[$"{name}.applied"] = result?.Applied.Count ?? 0;
            if (result?.FailedMigration is { } failed)
            {
                data[$"{name}.failedMigration"] = failed;
            }

            if (outcome.Reason is { } reason)
            {
                data[$"{name}.reason"] = reason;
            }

            var line = outcome.ToString();
            lines.Add(line);
            if (outcome.Status is not (MigrationOutcomeStatus.Applied or MigrationOutcomeStatus.UpToDate
                or MigrationOutcomeStatus.SkippedLocked or MigrationOutcomeStatus.Disabled))
            {
                unwell.Add(line);
            }
        }

        var result2 = unwell.Count == 0
            ? HealthCheckResult.Healthy(string.Join("; ", lines), data)
            : new HealthCheckResult(context.Registration.FailureStatus, string.Join("; ", unwell), data: data);
        return Task.FromResult(result2);
    }
}
