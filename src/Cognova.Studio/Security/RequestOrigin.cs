namespace Cognova.Studio.Security;

/// <summary>
/// Which Host and Origin headers the studio answers. A page on another site that points a name of its own at
/// 127.0.0.1 (DNS rebinding) sends its own name as Host; a page on another site calling the studio sends its
/// own Origin. Both are refused.
/// </summary>
internal static class RequestOrigin
{
    /// <summary>Host is <c>127.0.0.1:port</c>, <c>[::1]:port</c> or <c>localhost:port</c>, with the studio's own port.</summary>
    public static bool IsAllowedHost(string? host, int port)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        var suffix = ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return host.EndsWith(suffix, StringComparison.Ordinal)
               && host[..^suffix.Length].ToLowerInvariant() is "127.0.0.1" or "[::1]" or "localhost";
    }

    /// <summary>No Origin (a plain navigation or a same-origin GET), or the origin of the studio's own page on this Host.</summary>
    public static bool IsSameOrigin(string? origin, string host)
        => origin is null || string.Equals(origin, "http://" + host, StringComparison.OrdinalIgnoreCase);
}
