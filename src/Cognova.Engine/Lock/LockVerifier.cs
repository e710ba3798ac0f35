using Cognova.Engine.Diagnostics;
using Cognova.Migrations;

namespace Cognova.Engine.Lock;

/// <summary>
/// Checks one DbContext's migrations against its lock entry: locked migrations still exist, keep
/// their order and their SQL, and the chain is intact. New migrations at the end are appended when
/// they have no unapproved destructive finding — unless the lock is read-only (CI or locked mode),
/// where a migration missing from the lock is an error, as with NuGet's RestoreLockedMode.
/// </summary>
public static class LockVerifier
{
    public static LockVerification Verify(
        LockedContext locked,
        IReadOnlyList<MigrationScript> scripts,
        Func<string, bool> hasUnapprovedDestructiveFinding,
        bool readOnly)
    {
        var problems = IntegrityProblems(locked, scripts);
        var ids = scripts.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var existingCount = locked.Migrations.Count(e => ids.Contains(e.Id));
        if (problems.Count > 0)
        {
            return new LockVerification(problems, []);
        }

        var newScripts = scripts.Skip(existingCount).ToList();
        if (readOnly)
        {
            problems.AddRange(newScripts.Select(s => new LockProblem(
                DiagnosticCodes.MigrationNotLocked,
                $"Migration {s.Id} is not in the lock file, and this build may not write it (CI or CognovaLockedMode). "
                + "Build locally (or approve its findings), then commit the updated lock file.",
                s.Id)));
            return new LockVerification(problems, []);
        }

        var appended = new List<string>();
        foreach (var script in newScripts)
        {
            if (hasUnapprovedDestructiveFinding(script.Id))
            {
                break;
            }

            Append(locked, script);
            appended.Add(script.Id);
        }

        return new LockVerification(problems, appended);
    }

    /// <summary>Locked migrations that are missing, out of order or edited, and a broken chain (approvals changed by hand included).</summary>
    public static List<LockProblem> IntegrityProblems(LockedContext locked, IReadOnlyList<MigrationScript> scripts)
    {
        var problems = new List<LockProblem>();
        var byId = new Dictionary<string, MigrationScript>(StringComparer.Ordinal);
        foreach (var script in scripts)
        {
            byId.TryAdd(script.Id, script);
        }

        foreach (var entry in locked.Migrations.Where(e => !byId.ContainsKey(e.Id)))
        {
            problems.Add(new LockProblem(
                DiagnosticCodes.LockedMigrationMissing,
                $"Migration {entry.Id} is in the lock file but no longer exists. Locked migrations may have run in production: "
                + "restore it, or if it truly never ran anywhere, remove its entry (and every later one) from the lock file and build again."));
        }

        var existing = locked.Migrations.Where(e => byId.ContainsKey(e.Id)).ToList();
        problems.AddRange(CheckOrder(existing, scripts));
        foreach (var entry in existing.Where(e => byId[e.Id].SqlHash != e.Sql))
        {
            problems.Add(new LockProblem(
                DiagnosticCodes.LockedMigrationEdited,
                $"Migration {entry.Id} was edited after it was locked: its SQL no longer matches the lock file. "
                + "Never edit a migration that may have run: restore it and generate a corrective migration (dotnet ef migrations add <Name>).",
                entry.Id));
        }

        problems.AddRange(ChainProblems(locked));
        return problems;
    }

    /// <summary>Adds a migration at the end of the lock, chained to the last entry.</summary>
    public static LockedMigration Append(LockedContext locked, MigrationScript script)
    {
        var entry = new LockedMigration(script.Id, script.SqlHash, LockChain.Next(locked.Migrations.LastOrDefault()?.Chain, script.Id, script.SqlHash));
        locked.Migrations.Add(entry);
        return entry;
    }

    private static IEnumerable<LockProblem> CheckOrder(IReadOnlyList<LockedMigration> existing, IReadOnlyList<MigrationScript> scripts)
    {
        var lockedIds = existing.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < existing.Count && i < scripts.Count; i++)
        {
            if (scripts[i].Id == existing[i].Id)
            {
                continue;
            }

            var message = lockedIds.Contains(scripts[i].Id)
                ? $"The lock file lists migration {existing[i].Id} where the migrations have {scripts[i].Id}: the order of locked migrations changed."
                : $"Migration {scripts[i].Id} is not locked but sorts before locked migration {existing[i].Id}: two branches added migrations in parallel. "
                  + $"Remove {scripts[i].Id} (dotnet ef migrations remove, or delete its files) and add it again so that it comes after the locked ones.";
            yield return new LockProblem(DiagnosticCodes.LockOrderMismatch, message, scripts[i].Id);
            yield break;
        }
    }

    /// <summary>
    /// Every entry whose chain hash does not match what it holds. An entry is checked against the
    /// chain stored before it (or, after a broken entry, the chain that entry should have had), so one
    /// edit is reported once, at the entry that was edited.
    /// </summary>
    public static List<LockProblem> ChainProblems(LockedContext locked)
    {
        var problems = new List<LockProblem>();
        string? stored = null;
        string? expected = null;
        for (var i = 0; i < locked.Migrations.Count; i++)
        {
            var entry = locked.Migrations[i];
            var afterStored = LockChain.Next(stored, entry, locked.ChainVersion);
            var intact = string.Equals(afterStored, entry.Chain, StringComparison.Ordinal)
                         || (expected != stored && string.Equals(LockChain.Next(expected, entry, locked.ChainVersion), entry.Chain, StringComparison.Ordinal));
            if (!intact)
            {
                problems.Add(ChainProblem(locked, i, firstBreak: problems.Count == 0));
            }

            expected = intact ? entry.Chain : afterStored;
            stored = entry.Chain;
        }

        return problems;
    }

    private static LockProblem ChainProblem(LockedContext locked, int index, bool firstBreak)
    {
        var entry = locked.Migrations[index];
        if (firstBreak && ChainedAfterAnEarlierEntry(locked, index) is { Found: true } earlier)
        {
            return new LockProblem(
                DiagnosticCodes.LockFileMalformed,
                $"Migration {entry.Id} was locked after {earlier.After ?? "no other migration"}, not after {locked.Migrations[index - 1].Id}: the lock file was merged keeping both sides. "
                + $"Remove the entries from {entry.Id} on from the lock file and build locally: the migrations are locked again in order (approve their destructive findings again).");
        }

        if (locked.ChainVersion >= 2 && entry.Approvals.Count > 0)
        {
            return new LockProblem(
                DiagnosticCodes.ApprovalEditedByHand,
                $"The approvals of migration {entry.Id} in the lock file were changed by hand (an approval added, removed, or its reason, rule or statement hash edited): its chain hash no longer matches them. "
                + "An approval counts only when it is recorded by approving. Approve again (this replaces the migration's approvals): "
                + $"dotnet build -t:CognovaApprove -p:CognovaApproveMigration={entry.Id} -p:CognovaApproveReason=\"<why this is safe>\" "
                + $"(or dotnet cognova review --approve {entry.Id} --reason \"<why this is safe>\"), or restore the lock file from version control.",
                entry.Id);
        }

        return new LockProblem(
            DiagnosticCodes.LockFileMalformed,
            $"The chain hash of migration {entry.Id} does not match the entries before it: the lock file was edited by hand (its hashes or approvals) or merged wrongly. "
            + "Restore it from version control.");
    }

    /// <summary>
    /// Whether the entry at <paramref name="index"/> is chained to an entry before the one it follows
    /// (<c>After</c> null: to none), as when two branches each locked a migration and a merge kept both.
    /// </summary>
    private static (bool Found, string? After) ChainedAfterAnEarlierEntry(LockedContext locked, int index)
    {
        var entry = locked.Migrations[index];
        for (var j = index - 2; j >= -1; j--)
        {
            var previous = j < 0 ? null : locked.Migrations[j].Chain;
            if (string.Equals(LockChain.Next(previous, entry, locked.ChainVersion), entry.Chain, StringComparison.Ordinal))
            {
                return (true, j < 0 ? null : locked.Migrations[j].Id);
            }
        }

        return (false, null);
    }
}
