namespace Cognova.Migrations.Tooling;

/// <summary>
/// The exit codes of the migration bundle (efbundle, documented in the README) and of
/// <c>dotnet cognova</c> (docs/cli.md); deploy scripts branch on them. 0–4 mean the same for both, so a
/// script treats <c>dotnet cognova migrate</c> and the bundle alike; 5–8 only come from <c>dotnet cognova</c>.
/// </summary>
/// <remarks>
/// Public in Cognova.Migrations (see ExitCodes.Public.cs there); compiled as source, and internal, into
/// dotnet-cognova, which runs without Cognova.Migrations.dll.
/// </remarks>
static partial class ExitCodes
{
    /// <summary>Both: success, including nothing to do, and (bundle) another run holding the lock with <c>--skip-if-locked</c>.</summary>
    public const int Success = 0;

    /// <summary>Both: a migration (or a push statement) failed, the database keeps what committed; or the run failed unexpectedly.</summary>
    public const int Failed = 1;

    /// <summary>
    /// Both: bad arguments or configuration: a bad option, no or a malformed connection string or DATABASE_URL,
    /// an unknown migration; (bundle) a bundle that does not match its lock, unknown migrations in the database;
    /// (tool) no project or DbContext, a name in use.
    /// </summary>
    public const int UsageError = 2;

    /// <summary>Both: another run held the migration lock for longer than <c>--lock-timeout</c>.</summary>
    public const int LockTimeout = 3;

    /// <summary>Both: the database could not be reached, or refused the credentials.</summary>
    public const int DatabaseUnreachable = 4;

    /// <summary><c>dotnet cognova</c>: data loss ahead and not confirmed: refused at the prompt, or no terminal to ask on and no <c>--force</c>; also a review that needs answers and has no terminal.</summary>
    public const int ConfirmationRequired = 5;

    /// <summary><c>dotnet cognova</c>: a check failed: an unapproved destructive finding, a migration edited after it was locked, a lock out of order.</summary>
    public const int ChecksFailed = 6;

    /// <summary><c>dotnet cognova</c>: the project did not build.</summary>
    public const int BuildFailed = 7;

    /// <summary><c>dotnet cognova</c>: the database looks like production (its name or host) and <c>--allow-production</c> was not given.</summary>
    public const int ProductionRefused = 8;
}
