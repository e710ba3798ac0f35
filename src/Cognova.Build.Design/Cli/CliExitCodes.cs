namespace Cognova.Build.Design.Cli;

/// <summary>
/// The exit codes of <c>dotnet cognova</c>, documented in docs/cli.md; scripts branch on them.
/// 0–4 mean what they mean for the migration bundle (efbundle), so a deploy script treats
/// <c>dotnet cognova migrate</c> and the bundle alike. This file is shared by the tool and the design host.
/// </summary>
public static class CliExitCodes
{
    /// <summary>Success, including nothing to do.</summary>
    public const int Success = 0;

    /// <summary>A migration or a push statement failed (the database keeps what committed), or the tool failed unexpectedly.</summary>
    public const int Failed = 1;

    /// <summary>Usage or configuration: a bad option, no project or DbContext, no or malformed connection string, an unknown migration, a name in use.</summary>
    public const int UsageError = 2;

    /// <summary>Another run held the migration lock for longer than <c>--lock-timeout</c>.</summary>
    public const int LockTimeout = 3;

    /// <summary>The database could not be reached, or refused the credentials.</summary>
    public const int DatabaseUnreachable = 4;

    /// <summary>Data loss ahead and not confirmed: refused at the prompt, or no terminal to ask on and no <c>--force</c>; also a review that needs answers and has no terminal.</summary>
    public const int ConfirmationRequired = 5;

    /// <summary>A check failed: an unapproved destructive finding, a migration edited after it was locked, a lock out of order.</summary>
    public const int ChecksFailed = 6;

    /// <summary>The project did not build.</summary>
    public const int BuildFailed = 7;

    /// <summary>The database looks like production (its name or host) and <c>--allow-production</c> was not given.</summary>
    public const int ProductionRefused = 8;
}
