using Cognova.Engine.Build.Results;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lock;
using Cognova.Migrations;

namespace Cognova.Engine.Build.Checks;

/// <summary>
/// Verifies a DbContext's migrations against its lock entry (<see cref="LockVerifier"/>) and appends the new
/// ones that may be locked (in memory; the lock file is written after the check): the problems as diagnostics
/// at their migration, each migration's place in the lock, and a note of what was locked.
/// </summary>
internal static class LockCheck
{
    /// <param name="Migrations">The migrations given, each with its <see cref="MigrationLockStatus"/>.</param>
    /// <param name="LockChanged">Migrations were appended: the lock file is to be written.</param>
    public sealed record Outcome(IReadOnlyList<MigrationResult> Migrations, IReadOnlyList<LockProblem> Problems, bool LockChanged, IReadOnlyList<Diagnostic> Diagnostics);

    /// <param name="migrations">The migrations with their placed findings: one with an open error finding is not locked.</param>
    /// <param name="readOnly">Locked mode (CI): nothing is appended, and a migration missing from the lock is an error.</param>
    public static Outcome Verify(
        string contextName,
        LockedContext locked,
        IReadOnlyList<MigrationScript> scripts,
        IReadOnlyList<MigrationResult> migrations,
        string lockPath,
        bool readOnly)
    {
        var byId = new Dictionary<string, MigrationResult>(StringComparer.Ordinal);
        foreach (var migration in migrations)
        {
            byId.TryAdd(migration.Id, migration);
        }

        var verification = LockVerifier.Verify(
            locked,
            scripts,
            id => byId.TryGetValue(id, out var migration) && migration.Findings.Any(f => f.Finding.Severity == DiagnosticSeverity.Error && !f.IsApproved),
            readOnly);
        var diagnostics = LockProblemPlacement.Place(verification.Problems, lockPath, id => byId.TryGetValue(id, out var migration) ? migration.Location : null).ToList();

        var lockedIds = locked.Migrations.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var appended = verification.Appended.ToHashSet(StringComparer.Ordinal);
        var withStatus = migrations
            .Select(m => m with
            {
                LockStatus = appended.Contains(m.Id) ? MigrationLockStatus.LockedNow
                    : lockedIds.Contains(m.Id) ? MigrationLockStatus.Locked
                    : MigrationLockStatus.NotLocked,
            })
            .ToList();

        if (verification.Changed)
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.LockFileUpdated,
                DiagnosticSeverity.Info,
                $"{contextName}: locked {verification.Appended.Count} new migration(s) in {lockPath}: {string.Join(", ", verification.Appended)}. Commit the lock file.",
                lockPath));
        }

        return new Outcome(withStatus, verification.Problems, verification.Changed, diagnostics);
    }
}
