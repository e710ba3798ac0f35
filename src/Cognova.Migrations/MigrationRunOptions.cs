namespace Cognova.Migrations;

/// <summary>How one run of <see cref="AdvisoryLockMigrator"/> behaves.</summary>
public sealed class MigrationRunOptions
{
    /// <summary>
    /// The PostgreSQL advisory lock key. Null (the default) uses <see cref="MigrationLockId.For(string, Type)"/> of the
    /// database the connection opens and the DbContext type, so every instance of one app agrees on it.
    /// </summary>
    public long? LockId { get; set; }

    /// <summary>
    /// False (the default): when another session holds the lock, skip at once
    /// (<see cref="MigrationRunStatus.SkippedLocked"/>). True: wait for it, up to <see cref="LockTimeout"/>,
    /// then look at the pending migrations again (the other session has usually applied them).
    /// </summary>
    public bool WaitForLock { get; set; }

    /// <summary>
    /// How long <see cref="WaitForLock"/> waits (default 5 minutes). <see cref="TimeSpan.Zero"/> or less:
    /// try once; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>: wait as long as it takes.
    /// <see cref="Timeout"/> still bounds the whole run, the wait included.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Bounds the whole run: connecting, waiting for the lock and every migration. Null (the default),
    /// zero, a negative value or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>: no bound.
    /// When it passes, the running statement is cancelled, its migration's transaction rolls back, and
    /// the result is <see cref="MigrationRunStatus.TimedOut"/>.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// Null (the default): apply every pending migration. A migration id or name: migrate to it, up or
    /// down. <c>"0"</c> (EF Core's <c>Migration.InitialDatabase</c>): revert every migration.
    /// </summary>
    public string? TargetMigration { get; set; }

    /// <summary>
    /// What to do when the model has changes that no migration captures (EF Core 9+ throws
    /// <c>PendingModelChangesWarning</c> from <c>Migrate()</c> then). The default,
    /// <see cref="PendingModelChangesBehavior.Ignore"/>, applies the migrations that exist without
    /// comparing: the build already fails on drift (COG1001), and the comparison builds the model twice
    /// on every start. Only consulted when <see cref="TargetMigration"/> is null.
    /// </summary>
    public PendingModelChangesBehavior PendingModelChanges { get; set; } = PendingModelChangesBehavior.Ignore;

    /// <summary>
    /// Awaited before each migration runs (or is reverted), with its id, while the lock is held: before
    /// EF Core generates or executes any of that migration's SQL. An exception from it stops the run there
    /// and is thrown from <c>RunAsync</c> as it is, after the lock is released; the migrations before it stay
    /// applied. Null (the default): nothing is awaited. The migration bundle verifies each migration against
    /// its lock file here, while the verification of the next ones goes on in the background.
    /// </summary>
    public Func<string, CancellationToken, Task>? BeforeMigration { get; set; }
}

/// <summary>What <see cref="AdvisoryLockMigrator"/> does when the model has changes no migration captures.</summary>
public enum PendingModelChangesBehavior
{
    /// <summary>Do not compare the model with the latest snapshot; apply the migrations that exist.</summary>
    Ignore,

    /// <summary>Compare; on a difference log a warning (event 5014) and apply the migrations that exist.</summary>
    Warn,

    /// <summary>Compare; on a difference apply nothing and return <see cref="MigrationRunStatus.Failed"/>.</summary>
    Fail,
}
