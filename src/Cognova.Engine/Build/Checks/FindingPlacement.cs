using Cognova.Engine.Build.Results;
using Cognova.Engine.Lint;
using Cognova.Engine.Lock;
using Cognova.Engine.Sources;
using Cognova.Migrations;

namespace Cognova.Engine.Build.Checks;

/// <summary>
/// Each migration with its findings, each placed at the operation of the migration's source that produced
/// it and paired with the lock's approval that counts for it.
/// </summary>
internal sealed class FindingPlacement(SourceIndex sources, string projectFile)
{
    /// <param name="locked">The lock entry of the context; null when the lock could not be read (every finding is then open).</param>
    public IReadOnlyList<MigrationResult> Place(IReadOnlyList<MigrationScript> scripts, IReadOnlyList<Finding> findings, LockedContext? locked)
    {
        var byMigration = findings.ToLookup(f => f.MigrationId, StringComparer.Ordinal);
        return scripts.Select(script => Place(script, byMigration[script.Id], locked)).ToList();
    }

    /// <summary>One migration with its own findings (<paramref name="findings"/> may hold those of others).</summary>
    public MigrationResult Place(MigrationScript script, IEnumerable<Finding> findings, LockedContext? locked)
    {
        var classLocation = new Lazy<SourceLocation>(() => sources.FindClass(script.ClassName) ?? new SourceLocation(projectFile));
        var own = findings.Where(f => f.MigrationId == script.Id).ToList();
        var placed = new List<FindingResult>(own.Count);
        if (own.Count > 0)
        {
            var map = MigrationSourceMap.Build(classLocation.Value, sources.ReadLines(classLocation.Value.File));
            foreach (var finding in own)
            {
                var approval = locked is null ? null : Approvals.Find(locked, finding);
                var withoutReason = locked is not null && approval is null && Approvals.HasApprovalWithoutReason(locked, finding);
                placed.Add(new FindingResult(finding, map.OperationAt(finding.OperationIndex, script.OperationCount), approval, withoutReason));
            }
        }

        return new MigrationResult(script.Id, classLocation, script.SqlHash, MigrationLockStatus.Unchecked, placed);
    }
}
