using System.Security.Cryptography;
using System.Text;

namespace Cognova.Studio.Security;

/// <summary>
/// The two secrets of one studio run: the token printed in the URL (256 random bits, exchanged once for a
/// cookie) and the session id the cookie carries. Both are compared in constant time and never logged.
/// </summary>
internal sealed class StudioSecrets
{
    public StudioSecrets()
        : this(NewSecret(), NewSecret())
    {
    }

    internal StudioSecrets(string token, string sessionId)
    {
        Token = token;
        SessionId = sessionId;
    }

    public string Token { get; }

    public string SessionId { get; }

    public bool IsToken(string? candidate) => SameText(candidate, Token);

    public bool IsSession(string? candidate) => SameText(candidate, SessionId);

    /// <summary>64 lower-case hex digits from 32 random bytes.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    // Constant time in the candidate's content: FixedTimeEquals compares every byte of equal-length input.
    private static bool SameText(string? candidate, string expected)
        => candidate is not null
           && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(expected));
}
