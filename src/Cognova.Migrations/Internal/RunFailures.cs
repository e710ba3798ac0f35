using Npgsql;

namespace Cognova.Migrations.Internal;

/// <summary>Where a run was when something went wrong.</summary>
internal enum RunPhase
{
    Preparing,
    Connecting,
    Locking,
    Planning,
    Migrating,
}

/// <summary>What the run knew when an exception reached it.</summary>
/// <param name="Database">Host, port and database, for messages.</param>
/// <param name="Phase">Where the run was.</param>
/// <param name="TimedOut">The run's own time limit passed (not the caller's cancellation).</param>
/// <param name="SessionLost">The session holding the lock ended.</param>
/// <param name="Running">The migration that had started and not committed, if any.</param>
/// <param name="RunningCommitted">The history shows that <paramref name="Running"/> committed after all: what failed came after it.</param>
/// <param name="LastGood">The last migration that committed (in this run or before it), or <see cref="MigrationPlan.None"/>.</param>
internal sealed record RunState(string Database, RunPhase Phase, bool TimedOut, bool SessionLost, string? Running, bool RunningCommitted, string LastGood);

/// <summary>How a run that threw ends.</summary>
/// <param name="Status">The run's status.</param>
/// <param name="FailedMigration">The migration that was running, when one failed or was cut off.</param>
/// <param name="Error">The result's error, naming the migration when there is one.</param>
/// <param name="Reason">What went wrong, for the log line beside the migration and database.</param>
/// <param name="Where">For a time-out: what the run was doing, e.g. <c>while connecting</c>.</param>
internal sealed record RunFailure(MigrationRunStatus Status, string? FailedMigration, string Error, string Reason, string? Where = null);

/// <summary>
/// Turns an exception that reached the runner into its status and message. Pure: what the run knew is
/// passed in, and nothing is logged here.
/// </summary>
internal static class RunFailures
{
    /// <summary>The text of a session lost while the lock was held.</summary>
    public const string SessionEnded = "the database session holding the migration lock ended";

    /// <summary>True when the exception is the run's own time limit cutting it off.</summary>
    public static bool IsTimeout(Exception exception, RunState state)
        => state.TimedOut && IsCancellation(exception) && !(state.Phase == RunPhase.Connecting && exception is not OperationCanceledException);

    /// <param name="exception">What was thrown; never the caller's own cancellation, which the runner lets through.</param>
    /// <param name="state">What the run knew then.</param>
    /// <param name="timeout">The run's time limit, for the message of a time-out.</param>
    public static RunFailure Classify(Exception exception, RunState state, string timeout)
    {
        if (state.Phase == RunPhase.Connecting && !IsTimeout(exception, state))
        {
            // Whatever stops the connection (the server, the credentials, creating the database) means it cannot be reached.
            var reason = DatabaseErrors.Describe(exception);
            return new RunFailure(MigrationRunStatus.Unreachable, null, reason, reason);
        }

        if (IsTimeout(exception, state))
        {
            var where = Where(state.Phase, state.Running);
            return new RunFailure(
                MigrationRunStatus.TimedOut,
                state.Running,
                $"Migrating {state.Database} timed out after {timeout} {where}; the running migration was rolled back.",
                where,
                where);
        }

        var error = state.SessionLost && IsCancellation(exception) ? SessionEnded : DatabaseErrors.Describe(exception);
        if (state.Phase != RunPhase.Migrating && DatabaseErrors.IsConnectionProblem(exception))
        {
            return new RunFailure(MigrationRunStatus.Unreachable, null, error, error);
        }

        if (state.Phase == RunPhase.Migrating && state.RunningCommitted)
        {
            // Every migration committed; what failed came after them (seeding, for one).
            var after = $"After migration {state.LastGood}: {error}";
            return new RunFailure(MigrationRunStatus.Failed, null, after, after);
        }

        return state.Running is { } running
            ? new RunFailure(MigrationRunStatus.Failed, running, $"Migration {running} failed: {error}", error)
            : new RunFailure(MigrationRunStatus.Failed, null, error, error);
    }

    /// <summary>What the run was doing, for the message of a time-out.</summary>
    public static string Where(RunPhase phase, string? running) => phase switch
    {
        RunPhase.Connecting => "while connecting",
        RunPhase.Locking => "while waiting for the migration lock",
        RunPhase.Planning => "while reading the migration history",
        RunPhase.Migrating when running is not null => $"during migration {running}",
        RunPhase.Migrating => "while migrating",
        _ => "before connecting",
    };

    /// <summary>A cancellation, or the server's <c>57014 query_canceled</c>, anywhere in the chain.</summary>
    public static bool IsCancellation(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is OperationCanceledException || inner is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled })
            {
                return true;
            }
        }

        return false;
    }
}
