using Cognova.Build.Design.Diagnostics;
using Cognova.Build.Design.Migrations;

namespace Cognova.Build.Design.Lock;

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
        var existingCount = locked.Migrations.Count(e => scripts.Any(s => s.Id == e.Id));
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

    /// <summary>Locked migrations that are missing, out of order or edited, and a broken chain.</summary>
    public static List<LockProblem> IntegrityProblems(LockedContext locked, IReadOnlyList<MigrationScript> scripts)
    {
        var problems = new List<LockProblem>();
        var byId = scripts.ToDictionary(s => s.Id, StringComparer.Ordinal);

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

        problems.AddRange(CheckChain(locked));
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
        for (var i = 0; i < existing.Count; i++)
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

    private static IEnumerable<LockProblem> CheckChain(LockedContext locked)
    {
        string? previous = null;
        foreach (var entry in locked.Migrations)
        {
            var expected = LockChain.Next(previous, entry.Id, entry.Sql);
            if (!string.Equals(expected, entry.Chain, StringComparison.Ordinal))
            {
                yield return new LockProblem(
                    DiagnosticCodes.LockFileMalformed,
                    $"The chain hash of migration {entry.Id} does not match the entries before it: the lock file was edited by hand or merged wrongly. "
                    + "Restore it from version control.");
                yield break;
            }

            previous = entry.Chain;
        }
    }
}
