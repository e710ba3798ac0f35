using System.Security.Cryptography;
using System.Text;

namespace Cognova.Build.Design.Lock;

/// <summary>
/// The running hash of the lock file, as in atlas.sum: each entry hashes the previous entry's chain
/// with its own id and SQL hash, so editing an old migration changes every later entry, and two
/// branches that both append migrations conflict in version control.
/// </summary>
public static class LockChain
{
    public static string Next(string? previousChain, string migrationId, string sqlHash)
        => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{previousChain}\n{migrationId}\n{sqlHash}")));
}
