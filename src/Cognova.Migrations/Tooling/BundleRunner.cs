using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace Cognova.Migrations.Tooling;

/// <summary>
/// The bundle's three commands on a created DbContext: migrate (default), status and script. Each
/// migration runs only once <paramref name="verified"/> says it matches the lock (for status and
/// script the caller verifies everything first).
/// </summary>
public sealed class BundleRunner(DbContext context, BundleArguments arguments, BundleOutput output, Func<Migration, CancellationToken, Task>? verified = null)
{
    /// <summary>
    /// The database's history as the caller has just read it (the bundle's up-to-date probe; empty when the
    /// database or its history table does not exist yet), so that the run does not read it again; null: the
    /// run reads it. Either way EF Core's migrator reads it once more under the lock before it applies anything.
    /// </summary>
    public IReadOnlyCollection<string>? AppliedMigrations { get; init; }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var status = AppliedMigrations is { } applied
            ? MigrationStatusReader.Compare(context.Database.GetMigrations(), applied)
            : await ReadStatusAsync(cancellationToken);
        if (status is null)
        {
            return ExitCodes.DatabaseUnreachable;
        }

        return arguments.Command switch
        {
            "status" => ShowStatus(status),
            "script" => WriteScript(status),
            _ => await MigrateAsync(status, cancellationToken),
        };
    }

    private async Task<int> MigrateAsync(MigrationStatus status, CancellationToken cancellationToken)
    {
        if (status.Unknown.Count > 0 && !arguments.AllowUnknown)
        {
            output.Error($"The database has {status.Unknown.Count} migration(s) this bundle does not know ({string.Join(", ", status.Unknown)}): the bundle is older than the database. "
                         + "Deploy a newer bundle, or run with --allow-unknown.");
            return Finish(ExitCodes.UsageError, "unknown-migrations", Array.Empty<object>(), null);
        }

        var options = new MigrationRunOptions
        {
            WaitForLock = !arguments.SkipIfLocked,
            LockTimeout = arguments.LockTimeout,
            TargetMigration = ResolveTarget(arguments.TargetMigration),
            BeforeMigration = verified,
        };
        var result = await AdvisoryLockMigrator.RunAsync(context, options, new OutputLogger(output), new ProgressObserver(output), cancellationToken);
        var applied = result.Applied.Select(a => new { id = a.Id, milliseconds = (long)a.Duration.TotalMilliseconds }).ToList();
        switch (result.Status)
        {
            case MigrationRunStatus.UpToDate:
                output.Success("No migrations were applied. The database is already up to date.");
                return Finish(ExitCodes.Success, "up-to-date", applied, null);
            case MigrationRunStatus.Applied:
                output.Success($"Done. {Describe(result.Applied)} in {result.Duration.TotalMilliseconds:0} ms.");
                return Finish(ExitCodes.Success, "applied", applied, null);
            case MigrationRunStatus.SkippedLocked:
                output.Info("Another run holds the migration lock; skipped (--skip-if-locked).");
                return Finish(ExitCodes.Success, "skipped-locked", applied, null);
            case MigrationRunStatus.LockTimeout:
                output.Error($"Another run held the migration lock for longer than {arguments.LockTimeout}. Nothing was applied. Try again, or raise --lock-timeout.");
                return Finish(ExitCodes.LockTimeout, "lock-timeout", applied, result.Error);
            case MigrationRunStatus.Unreachable:
                output.Error("Cannot reach the database: " + result.Error);
                return Finish(ExitCodes.DatabaseUnreachable, "unreachable", applied, result.Error);
            default:
                // The runner's error already names the migration that failed.
                output.Error(result.FailedMigration is null
                    ? Sentence("Migrating failed: " + result.Error)
                    : Sentence(result.Error ?? $"Migration {result.FailedMigration} failed") + " The database stays at the last migration that succeeded.");
                return Finish(ExitCodes.Failed, "failed", applied, result.Error);
        }
    }

    private int ShowStatus(MigrationStatus status)
    {
        if (arguments.Json)
        {
            output.Json(JsonSerializer.Serialize(new { applied = status.Applied, pending = status.Pending, unknown = status.Unknown }));
            return ExitCodes.Success;
        }

        output.Info($"Applied ({status.Applied.Count}):");
        foreach (var id in status.Applied)
        {
            output.Info("  " + id);
        }

        output.Info($"Pending ({status.Pending.Count}):");
        foreach (var id in status.Pending)
        {
            output.Info("  " + id);
        }

        if (status.Unknown.Count > 0)
        {
            output.Info($"Unknown to this bundle ({status.Unknown.Count}):");
            foreach (var id in status.Unknown)
            {
                output.Info("  " + id);
            }
        }

        return ExitCodes.Success;
    }

    private int WriteScript(MigrationStatus status)
    {
        if (status.Pending.Count == 0 && arguments.TargetMigration is null)
        {
            output.Info("-- No pending migrations.");
            return ExitCodes.Success;
        }

        var from = status.Applied.Count > 0 ? status.Applied[^1] : Migration.InitialDatabase;
        var script = context.GetService<IMigrator>().GenerateScript(from, ResolveTarget(arguments.TargetMigration));
        output.Data(script);
        return ExitCodes.Success;
    }

    private async Task<MigrationStatus?> ReadStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await MigrationStatusReader.ReadAsync(context, cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.IsConnectionProblem(ex))
        {
            output.Error("Cannot reach the database: " + DatabaseErrors.Describe(ex));
            Finish(ExitCodes.DatabaseUnreachable, "unreachable", Array.Empty<object>(), DatabaseErrors.Describe(ex));
            return null;
        }
    }

    /// <summary>A target given by name (<c>AddTags</c>) is resolved to its id; <c>0</c> means before the first migration.</summary>
    private string? ResolveTarget(string? target)
    {
        if (target is null || target == Migration.InitialDatabase)
        {
            return target;
        }

        return context.GetService<IMigrationsAssembly>().FindMigrationId(target)
               ?? throw new BundleUsageException($"The bundle has no migration '{target}'.");
    }

    private static string Describe(IReadOnlyList<AppliedMigration> migrations)
    {
        var reverted = migrations.Count(m => m.Reverted);
        var applied = migrations.Count - reverted;
        return (applied, reverted) switch
        {
            (_, 0) => $"{applied} migration(s) applied",
            (0, _) => $"{reverted} migration(s) reverted",
            _ => $"{applied} migration(s) applied and {reverted} reverted",
        };
    }

    /// <summary>Ends a message that may come from the database without a full stop with one.</summary>
    private static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || ".!?".Contains(trimmed[^1], StringComparison.Ordinal) ? trimmed : trimmed + ".";
    }

    private int Finish(int exitCode, string outcome, object applied, string? error)
    {
        output.Outcome(outcome, exitCode, applied, error);
        return exitCode;
    }

    private sealed class ProgressObserver(BundleOutput output) : IMigrationRunObserver
    {
        public void Starting(string migrationId) => output.Info($"Applying migration '{migrationId}'...");

        public void Applied(string migrationId, TimeSpan duration) => output.Success($"Applied migration '{migrationId}' in {duration.TotalMilliseconds:0} ms.");

        public void Reverting(string migrationId) => output.Info($"Reverting migration '{migrationId}'...");

        public void Reverted(string migrationId, TimeSpan duration) => output.Success($"Reverted migration '{migrationId}' in {duration.TotalMilliseconds:0} ms.");
    }

    private sealed class OutputLogger(BundleOutput output) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => output.IsVerbose || logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                output.Verbose(formatter(state, exception));
            }
        }
    }
}
