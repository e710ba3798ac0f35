namespace Cognova.Migrations;

/// <summary>How a run of <see cref="AdvisoryLockMigrator"/> ended.</summary>
public enum MigrationRunStatus
{
    /// <summary>At least one migration was applied (or reverted), and all of them succeeded.</summary>
    Applied,

    /// <summary>Nothing was pending: the database was already at the target.</summary>
    UpToDate,

    /// <summary>Another session held the advisory lock and <see cref="MigrationRunOptions.WaitForLock"/> was off: nothing was done.</summary>
    SkippedLocked,

    /// <summary>Another session held the advisory lock for longer than <see cref="MigrationRunOptions.LockTimeout"/>.</summary>
    LockTimeout,

    /// <summary>A migration (or the run's set-up) failed; the database stays at the last migration that committed.</summary>
    Failed,

    /// <summary>The database could not be reached: connection refused, unknown host, bad credentials, no such database.</summary>
    Unreachable,

    /// <summary><see cref="MigrationRunOptions.Timeout"/> passed; the running migration was rolled back.</summary>
    TimedOut,
}

/// <summary>One migration that was applied (or reverted, when migrating down) in a run, and how long it took.</summary>
public sealed record AppliedMigration(string Id, TimeSpan Duration, bool Reverted = false);

/// <summary>The outcome of a run of <see cref="AdvisoryLockMigrator"/>.</summary>
/// <param name="Status">How the run ended.</param>
/// <param name="Applied">The migrations that committed in this run, in order (reverted ones too, when migrating down).</param>
/// <param name="FailedMigration">The migration that was running when the run failed or timed out, if any.</param>
/// <param name="Error">What went wrong, with the migration id and the database's message; never a password.</param>
/// <param name="Duration">The whole run, from the first connection attempt to the release of the lock.</param>
public sealed record MigrationRunResult(
    MigrationRunStatus Status,
    IReadOnlyList<AppliedMigration> Applied,
    string? FailedMigration,
    string? Error,
    TimeSpan Duration)
{
    /// <summary>True when the database is at the target: <see cref="MigrationRunStatus.Applied"/> or <see cref="MigrationRunStatus.UpToDate"/>.</summary>
    public bool Succeeded => Status is MigrationRunStatus.Applied or MigrationRunStatus.UpToDate;
}

/// <summary>Told about each migration as a run applies (or reverts) it, for progress output, e.g. in the bundle.</summary>
public interface IMigrationRunObserver
{
    /// <summary>The migration starts (its transaction is about to begin).</summary>
    void Starting(string migrationId);

    /// <summary>The migration committed.</summary>
    void Applied(string migrationId, TimeSpan duration);

    /// <summary>A migration's <c>Down</c> starts (migrating to an earlier target).</summary>
    void Reverting(string migrationId) => Starting(migrationId);

    /// <summary>A migration's <c>Down</c> committed.</summary>
    void Reverted(string migrationId, TimeSpan duration) => Applied(migrationId, duration);
}
