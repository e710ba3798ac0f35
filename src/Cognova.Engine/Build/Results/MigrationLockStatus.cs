namespace Cognova.Engine.Build.Results;

/// <summary>Where a migration stands in the lock file after the check.</summary>
public enum MigrationLockStatus
{
    /// <summary>The lock was not checked (off, unreadable, or a history being adopted).</summary>
    Unchecked,

    /// <summary>Locked before this run.</summary>
    Locked,

    /// <summary>Appended to the lock by this run.</summary>
    LockedNow,

    /// <summary>Not in the lock.</summary>
    NotLocked,
}
