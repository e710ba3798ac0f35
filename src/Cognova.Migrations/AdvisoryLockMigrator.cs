using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Cognova.Migrations.Internal;
using Cognova.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cognova.Migrations;

/// <summary>
/// Applies a DbContext's pending migrations under a PostgreSQL advisory lock, so that of several app
/// instances starting at once exactly one migrates.
/// </summary>
/// <remarks>
/// <para>
/// A run opens one dedicated connection (no pooling, the context's connection string and credentials),
/// takes <c>pg_try_advisory_lock(id)</c> on it, points the context at that same connection, and lets EF
/// Core's <see cref="IMigrator"/> apply the pending migrations; EF Core runs each migration in its own
/// transaction. The lock is released with <c>pg_advisory_unlock(id)</c> on that same connection in a
/// <c>finally</c>, and closing the connection ends the session, which releases the lock in any case.
/// Because the lock and the migrations share one session, a session that dies (killed, network lost)
/// takes its lock and its uncommitted migration with it: the database stays at the last migration that
/// committed, and the next run continues from there.
/// </para>
/// <para>
/// The run never throws for database problems: they come back as <see cref="MigrationRunStatus.Failed"/>,
/// <see cref="MigrationRunStatus.Unreachable"/> or <see cref="MigrationRunStatus.TimedOut"/> with a clear
/// <see cref="MigrationRunResult.Error"/>, and are logged once. Only a cancellation of
/// <c>cancellationToken</c> by the caller throws (<see cref="OperationCanceledException"/>).
/// </para>
/// </remarks>
public static class AdvisoryLockMigrator
{
    private static readonly TimeSpan HistoryReadTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs the migrations of <paramref name="context"/> as described on the class.</summary>
    /// <param name="context">
    /// A context configured with Npgsql whose connection is closed. It is pointed at the runner's
    /// connection during the run and gets its own connection back afterwards.
    /// </param>
    /// <param name="options">Lock, wait, timeout and target.</param>
    /// <param name="logger">Receives the runner's events (5001–5019 and 5024), never a password.</param>
    /// <param name="observer">Told about each migration as it starts and commits.</param>
    /// <param name="cancellationToken">Cancels the run; the running migration rolls back, and the call throws.</param>
    public static async Task<MigrationRunResult> RunAsync(
        DbContext context,
        MigrationRunOptions options,
        ILogger logger,
        IMigrationRunObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        cancellationToken.ThrowIfCancellationRequested();

        var run = new Run(context, options, logger, observer);
        return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static bool IsBounded(TimeSpan? value)
        => value is { } span && span > TimeSpan.Zero && span != System.Threading.Timeout.InfiniteTimeSpan;

    internal static string Format(TimeSpan value)
        => value == System.Threading.Timeout.InfiniteTimeSpan
            ? "no limit"
            : value.TotalSeconds < 120
                ? value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
                : value.ToString("c", CultureInfo.InvariantCulture);

    /// <summary>
    /// One run, in the order it happens: borrow the context's connection, open the dedicated session,
    /// take the lock (<see cref="AdvisoryLock"/>), plan (<see cref="MigrationPlan"/>), let EF Core's
    /// migrator carry out the plan while <see cref="MigrationProgress"/> follows it, and turn whatever is
    /// thrown into a result (<see cref="RunFailures"/>). Only the caller's cancellation and an exception
    /// from <see cref="MigrationRunOptions.BeforeMigration"/> leave it as exceptions.
    /// </summary>
#pragma warning disable CA1001 // One run, one call: ExecuteAsync disposes what it made (the progress) in its finally.
    private sealed class Run(DbContext context, MigrationRunOptions options, ILogger logger, IMigrationRunObserver? observer)
#pragma warning restore CA1001
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private RunPhase _phase = RunPhase.Preparing;
        private string _database = "(database)";
        private string _lastMigration = MigrationPlan.None;
        private MigrationProgress? _progress;

        public async Task<MigrationRunResult> ExecuteAsync(CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (IsBounded(options.Timeout))
            {
                timeout.CancelAfter(options.Timeout!.Value);
            }

            ContextConnection borrowed;
            try
            {
                borrowed = ContextConnection.Borrow(context);
            }
            catch (InvalidOperationException e)
            {
                return Failed(e.Message);
            }

            // Its secrets are hidden from every message and log line of this process from now on.
            SecretMasker.RegisterConnectionString(context.Database.GetConnectionString());
            _database = borrowed.DatabaseLabel;
            if (PendingModelCheck.Run(context, options, logger) is { } modelError)
            {
                return Failed(modelError);
            }

            NpgsqlConnection? connection = null;
            try
            {
                AdvisoryLock? held;
                try
                {
                    _phase = RunPhase.Connecting;
                    connection = await RunConnection.OpenAsync(context, borrowed, options.LockId, logger, _database, timeout.Token).ConfigureAwait(false);
                    _phase = RunPhase.Locking;
                    _database = ContextConnection.Label(connection);
                    var lockId = options.LockId ?? MigrationLockId.For(connection.Database, context.GetType());
                    held = await TakeLockAsync(connection, lockId, timeout.Token).ConfigureAwait(false);
                    if (held is null)
                    {
                        return NotLocked(lockId);
                    }
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested || (_phase == RunPhase.Connecting && e is not OperationCanceledException))
                {
                    return await FailAsync(e, null, timeout.IsCancellationRequested, sessionLost: false).ConfigureAwait(false);
                }

                await using (held.ConfigureAwait(false))
                {
                    return await MigrateAsync(borrowed, connection, held, timeout, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                borrowed.Restore();
                if (connection is not null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        /// <summary>Takes the lock at once, or waits for it when the options say so; null when it stayed with another session.</summary>
        private async Task<AdvisoryLock?> TakeLockAsync(NpgsqlConnection connection, long lockId, CancellationToken token)
        {
            var held = await AdvisoryLock.TryTakeAsync(connection, lockId, logger, _database, token).ConfigureAwait(false);
            if (held is not null || !WaitsForLock)
            {
                return held;
            }

            MigrationLog.WaitingForLock(logger, lockId, _database, Format(options.LockTimeout));
            return await AdvisoryLock.WaitAsync(connection, lockId, options.LockTimeout, logger, _database, token).ConfigureAwait(false);
        }

        private bool WaitsForLock
            => options.WaitForLock && (options.LockTimeout > TimeSpan.Zero || options.LockTimeout == System.Threading.Timeout.InfiniteTimeSpan);

        private MigrationRunResult NotLocked(long lockId)
        {
            if (!WaitsForLock)
            {
                MigrationLog.SkippedLocked(logger, lockId, _database);
                return Result(MigrationRunStatus.SkippedLocked, null, null);
            }

            MigrationLog.LockTimeout(logger, lockId, _database, Format(options.LockTimeout));
            return Result(
                MigrationRunStatus.LockTimeout,
                null,
                $"Another session held the migration lock {lockId} on {_database} for longer than {Format(options.LockTimeout)}.");
        }

        /// <summary>Plans and migrates on the locked session; EF Core works on it from here on.</summary>
        private async Task<MigrationRunResult> MigrateAsync(
            ContextConnection borrowed,
            NpgsqlConnection connection,
            AdvisoryLock held,
            CancellationTokenSource timeout,
            CancellationToken cancellationToken)
        {
            // If the session ends while we hold the lock, stop: with a retrying execution strategy EF Core
            // would otherwise reopen this connection as a new session without the lock.
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, held.Lost);
            var token = linked.Token;
            try
            {
                _phase = RunPhase.Planning;
                borrowed.Attach(connection);
                var migrator = context.GetService<IMigrator>();
                var (plan, planError) = await PlanAsync(token).ConfigureAwait(false);
                if (plan is null)
                {
                    return Failed(planError!);
                }

                if (plan.IsEmpty)
                {
                    MigrationLog.UpToDate(logger, _database, _lastMigration, _clock.ElapsedMilliseconds);
                    return Result(MigrationRunStatus.UpToDate, null, null);
                }

                _phase = RunPhase.Migrating;
                if (plan.Reverts.Count > 0)
                {
                    MigrationLog.MigrationsReverting(logger, plan.Reverts.Count, _database, held.Id, plan.Final, string.Join(", ", plan.Reverts));
                }

                if (plan.Applies.Count > 0)
                {
                    MigrationLog.MigrationsPending(logger, plan.Applies.Count, _database, held.Id, string.Join(", ", plan.Applies));
                }

                _progress = new MigrationProgress(context, migrator, observer, logger, _database, options.BeforeMigration, token);
                if (!_progress.IsFollowing)
                {
                    // Without EF Core's events there is no moment between two migrations: the hook sees them all first.
                    await _progress.BeforeAllAsync(plan.Steps).ConfigureAwait(false);
                }

                // Always a named target (the latest migration when none was asked for): EF Core compares the model with
                // the snapshot only without one, and would refuse to apply over changes PendingModelChanges lets through.
                await migrator.MigrateAsync(plan.Target, token).ConfigureAwait(false);
                if (_progress.IsFollowing)
                {
                    _progress.Completed();
                }
                else
                {
                    foreach (var step in plan.Steps)
                    {
                        _progress.AddWithoutTiming(step);
                    }
                }

                _lastMigration = plan.Final;
                MigrationLog.MigrationsApplied(logger, _database, _progress.Applied.Count, _clock.ElapsedMilliseconds, _lastMigration);
                return Result(MigrationRunStatus.Applied, null, null);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Still under the lock: what committed is read before another instance can migrate.
                return await FailAsync(e, connection, timeout.IsCancellationRequested, held.IsLost).ConfigureAwait(false);
            }
            finally
            {
                _progress?.Dispose();
            }
        }

        /// <summary>
        /// What EF Core's migrator will do, read on the locked session; creates the history table when the
        /// plan applies migrations and it does not exist yet. Null and the reason when the target is unknown.
        /// </summary>
        private async Task<(MigrationPlan? Plan, string? Error)> PlanAsync(CancellationToken token)
        {
            var assembly = context.GetService<IMigrationsAssembly>();
            var history = await HistoryTable.ReadAsync(context, token).ConfigureAwait(false);
            var target = options.TargetMigration;
            if (assembly.Migrations.Count > 0 && target is not null && target != Migration.InitialDatabase)
            {
                try
                {
                    target = assembly.GetMigrationId(target);
                }
                catch (InvalidOperationException e)
                {
                    return (null, e.Message);
                }
            }

            var plan = MigrationPlan.Create(assembly.Migrations.Keys, history ?? new HashSet<string>(), target);
            _lastMigration = plan.Current;
            if (plan.Target is null)
            {
                MigrationLog.NoMigrations(logger, context.GetType().Name, assembly.Assembly.GetName().Name ?? "?");
            }

            if (history is null && plan.Applies.Count > 0)
            {
                // As Migrate() does, but before the migrator reads the history: EF Core and Npgsql would
                // read the missing table first and log that failed query as an error.
                await HistoryTable.CreateAsync(context, token).ConfigureAwait(false);
            }

            return (plan, null);
        }

        private async Task<MigrationRunResult> FailAsync(Exception exception, NpgsqlConnection? connection, bool timedOut, bool sessionLost)
        {
            var state = new RunState(_database, _phase, timedOut, sessionLost, _progress?.Current, RunningCommitted: false, LastGood());
            var isTimeout = RunFailures.IsTimeout(exception, state);
            if (!isTimeout && _progress?.BeforeMigrationFailure is { } refused)
            {
                ExceptionDispatchInfo.Capture(refused).Throw();
            }

            if (!isTimeout && _phase == RunPhase.Migrating && _progress is not null && connection is not null
                && await ReadHistoryAfterFailureAsync(connection).ConfigureAwait(false) is { } history
                && _progress.Reconcile(history))
            {
                state = state with { RunningCommitted = true, LastGood = LastGood() };
            }

            var failure = RunFailures.Classify(exception, state, Format(options.Timeout ?? System.Threading.Timeout.InfiniteTimeSpan));
            switch (failure)
            {
                case { Status: MigrationRunStatus.TimedOut }:
                    MigrationLog.TimedOut(logger, _database, Format(options.Timeout!.Value), failure.Where!, LastGood());
                    break;
                case { Status: MigrationRunStatus.Unreachable }:
                    MigrationLog.Unreachable(logger, _database, failure.Reason);
                    break;
                case { FailedMigration: { } failed }:
                    MigrationLog.MigrationFailed(logger, failed, _database, failure.Reason, LastGood());
                    break;
                default:
                    return Failed(failure.Error);
            }

            return Result(failure.Status, failure.FailedMigration, failure.Error);
        }

        /// <summary>The history after a failure, when the session still works; null when it does not.</summary>
        private async Task<IReadOnlySet<string>?> ReadHistoryAfterFailureAsync(NpgsqlConnection connection)
        {
            if (connection.FullState != System.Data.ConnectionState.Open)
            {
                return null;
            }

            try
            {
                using var limit = new CancellationTokenSource(HistoryReadTimeout);
                return await HistoryTable.ReadAsync(context, limit.Token).ConfigureAwait(false) ?? new HashSet<string>();
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or InvalidOperationException or TimeoutException)
            {
                return null;
            }
        }

        /// <summary>A failure before any migration ran: logged (5015) and returned.</summary>
        private MigrationRunResult Failed(string error)
        {
            error = SecretMasker.MaskText(error);
            MigrationLog.RunFailed(logger, _database, error);
            return Result(MigrationRunStatus.Failed, null, error);
        }

        private MigrationRunResult Result(MigrationRunStatus status, string? failedMigration, string? error)
            => new(status, _progress?.Applied ?? [], failedMigration, error is null ? null : SecretMasker.MaskText(error), _clock.Elapsed);

        private string LastGood()
        {
            var applied = _progress?.Applied;
            return applied is { Count: > 0 } ? applied[^1].Id : _lastMigration;
        }
    }
}
