namespace Cognova.Migrations;

/// <summary>
/// Settings of the start-up migrations (<c>AddCognovaMigrations&lt;TContext&gt;</c>). Each one can be set in
/// code and in configuration under <c>Cognova:Migrations</c> (so also as environment variables such as
/// <c>Cognova__Migrations__Enabled=false</c>); configuration wins over code, so that an operator can
/// change a setting without a new build.
/// </summary>
public sealed class CognovaMigrationsOptions
{
    /// <summary>The configuration section: <c>Cognova:Migrations</c>.</summary>
    public const string SectionName = "Cognova:Migrations";

    /// <summary>Master switch (default true). False: nothing runs, and the outcome is <see cref="MigrationOutcomeStatus.Disabled"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Run in the Development environment too (default false: developers use <c>dotnet cognova push</c> or
    /// <c>dotnet ef database update</c>). The environment is the host's (<c>IHostEnvironment.IsDevelopment()</c>,
    /// set by <c>DOTNET_ENVIRONMENT</c> or <c>ASPNETCORE_ENVIRONMENT</c>).
    /// </summary>
    public bool RunInDevelopment { get; set; }

    /// <summary>The advisory lock key; null (default) uses <see cref="MigrationLockId.For(string, Type)"/> of the database and the DbContext.</summary>
    public long? LockId { get; set; }

    /// <summary>When another instance holds the lock: false (default) skips at once; true waits up to <see cref="LockTimeout"/>, then looks again.</summary>
    public bool WaitForLock { get; set; }

    /// <summary>How long <see cref="WaitForLock"/> waits (default 5 minutes); <see cref="Timeout"/> still bounds the whole run.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Bounds the whole run: connecting, waiting for the lock, all migrations (default 30 s; zero or less: no bound).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Stop the app's start-up when the migrations did not complete (failed, unreachable, timed out, lock
    /// timeout). Default false: log the error and keep starting with the schema the database has.
    /// </summary>
    public bool FailFast { get; set; }

    /// <summary>What to do when the model has changes no migration captures (default <see cref="PendingModelChangesBehavior.Ignore"/>: the build checks drift).</summary>
    public PendingModelChangesBehavior PendingModelChanges { get; set; } = PendingModelChangesBehavior.Ignore;

    /// <summary>The options of one run of <see cref="AdvisoryLockMigrator"/>.</summary>
    public MigrationRunOptions ToRunOptions() => new()
    {
        LockId = LockId,
        WaitForLock = WaitForLock,
        LockTimeout = LockTimeout,
        Timeout = AdvisoryLockMigrator.IsBounded(Timeout) ? Timeout : null,
        PendingModelChanges = PendingModelChanges,
    };
}
