using Cognova.Build.Design.Diagnostics;
using Cognova.Build.Design.Lint;
using Cognova.Build.Design.Migrations;

namespace Cognova.Build.Design.Lock;

/// <summary>Reads approvals from a lock entry and records new ones.</summary>
public static class Approvals
{
    private const int SqlExcerptLength = 240;

    public static bool IsApproved(LockedContext locked, Finding finding)
        => locked.Migrations.FirstOrDefault(m => m.Id == finding.MigrationId)?.Approvals
            .Any(a => a.Rule == finding.Rule.Id && a.Statement == finding.StatementHash) == true;

    /// <summary>
    /// Records the reason against every unapproved finding of the requested migrations. A migration
    /// must be in the lock to carry approvals, so new migrations up to the last requested one are
    /// appended first; an earlier new migration with its own unapproved destructive finding stops it.
    /// </summary>
    /// <returns>The problems, and the ids of the migrations that got approvals.</returns>
    public static (IReadOnlyList<LockProblem> Problems, IReadOnlyList<string> Approved) Apply(
        LockedContext locked,
        IReadOnlyList<MigrationScript> scripts,
        IReadOnlyList<Finding> findings,
        ApprovalRequest request)
    {
        var targets = scripts
            .Where(s => request.Matches(s.Id, s.Name))
            .Where(s => request.Migration != "*" || findings.Any(f => f.MigrationId == s.Id && !IsApproved(locked, f)))
            .Select(s => s.Id)
            .ToHashSet(StringComparer.Ordinal);
        if (targets.Count == 0)
        {
            return ([], []);
        }

        var integrity = LockVerifier.IntegrityProblems(locked, scripts);
        if (integrity.Count > 0)
        {
            return (integrity, []);
        }

        var lastTarget = scripts.Select((s, i) => (s.Id, i)).Last(t => targets.Contains(t.Id)).i;
        var approved = new List<string>();
        foreach (var script in scripts.Take(lastTarget + 1))
        {
            var entry = locked.Migrations.FirstOrDefault(m => m.Id == script.Id);
            var open = findings.Where(f => f.MigrationId == script.Id && !IsApproved(locked, f)).ToList();
            if (!targets.Contains(script.Id))
            {
                if (entry is null && open.Any(f => f.Severity == DiagnosticSeverity.Error))
                {
                    return ([new LockProblem(
                        DiagnosticCodes.InvalidApproval,
                        $"Migration {script.Id} comes before the one to approve and has unapproved destructive findings: approve it first (-p:CognovaApproveMigration={script.Id}).",
                        script.Id)], approved);
                }

                entry ??= LockVerifier.Append(locked, script);
                continue;
            }

            entry ??= LockVerifier.Append(locked, script);
            foreach (var finding in open)
            {
                entry.Approvals.Add(new Approval(finding.Rule.Id, finding.StatementHash, request.Reason, Excerpt(finding.Hit.Statement)));
            }

            approved.Add(script.Id);
        }

        return ([], approved);
    }

    private static string Excerpt(string statement)
    {
        var flat = string.Join(' ', statement.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= SqlExcerptLength ? flat : flat[..SqlExcerptLength] + "…";
    }
}
