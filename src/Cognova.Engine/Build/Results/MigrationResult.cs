using Cognova.Engine.Sources;

namespace Cognova.Engine.Build.Results;

/// <summary>One migration as the check saw it: where its class is, the hash of its SQL, its place in the lock, its findings.</summary>
public sealed record MigrationResult(
    string Id,
    SourceLocation Location,
    string SqlHash,
    MigrationLockStatus LockStatus,
    IReadOnlyList<FindingResult> Findings);
