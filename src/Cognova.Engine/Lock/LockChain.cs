using System.Security.Cryptography;
using System.Text;

namespace Cognova.Engine.Lock;

/// <summary>
/// The running hash of the lock file, as in atlas.sum: each entry hashes the previous entry's chain
/// with its own id and SQL hash, so editing an old migration changes every later entry, and two
/// branches that both append migrations conflict in version control. From version 2 an entry's
/// approvals are hashed too (rule, statement hash, reason, SQL excerpt), so an approval changed by hand
/// is caught like a migration changed by hand. An entry without approvals hashes the same in both
/// versions.
/// </summary>
public static class LockChain
{
    /// <summary>The chain of an entry without approvals (the same in every version).</summary>
    public static string Next(string? previousChain, string migrationId, string sqlHash)
        => Hash($"{previousChain}\n{migrationId}\n{sqlHash}");

    /// <summary>The chain of <paramref name="entry"/> after <paramref name="previousChain"/> with the formula of <paramref name="version"/>.</summary>
    public static string Next(string? previousChain, LockedMigration entry, int version)
    {
        if (version < 2 || entry.Approvals.Count == 0)
        {
            return Next(previousChain, entry.Id, entry.Sql);
        }

        var text = new StringBuilder($"{previousChain}\n{entry.Id}\n{entry.Sql}\napprovals");
        foreach (var approval in Canonical(entry.Approvals))
        {
            // Each field is length-prefixed: a reason may hold any character, newlines included.
            text.Append('\n');
            foreach (var field in new[] { approval.Rule, approval.Statement, approval.Reason, approval.Sql ?? "" })
            {
                text.Append(field.Length).Append(':').Append(field).Append(';');
            }
        }

        return Hash(text.ToString());
    }

    /// <summary>Recomputes every chain of <paramref name="context"/> with its version's formula, after a verified change.</summary>
    public static void Rechain(LockedContext context)
    {
        string? previous = null;
        foreach (var entry in context.Migrations)
        {
            entry.Chain = Next(previous, entry, context.ChainVersion);
            previous = entry.Chain;
        }
    }

    /// <summary>The approvals in the order the chain hashes them (the file's order may differ for equal rule and statement).</summary>
    public static IEnumerable<Approval> Canonical(IEnumerable<Approval> approvals)
        => approvals
            .OrderBy(a => a.Rule, StringComparer.Ordinal)
            .ThenBy(a => a.Statement, StringComparer.Ordinal)
            .ThenBy(a => a.Reason, StringComparer.Ordinal)
            .ThenBy(a => a.Sql ?? "", StringComparer.Ordinal);

    private static string Hash(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
