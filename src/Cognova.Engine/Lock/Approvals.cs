using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Migrations;

namespace Cognova.Engine.Lock;

/// <summary>
/// Reads approvals from a lock entry and records new ones. An approval counts only when it has a
/// reason: one with an empty or blank reason approves nothing, wherever it is read.
/// </summary>
public static class Approvals
{
    private const int SqlExcerptLength = 240;

    public static bool IsApproved(LockedContext locked, Finding finding) => Find(locked, finding) is not null;

    /// <summary>The approval of <paramref name="finding"/> that counts: same rule, same statement, a reason.</summary>
    public static Approval? Find(LockedContext locked, Finding finding)
        => Matching(locked, finding).FirstOrDefault(a => a.HasReason);

    /// <summary>The lock approves the finding's statement, but without a reason: the finding stays open, and its message says why.</summary>
    public static bool HasApprovalWithoutReason(LockedContext locked, Finding finding)
        => Find(locked, finding) is null && Matching(locked, finding).Any();

    /// <summary>
    /// Records the reason against every unapproved finding of the requested migrations. A migration
    /// must be in the lock to carry approvals, so new migrations up to the last requested one are
    /// appended first; an earlier new migration with its own unapproved destructive finding stops it.
    /// A requested migration whose approvals were changed by hand (COG3009) gets its approvals replaced.
    /// </summary>
    /// <returns>The problems, and the ids of the migrations that got approvals.</returns>
    public static (IReadOnlyList<LockProblem> Problems, IReadOnlyList<string> Approved) Apply(
        LockedContext locked,
        IReadOnlyList<MigrationScript> scripts,
        IReadOnlyList<Finding> findings,
        ApprovalRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return ([new LockProblem(
                DiagnosticCodes.InvalidApproval,
                "An approval needs a reason that says why the change is safe; an empty or blank reason approves nothing.")], []);
        }

        var integrity = LockVerifier.IntegrityProblems(locked, scripts);
        var replaced = integrity
            .Where(p => p.Code == DiagnosticCodes.ApprovalEditedByHand && scripts.Any(s => s.Id == p.MigrationId && request.Matches(s.Id, s.Name)))
            .Select(p => p.MigrationId!)
            .ToHashSet(StringComparer.Ordinal);
        var targets = scripts
            .Where(s => request.Matches(s.Id, s.Name))
            .Where(s => request.Migration != "*" || replaced.Contains(s.Id) || findings.Any(f => f.MigrationId == s.Id && !IsApproved(locked, f)))
            .Select(s => s.Id)
            .ToHashSet(StringComparer.Ordinal);
        if (targets.Count == 0)
        {
            return ([], []);
        }

        if (integrity.Count > replaced.Count)
        {
            return (integrity, []);
        }

        foreach (var entry in locked.Migrations.Where(m => replaced.Contains(m.Id)))
        {
            entry.Approvals.Clear();
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
                    LockChain.Rechain(locked);
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
                // An approval of the same statement without a reason counted for nothing: the new one replaces it.
                entry.Approvals.RemoveAll(a => a.Rule == finding.Rule.Id && a.Statement == finding.StatementHash);
                entry.Approvals.Add(new Approval(finding.Rule.Id, finding.StatementHash, request.Reason, Excerpt(finding.Hit.Statement)));
            }

            approved.Add(script.Id);
        }

        // The chain covers the approvals (version 2): every entry from the first changed one is hashed again.
        LockChain.Rechain(locked);
        return ([], approved);
    }

    private static IEnumerable<Approval> Matching(LockedContext locked, Finding finding)
        => locked.Migrations.FirstOrDefault(m => m.Id == finding.MigrationId)?.Approvals
               .Where(a => a.Rule == finding.Rule.Id && a.Statement == finding.StatementHash)
           ?? [];

    private static string Excerpt(string statement)
    {
        var flat = string.Join(' ', statement.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= SqlExcerptLength ? flat : flat[..SqlExcerptLength] + "…";
    }
}
