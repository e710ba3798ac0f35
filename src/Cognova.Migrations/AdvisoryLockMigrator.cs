using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Cognova.Migrations.Internal;
using Cognova.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
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
    private static readonly TimeSpan UnlockTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs the migrations of <paramref name="context"/> as described on the class.</summary>
    /// <param name="context">
    /// A context configured with Npgsql whose connection is closed. It is pointed at the runner's
    /// connection during the run and gets its own connection back afterwards.
    /// </param>
    /// <param name="options">Lock, wait, timeout and target.</param>
    /// <param name="logger">Receives the runner's events (5001–5018), never a password.</param>
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

    private enum Phase
    {
        Preparing,
        Connecting,
        Locking,
        Planning,
        Migrating,
    }

    /// <summary>The state of one run.</summary>
    private sealed class Run(DbContext context, MigrationRunOptions options, ILogger logger, IMigrationRunObserver? observer)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private Phase phase = Phase.Preparing;
        private string database = "(database)";
        private string lastMigration = "(none)";
        private MigrationProgress? progress;

        public async Task<MigrationRunResult> ExecuteAsync(CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sessionLost = new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, sessionLost.Token);
            if (IsBounded(options.Timeout))
            {
                timeout.CancelAfter(options.Timeout!.Value);
            }

            var token = linked.Token;
            ContextConnection? borrowed = null;
            NpgsqlConnection? connection = null;
            StateChangeEventHandler? onStateChange = null;
            long lockId = 0;
            var locked = false;
            try
            {
                try
                {
                    borrowed = ContextConnection.Borrow(context);
                }
                catch (InvalidOperationException e)
                {
                    return Failed(null, e.Message, before: true);
                }

                // Its secrets are hidden from every message and log line of this process from now on.
                SecretMasker.RegisterConnectionString(context.Database.GetConnectionString());
                database = borrowed.DatabaseLabel;
                if (CheckModel() is { } modelError)
                {
                    return Failed(null, modelError, before: true);
                }

                // Connect. Anything that goes wrong here means the database cannot be reached.
                phase = Phase.Connecting;
                try
                {
                    connection = await OpenAsync(borrowed, token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    var error = DatabaseErrors.Describe(e);
                    MigrationLog.Unreachable(logger, database, error);
                    return Result(MigrationRunStatus.Unreachable, null, error);
                }

                database = ContextConnection.Label(connection);
                lockId = options.LockId ?? MigrationLockId.For(connection.Database, context.GetType());

                // The lock, on this connection for the whole run.
                phase = Phase.Locking;
                locked = await TryLockAsync(connection, lockId, token).ConfigureAwait(false);
                if (!locked)
                {
                    if (!options.WaitForLock || (options.LockTimeout <= TimeSpan.Zero && options.LockTimeout != System.Threading.Timeout.InfiniteTimeSpan))
                    {
                        MigrationLog.SkippedLocked(logger, lockId, database);
                        return Result(MigrationRunStatus.SkippedLocked, null, null);
                    }

                    MigrationLog.WaitingForLock(logger, lockId, database, Format(options.LockTimeout));
                    locked = await WaitForLockAsync(connection, lockId, options.LockTimeout, token).ConfigureAwait(false);
                    if (!locked)
                    {
                        MigrationLog.LockTimeout(logger, lockId, database, Format(options.LockTimeout));
                        return Result(
                            MigrationRunStatus.LockTimeout,
                            null,
                            $"Another session held the migration lock {lockId} on {database} for longer than {Format(options.LockTimeout)}.");
                    }
                }

                MigrationLog.LockAcquired(logger, lockId, database, connection.ProcessID);

                // If the session ends while we hold the lock, stop: with a retrying execution strategy
                // EF Core would otherwise reopen this connection as a new session without the lock.
                onStateChange = (_, change) =>
                {
                    if (change.CurrentState is ConnectionState.Closed or ConnectionState.Broken)
                    {
                        sessionLost.Cancel();
                    }
                };
                connection.StateChange += onStateChange;

                // From here on, EF Core works on the locked session.
                phase = Phase.Planning;
                borrowed.Attach(connection);
                var migrator = context.GetService<IMigrator>();
                var plan = await PlanAsync(token).ConfigureAwait(false);
                if (plan.Error is not null)
                {
                    return Failed(null, plan.Error, before: true);
                }

                if (plan.Steps.Count == 0)
                {
                    MigrationLog.UpToDate(logger, database, lastMigration, clock.ElapsedMilliseconds);
                    return Result(MigrationRunStatus.UpToDate, null, null);
                }

                phase = Phase.Migrating;
                if (plan.Reverts.Count > 0)
                {
                    MigrationLog.MigrationsReverting(logger, plan.Reverts.Count, database, lockId, plan.Final, string.Join(", ", plan.Reverts));
                }

                if (plan.Applies.Count > 0)
                {
                    MigrationLog.MigrationsPending(logger, plan.Applies.Count, database, lockId, string.Join(", ", plan.Applies));
                }

                progress = new MigrationProgress(context, migrator, observer, logger, database, options.BeforeMigration, token);
                if (!progress.IsFollowing)
                {
                    // Without EF Core's events there is no moment between two migrations: the hook sees them all first.
                    await progress.BeforeAllAsync(plan.Steps).ConfigureAwait(false);
                }

                await migrator.MigrateAsync(plan.Target, token).ConfigureAwait(false);
                if (progress.IsFollowing)
                {
                    progress.Completed();
                }
                else
                {
                    foreach (var step in plan.Steps)
                    {
                        progress.AddWithoutTiming(step);
                    }
                }

                lastMigration = plan.Final;
                MigrationLog.MigrationsApplied(logger, database, progress.Applied.Count, clock.ElapsedMilliseconds, lastMigration);
                return Result(MigrationRunStatus.Applied, null, null);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested && IsCancellation(e))
            {
                var where = WhereText();
                MigrationLog.TimedOut(logger, database, Format(options.Timeout!.Value), where, LastGood());
                return Result(
                    MigrationRunStatus.TimedOut,
                    progress?.Current,
                    $"Migrating {database} timed out after {Format(options.Timeout!.Value)} {where}; the running migration was rolled back.");
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                if (progress?.BeforeMigrationFailure is { } refused)
                {
                    ExceptionDispatchInfo.Capture(refused).Throw();
                }

                var error = sessionLost.IsCancellationRequested && IsCancellation(e)
                    ? "the database session holding the migration lock ended"
                    : DatabaseErrors.Describe(e);
                if (phase != Phase.Migrating && DatabaseErrors.IsConnectionProblem(e) && progress is null)
                {
                    MigrationLog.Unreachable(logger, database, error);
                    return Result(MigrationRunStatus.Unreachable, null, error);
                }

                if (phase == Phase.Migrating && progress is not null && connection is not null
                    && await ReadHistoryAsync(connection).ConfigureAwait(false) is { } history
                    && progress.Reconcile(history))
                {
                    // Every migration committed; what failed came after them (seeding, for one).
                    return Failed(null, $"After migration {LastGood()}: {error}", before: true);
                }

                var failed = progress?.Current;
                if (failed is null)
                {
                    return Failed(null, error, before: true);
                }

                MigrationLog.MigrationFailed(logger, failed, database, error, LastGood());
                return Result(MigrationRunStatus.Failed, failed, $"Migration {failed} failed: {error}");
            }
            finally
            {
                progress?.Dispose();
                if (connection is not null && onStateChange is not null)
                {
                    connection.StateChange -= onStateChange;
                }

                if (locked && connection is not null)
                {
                    await UnlockAsync(connection, lockId).ConfigureAwait(false);
                }

                borrowed?.Restore();
                if (connection is not null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        /// <summary>The history after a failure, when the session still works; null when it does not.</summary>
        private async Task<IReadOnlySet<string>?> ReadHistoryAsync(NpgsqlConnection connection)
        {
            if (connection.FullState != ConnectionState.Open)
            {
                return null;
            }

            try
            {
                using var limit = new CancellationTokenSource(UnlockTimeout);
                if (!await HistoryTable.ExistsAsync(context, limit.Token).ConfigureAwait(false))
                {
                    return new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                }

                var applied = await context.Database.GetAppliedMigrationsAsync(limit.Token).ConfigureAwait(false);
                return applied.ToHashSet(StringComparer.OrdinalIgnoreCase);
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or InvalidOperationException or TimeoutException)
            {
                return null;
            }
        }

        private MigrationRunResult Failed(string? migration, string error, bool before)
        {
            error = SecretMasker.MaskText(error);
            if (before)
            {
                MigrationLog.RunFailed(logger, database, error);
            }

            return Result(MigrationRunStatus.Failed, migration, error);
        }

        private MigrationRunResult Result(MigrationRunStatus status, string? failedMigration, string? error)
            => new(status, progress?.Applied ?? [], failedMigration, error is null ? null : SecretMasker.MaskText(error), clock.Elapsed);

        private string LastGood()
        {
            var applied = progress?.Applied;
            return applied is { Count: > 0 } ? applied[^1].Id : lastMigration;
        }

        private string WhereText() => phase switch
        {
            Phase.Connecting => "while connecting",
            Phase.Locking => "while waiting for the migration lock",
            Phase.Planning => "while reading the migration history",
            Phase.Migrating when progress?.Current is { } id => $"during migration {id}",
            Phase.Migrating => "while migrating",
            _ => "before connecting",
        };

        private static bool IsCancellation(Exception e)
        {
            for (var inner = e; inner is not null; inner = inner.InnerException)
            {
                if (inner is OperationCanceledException || inner is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Compares the model with the latest snapshot when asked to; returns an error for <see cref="PendingModelChangesBehavior.Fail"/>.</summary>
        private string? CheckModel()
        {
            if (options.PendingModelChanges == PendingModelChangesBehavior.Ignore || options.TargetMigration is not null)
            {
                return null;
            }

            var assembly = context.GetService<IMigrationsAssembly>();
            if (assembly.Migrations.Count == 0 || assembly.ModelSnapshot is null)
            {
                return null;
            }

            if (!context.GetService<IMigrator>().HasPendingModelChanges())
            {
                return null;
            }

            var name = context.GetType().Name;
            if (options.PendingModelChanges == PendingModelChangesBehavior.Warn)
            {
                MigrationLog.PendingModelChanges(logger, name);
                return null;
            }

            return $"The model of {name} has changes that no migration captures, so no migration was applied. Add a migration: dotnet ef migrations add <Name> --context {name}";
        }

        private async Task<NpgsqlConnection> OpenAsync(ContextConnection borrowed, CancellationToken token)
        {
            var connection = await borrowed.CreateDedicatedConnectionAsync(token).ConfigureAwait(false);
            try
            {
                await connection.OpenAsync(token).ConfigureAwait(false);
                return connection;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                // As Database.Migrate() does: create a database that does not exist yet.
                var name = connection.Database;
                await connection.DisposeAsync().ConfigureAwait(false);
                await CreateDatabaseAsync(borrowed, name, token).ConfigureAwait(false);
                connection = await borrowed.CreateDedicatedConnectionAsync(token).ConfigureAwait(false);
                await connection.OpenAsync(token).ConfigureAwait(false);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>
        /// Several instances can find the database missing at once. They take turns under the run's
        /// advisory lock in the maintenance database, and only the first creates it: the others' CREATE
        /// DATABASE would fail, and EF Core would log that expected race as an error.
        /// </summary>
        private async Task CreateDatabaseAsync(ContextConnection borrowed, string name, CancellationToken token)
        {
            var maintenance = await borrowed.CreateMaintenanceConnectionAsync(token).ConfigureAwait(false);
            await using (maintenance.ConfigureAwait(false))
            {
                await maintenance.OpenAsync(token).ConfigureAwait(false);
                await using (var wait = new NpgsqlCommand("SELECT pg_advisory_lock(@id)", maintenance))
                {
                    wait.Parameters.AddWithValue("id", options.LockId ?? MigrationLockId.For(name, context.GetType()));
                    await wait.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", maintenance);
                exists.Parameters.AddWithValue("name", name);
                if (await exists.ExecuteScalarAsync(token).ConfigureAwait(false) is true)
                {
                    return;
                }

                try
                {
                    // EF Core's creator, so that the model's database options (template, collation, tablespace) apply.
                    await context.GetService<IRelationalDatabaseCreator>().CreateAsync(token).ConfigureAwait(false);
                    MigrationLog.DatabaseCreated(logger, database);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
                {
                    // Created a moment ago by something that does not take our lock (a person, another tool).
                }
            }

            // Closing the maintenance session released its advisory lock.
        }

        private static async Task<bool> TryLockAsync(NpgsqlConnection connection, long lockId, CancellationToken token)
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@id)", connection);
            command.Parameters.AddWithValue("id", lockId);
            return (bool)(await command.ExecuteScalarAsync(token).ConfigureAwait(false))!;
        }

        /// <summary>
        /// Waits in the server (<c>pg_advisory_lock</c> under a transaction-local <c>lock_timeout</c>),
        /// so the lock is taken the moment the other session lets go. False when the wait timed out.
        /// </summary>
        private static async Task<bool> WaitForLockAsync(NpgsqlConnection connection, long lockId, TimeSpan wait, CancellationToken token)
        {
            var milliseconds = wait == System.Threading.Timeout.InfiniteTimeSpan
                ? 0
                : (long)Math.Clamp(Math.Ceiling(wait.TotalMilliseconds), 1, int.MaxValue);
            await using var transaction = await connection.BeginTransactionAsync(token).ConfigureAwait(false);
            try
            {
                await using (var setting = new NpgsqlCommand("SELECT set_config('lock_timeout', @timeout, true)", connection, transaction))
                {
                    setting.Parameters.AddWithValue("timeout", milliseconds.ToString(CultureInfo.InvariantCulture) + "ms");
                    await setting.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@id)", connection, transaction))
                {
                    take.CommandTimeout = 0;
                    take.Parameters.AddWithValue("id", lockId);
                    await take.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                // A session-level advisory lock outlives the transaction it was taken in.
                await transaction.CommitAsync(token).ConfigureAwait(false);
                return true;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                return false;
            }
        }

        private async Task UnlockAsync(NpgsqlConnection connection, long lockId)
        {
            if (connection.FullState != ConnectionState.Open)
            {
                // The session is gone, and its lock with it.
                return;
            }

            try
            {
                using var limit = new CancellationTokenSource(UnlockTimeout);
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@id)", connection);
                command.Parameters.AddWithValue("id", lockId);
                var released = (bool)(await command.ExecuteScalarAsync(limit.Token).ConfigureAwait(false))!;
                if (released)
                {
                    MigrationLog.LockReleased(logger, lockId, database);
                }
                else
                {
                    MigrationLog.UnlockFailed(logger, lockId, database, "this session did not hold it");
                }
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or InvalidOperationException or TimeoutException)
            {
                MigrationLog.UnlockFailed(logger, lockId, database, DatabaseErrors.Describe(e));
            }
        }

        /// <summary>What EF Core's migrator will do: the same choice of migrations as its own, read on the locked session.</summary>
        private async Task<Plan> PlanAsync(CancellationToken token)
        {
            var assembly = context.GetService<IMigrationsAssembly>();
            var known = assembly.Migrations.Keys.Order(StringComparer.OrdinalIgnoreCase).ToList();
            var historyExists = await HistoryTable.ExistsAsync(context, token).ConfigureAwait(false);
            var history = historyExists
                ? (await context.Database.GetAppliedMigrationsAsync(token).ConfigureAwait(false)).ToHashSet(StringComparer.OrdinalIgnoreCase)
                : new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var appliedKnown = known.Where(history.Contains).ToList();
            lastMigration = appliedKnown.Count > 0 ? appliedKnown[^1] : "(none)";

            if (known.Count == 0)
            {
                MigrationLog.NoMigrations(logger, context.GetType().Name, assembly.Assembly.GetName().Name ?? "?");
                return new Plan(null, [], [], lastMigration, null);
            }

            string target;
            if (options.TargetMigration is null)
            {
                target = known[^1];
            }
            else if (options.TargetMigration == Migration.InitialDatabase)
            {
                target = Migration.InitialDatabase;
            }
            else
            {
                try
                {
                    target = assembly.GetMigrationId(options.TargetMigration);
                }
                catch (InvalidOperationException e)
                {
                    return new Plan(null, [], [], lastMigration, e.Message);
                }
            }

            bool AtOrBelow(string id) => target != Migration.InitialDatabase && string.Compare(id, target, StringComparison.OrdinalIgnoreCase) <= 0;
            var revert = appliedKnown.Where(id => !AtOrBelow(id)).Reverse().ToList();
            var apply = known.Where(id => !history.Contains(id) && AtOrBelow(id)).ToList();
            var final = target == Migration.InitialDatabase ? "(none)" : target;
            if (!historyExists && apply.Count > 0)
            {
                // As Migrate() does, but before the migrator reads the history: EF Core and Npgsql would
                // read the missing table first and log that failed query as an error.
                await HistoryTable.CreateAsync(context, token).ConfigureAwait(false);
            }

            return new Plan(target, revert, apply, final, null);
        }

        private sealed record Plan(string? Target, IReadOnlyList<string> Reverts, IReadOnlyList<string> Applies, string Final, string? Error)
        {
            public IReadOnlyList<string> Steps => [.. Reverts, .. Applies];
        }
    }
}
