using Microsoft.Extensions.Logging;

namespace Cognova.Migrations.Internal;

/// <summary>
/// Every message the runner and the start-up service log, with its event id (COG5xxx is the runtime
/// runner's range; the event id is the number). None of them includes a connection string.
/// </summary>
internal static partial class MigrationLog
{
    [LoggerMessage(5001, LogLevel.Information, "Applying {Count} migration(s) to {Database} under advisory lock {LockId}: {Migrations}", EventName = "CognovaMigrationsPending")]
    public static partial void MigrationsPending(ILogger logger, int count, string database, long lockId, string migrations);

    [LoggerMessage(5002, LogLevel.Information, "Applied migration {MigrationId} to {Database} in {ElapsedMs} ms", EventName = "CognovaMigrationApplied")]
    public static partial void MigrationApplied(ILogger logger, string migrationId, string database, long elapsedMs);

    [LoggerMessage(5003, LogLevel.Information, "Migrated {Database}: {Count} migration(s) applied in {ElapsedMs} ms; it is now at {LastMigration}", EventName = "CognovaMigrationsApplied")]
    public static partial void MigrationsApplied(ILogger logger, string database, int count, long elapsedMs, string lastMigration);

    [LoggerMessage(5004, LogLevel.Information, "{Database} is up to date at {LastMigration}; no migration to apply ({ElapsedMs} ms)", EventName = "CognovaMigrationsUpToDate")]
    public static partial void UpToDate(ILogger logger, string database, string lastMigration, long elapsedMs);

    [LoggerMessage(5005, LogLevel.Information, "Another instance holds the migration lock {LockId} on {Database}: skipping migrations, continuing with the current schema", EventName = "CognovaMigrationsSkippedLocked")]
    public static partial void SkippedLocked(ILogger logger, long lockId, string database);

    [LoggerMessage(5006, LogLevel.Information, "Another instance holds the migration lock {LockId} on {Database}: waiting for it (up to {LockTimeout})", EventName = "CognovaMigrationsWaitingForLock")]
    public static partial void WaitingForLock(ILogger logger, long lockId, string database, string lockTimeout);

    [LoggerMessage(5007, LogLevel.Warning, "The migration lock {LockId} on {Database} was still held by another session after {LockTimeout}: no migration applied, continuing with the current schema", EventName = "CognovaMigrationsLockTimeout")]
    public static partial void LockTimeout(ILogger logger, long lockId, string database, string lockTimeout);

    [LoggerMessage(5008, LogLevel.Debug, "Acquired the migration lock {LockId} on {Database} (server process {ProcessId})", EventName = "CognovaMigrationsLockAcquired")]
    public static partial void LockAcquired(ILogger logger, long lockId, string database, int processId);

    [LoggerMessage(5009, LogLevel.Debug, "Released the migration lock {LockId} on {Database}", EventName = "CognovaMigrationsLockReleased")]
    public static partial void LockReleased(ILogger logger, long lockId, string database);

    [LoggerMessage(5010, LogLevel.Error, "Migration {MigrationId} failed on {Database}: {Error}. The database stays at {LastMigration}", EventName = "CognovaMigrationFailed")]
    public static partial void MigrationFailed(ILogger logger, string migrationId, string database, string error, string lastMigration);

    [LoggerMessage(5011, LogLevel.Error, "Cannot reach the database {Database}: {Error}. No migration applied", EventName = "CognovaMigrationsUnreachable")]
    public static partial void Unreachable(ILogger logger, string database, string error);

    [LoggerMessage(5012, LogLevel.Error, "Migrating {Database} timed out after {Timeout} {Phase}. The database stays at {LastMigration}", EventName = "CognovaMigrationsTimedOut")]
    public static partial void TimedOut(ILogger logger, string database, string timeout, string phase, string lastMigration);

    [LoggerMessage(5013, LogLevel.Warning, "Could not release the migration lock {LockId} on {Database}: {Error}. Closing the connection releases it", EventName = "CognovaMigrationsUnlockFailed")]
    public static partial void UnlockFailed(ILogger logger, long lockId, string database, string error);

    [LoggerMessage(5014, LogLevel.Warning, "The model of {Context} has changes that no migration captures; the existing migrations are applied, the rest of the model has no schema. Add a migration: dotnet ef migrations add <Name> --context {Context}", EventName = "CognovaMigrationsPendingModelChanges")]
    public static partial void PendingModelChanges(ILogger logger, string context);

    [LoggerMessage(5015, LogLevel.Error, "Migrations on {Database} failed before any migration ran: {Error}", EventName = "CognovaMigrationsRunFailed")]
    public static partial void RunFailed(ILogger logger, string database, string error);

    [LoggerMessage(5016, LogLevel.Warning, "{Context} has no migrations in {Assembly}: nothing to apply", EventName = "CognovaMigrationsNoMigrations")]
    public static partial void NoMigrations(ILogger logger, string context, string assembly);

    [LoggerMessage(5017, LogLevel.Information, "Created the database {Database}, which did not exist", EventName = "CognovaMigrationsDatabaseCreated")]
    public static partial void DatabaseCreated(ILogger logger, string database);

    [LoggerMessage(5019, LogLevel.Information, "Reverted migration {MigrationId} on {Database} in {ElapsedMs} ms", EventName = "CognovaMigrationReverted")]
    public static partial void MigrationReverted(ILogger logger, string migrationId, string database, long elapsedMs);

    [LoggerMessage(5024, LogLevel.Information, "Reverting {Count} migration(s) on {Database} under advisory lock {LockId}, to reach {Target}: {Migrations}", EventName = "CognovaMigrationsReverting")]
    public static partial void MigrationsReverting(ILogger logger, int count, string database, long lockId, string target, string migrations);

    [LoggerMessage(5018, LogLevel.Warning, "The progress observer failed on migration {MigrationId}: {Error}", EventName = "CognovaMigrationsObserverFailed")]
    public static partial void ObserverFailed(ILogger logger, string migrationId, string error);

    [LoggerMessage(5020, LogLevel.Information, "Start-up migrations of {Context} are off (Cognova:Migrations:Enabled is false)", EventName = "CognovaMigrationsDisabled")]
    public static partial void Disabled(ILogger logger, string context);

    [LoggerMessage(5021, LogLevel.Information, "Start-up migrations of {Context} are skipped in the {Environment} environment (use dotnet cognova push or dotnet ef database update; Cognova:Migrations:RunInDevelopment=true runs them)", EventName = "CognovaMigrationsSkippedInDevelopment")]
    public static partial void SkippedInDevelopment(ILogger logger, string context, string environment);

    [LoggerMessage(5022, LogLevel.Warning, "Start-up continues without the migrations of {Context} ({Status}); the app serves with the schema the database has", EventName = "CognovaMigrationsContinuing")]
    public static partial void Continuing(ILogger logger, string context, MigrationRunStatus status);

    [LoggerMessage(5023, LogLevel.Critical, "Start-up stops: the migrations of {Context} did not complete ({Status}) and Cognova:Migrations:FailFast is on", EventName = "CognovaMigrationsFailFast")]
    public static partial void FailingFast(ILogger logger, string context, MigrationRunStatus status);
}
