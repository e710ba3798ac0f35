using System.Text.RegularExpressions;

namespace Cognova.Build.Design.Diagnostics;

/// <summary>
/// Masks passwords in anything the host prints: key=value connection strings
/// (<c>Password=…</c>, <c>Pwd=…</c>) and URLs (<c>postgres://user:secret@host</c>). An exception
/// message from a provider can quote a connection string; it must not reach a build log.
/// </summary>
public static partial class SecretMasker
{
    public const string Mask = "***";

    public static string Apply(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = KeyValuePassword().Replace(text, m => m.Groups["key"].Value + Mask);
        return UrlPassword().Replace(text, m => m.Groups["prefix"].Value + Mask + "@");
    }

    [GeneratedRegex(@"(?<key>\b(?:password|pwd)\s*=\s*)(?:'[^']*'|""[^""]*""|[^;\s""']*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyValuePassword();

    [GeneratedRegex(@"(?<prefix>\b[a-z][a-z0-9+.-]*://[^:/@\s]+:)[^@\s]+@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();
}
