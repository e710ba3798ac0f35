using System.Data;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cognova.Migrations.Internal;

/// <summary>
/// A session-level PostgreSQL advisory lock held on one open connection. Disposing it releases it with
/// <c>pg_advisory_unlock</c> on that same connection, and never throws: a session that is already gone
/// took its lock with it. While it is held, <see cref="Lost"/> is cancelled when the connection closes or
/// breaks, because a connection that is opened again is a new session without the lock.
/// </summary>
internal sealed class AdvisoryLock : IAsyncDisposable
{
    private static readonly TimeSpan UnlockTimeout = TimeSpan.FromSeconds(10);

    private readonly NpgsqlConnection _connection;
    private readonly ILogger _logger;
    private readonly string _database;
    private readonly CancellationTokenSource _lost = new();
    private int _disposed;

    private AdvisoryLock(NpgsqlConnection connection, long id, ILogger logger, string database)
    {
        _connection = connection;
        _logger = logger;
        _database = database;
        Id = id;
        connection.StateChange += OnStateChange;
        MigrationLog.LockAcquired(logger, id, database, connection.ProcessID);
    }

    /// <summary>The lock key.</summary>
    public long Id { get; }

    /// <summary>Cancelled when the session that holds the lock ends.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>True when the session that held the lock ended while it was held.</summary>
    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Takes the lock if no other session holds it (<c>pg_try_advisory_lock</c>); null when one does.</summary>
    public static async Task<AdvisoryLock?> TryTakeAsync(NpgsqlConnection connection, long id, ILogger logger, string database, CancellationToken cancellationToken)
    {
        var taken = await RunnerSql.HoldsAsync(connection, $"pg_try_advisory_lock({RunnerSql.BigInt(id)})", cancellationToken).ConfigureAwait(false);
        return taken ? new AdvisoryLock(connection, id, logger, database) : null;
    }

    /// <summary>
    /// Waits for the lock in the server (<c>pg_advisory_lock</c> under a transaction-local
    /// <c>lock_timeout</c>), so it is taken the moment the other session lets go. Null when
    /// <paramref name="wait"/> passed first; <see cref="Timeout.InfiniteTimeSpan"/> waits as long as it takes.
    /// </summary>
    public static async Task<AdvisoryLock?> WaitAsync(NpgsqlConnection connection, long id, TimeSpan wait, ILogger logger, string database, CancellationToken cancellationToken)
    {
        var milliseconds = wait == Timeout.InfiniteTimeSpan
            ? 0
            : (long)Math.Clamp(Math.Ceiling(wait.TotalMilliseconds), 1, int.MaxValue);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var setting = new NpgsqlCommand("SELECT set_config('lock_timeout', @timeout, true)", connection, transaction))
            {
                setting.Parameters.AddWithValue("timeout", milliseconds.ToString(CultureInfo.InvariantCulture) + "ms");
                await setting.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({RunnerSql.BigInt(id)})", connection, transaction))
            {
                take.CommandTimeout = 0;
                await take.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // A session-level advisory lock outlives the transaction it was taken in.
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return null;
        }

        return new AdvisoryLock(connection, id, logger, database);
    }

    /// <summary>Releases the lock on its connection, when that session still lives; logs, never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _connection.StateChange -= OnStateChange;
        try
        {
            if (_connection.FullState != ConnectionState.Open)
            {
                // The session is gone, and its lock with it.
                return;
            }

            using var limit = new CancellationTokenSource(UnlockTimeout);
            var released = await RunnerSql.HoldsAsync(_connection, $"pg_advisory_unlock({RunnerSql.BigInt(Id)})", limit.Token).ConfigureAwait(false);
            if (released)
            {
                MigrationLog.LockReleased(_logger, Id, _database);
            }
            else
            {
                MigrationLog.UnlockFailed(_logger, Id, _database, "this session did not hold it");
            }
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or InvalidOperationException or TimeoutException)
        {
            MigrationLog.UnlockFailed(_logger, Id, _database, DatabaseErrors.Describe(e));
        }
        finally
        {
            _lost.Dispose();
        }
    }

    private void OnStateChange(object sender, StateChangeEventArgs change)
    {
        if (change.CurrentState is ConnectionState.Closed or ConnectionState.Broken)
        {
            _lost.Cancel();
        }
    }
}
