using Cognova.Engine.Sources;

namespace Cognova.Engine.Build.Results;

/// <summary>One migration as the check saw it: where its class is, the hash of its SQL, its place in the lock, its findings.</summary>
/// <param name="ClassLocation">
/// Where its class is declared, looked up on first use: a build that reports nothing at a migration reads none of
/// its files, so a long history of migrations without findings costs no reading.
/// </param>
public sealed record MigrationResult(
    string Id,
    Lazy<SourceLocation> ClassLocation,
    string SqlHash,
    MigrationLockStatus LockStatus,
    IReadOnlyList<FindingResult> Findings)
{
    public SourceLocation Location => ClassLocation.Value;
}
