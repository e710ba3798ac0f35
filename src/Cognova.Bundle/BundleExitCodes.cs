namespace Cognova.Bundle;

/// <summary>The bundle's exit codes, documented in the README; deploy scripts branch on them.</summary>
public static class BundleExitCodes
{
    /// <summary>Success, including nothing to do and another run holding the lock with --skip-if-locked.</summary>
    public const int Success = 0;

    /// <summary>A migration failed; the database stays at the last migration that succeeded.</summary>
    public const int MigrationFailed = 1;

    /// <summary>Bad arguments or configuration: no connection string, a malformed DATABASE_URL, a bundle that does not match its lock, unknown migrations.</summary>
    public const int UsageError = 2;

    /// <summary>Another run held the migration lock for longer than --lock-timeout.</summary>
    public const int LockTimeout = 3;

    /// <summary>The database could not be reached, or refused the credentials.</summary>
    public const int DatabaseUnreachable = 4;
}
