using System.Data.Common;
using System.Text.RegularExpressions;

namespace Cognova.Migrations;

/// <summary>Hides passwords in connection strings and in text that may quote one.</summary>
public static partial class ConnectionStringMasker
{
    private const string Hidden = "***";

    /// <summary>
    /// The connection string with every password replaced by <c>***</c>: <c>Password=***</c> (also
    /// <c>PWD</c>, <c>PSW</c>, <c>SSL Password</c>) in a key=value string, <c>postgres://user:***@host</c> in
    /// a URL. Other keys are kept as written. Text that is neither is masked wherever it looks like one.
    /// </summary>
    public static string Mask(string connectionStringOrUrl)
    {
        ArgumentNullException.ThrowIfNull(connectionStringOrUrl);
        var trimmed = connectionStringOrUrl.Trim();
        if (trimmed.Contains("://", StringComparison.Ordinal))
        {
            return MaskText(connectionStringOrUrl);
        }

        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionStringOrUrl };
            var secrets = builder.Keys.Cast<string>().Where(IsSecretKey).ToList();
            foreach (var key in secrets)
            {
                builder[key] = Hidden;
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return MaskText(connectionStringOrUrl);
        }
    }

    /// <summary>
    /// Masks anything in free text (an exception message, a log line) that looks like a password in a
    /// connection string (<c>Password=…</c> up to the next <c>;</c>) or in a URL (<c>scheme://user:…@</c>).
    /// </summary>
    public static string MaskText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = UrlPassword().Replace(text, m => m.Groups["prefix"].Value + Hidden + "@");
        return KeyValuePassword().Replace(masked, m => m.Groups["key"].Value + "=" + Hidden);
    }

    private static bool IsSecretKey(string key)
    {
        var normalized = key.Replace(" ", string.Empty, StringComparison.Ordinal);
        return normalized.Contains("password", StringComparison.OrdinalIgnoreCase)
               || normalized.Equals("pwd", StringComparison.OrdinalIgnoreCase)
               || normalized.Equals("psw", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"(?<prefix>[a-zA-Z][a-zA-Z0-9+.\-]*://[^:/@\s]*:)[^@\s]*@")]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?<key>\b(?:ssl\s*)?(?:password|pwd|psw))\s*=\s*(?:'[^']*'|""[^""]*""|[^;\s]*)", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValuePassword();
}
