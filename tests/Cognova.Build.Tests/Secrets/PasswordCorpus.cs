using System.Data.Common;
using System.Text;
using Npgsql;

namespace Cognova.Build.Tests.Secrets;

/// <summary>
/// Passwords that break naive masking (quotes, doubled quotes, <c>;</c>, <c>=</c>, <c>@</c>, <c>%</c>, URL
/// delimiters, spaces, unicode, backslashes), and every way a connection string can carry one: each secret
/// keyword spelling in key=value form (quoted as the grammar allows), and URLs (percent-encoded and raw).
/// </summary>
public static class PasswordCorpus
{
    public const string Host = "db.example.com";
    public const string Database = "shopdb";
    public const string Username = "appuser";

    /// <summary>Every spelling Npgsql accepts for a secret, in several casings, some with spaces around.</summary>
    public static readonly string[] SecretKeywords =
    [
        "Password", "password", "PASSWORD", "Pwd", "PWD", "pwd", "Psw", "PSW", "psw",
        "SSL Password", "ssl password", "SSL PASSWORD", "SslPassword", "sslpassword", " Password ", "  PSW",
    ];

    /// <summary>Written by hand: the cases that broke the regex maskers.</summary>
    public static readonly string[] Handpicked =
    [
        "it's", "it''s", "say\"hi\"", "a\"\"b", "both'and\"quotes", "'leadingquote", "trailingquote'", "\"dq\"",
        "semi;colon", "semi;Host=evil", "ab;cd;ef", "eq=uals", "double==eq", "=leading", "at@sign@twice",
        "per%cent%20x", "co:lon:s", "sl/ash/es", "que?ry&x=1", "ha#sh#", "sp ace d", " leading", "trailing ",
        "ünïcødé-päss", "emoji😀pass𝄞", "back\\slash\\", "tab\tinside", "mix'\";=@%:/?# \\ü😀end",
        "Password=inner;", "'; DROP TABLE x; --", "}{)(][", "a'b\"c;d=e@f%g:h/i?j#k l",
    ];

    private const string Alphabet = "abcXYZ019'\"\";;==@%:/?#  \\üé中😀𝄞-_.,!$&*()[]{}<>|~^`+";

    /// <summary>The handpicked passwords and <paramref name="generated"/> random ones (fixed seed, so failures reproduce).</summary>
    public static IReadOnlyList<string> Passwords(int generated = 120)
    {
        var random = new Random(20261128);
        var list = new List<string>(Handpicked);
        var elements = TextElements(Alphabet);
        while (list.Count < Handpicked.Length + generated)
        {
            var builder = new StringBuilder();
            var length = random.Next(4, 24);
            for (var i = 0; i < length; i++)
            {
                builder.Append(elements[random.Next(elements.Count)]);
            }

            var password = builder.ToString();
            // A password made of delimiters and spaces only says nothing; the substring check needs letters.
            if (password.Count(char.IsLetterOrDigit) >= 3)
            {
                list.Add(password);
            }
        }

        return list;
    }

    /// <summary>Each way <paramref name="keyword"/>=<paramref name="password"/> can be written that Npgsql reads back as the password.</summary>
    public static IEnumerable<string> KeyValueForms(string keyword, string password)
    {
        var candidates = new[]
        {
            keyword + "=" + password,
            keyword + "='" + password.Replace("'", "''", StringComparison.Ordinal) + "'",
            keyword + "=\"" + password.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
            keyword + " = '" + password.Replace("'", "''", StringComparison.Ordinal) + "' ",
            Appended(keyword, password),
        };
        foreach (var pair in candidates.Distinct())
        {
            if (ReadsBack(pair, password))
            {
                yield return pair;
            }
        }
    }

    /// <summary>
    /// Whole connection strings with the secret first, in the middle and last, each with the same string
    /// without a password (what may show after masking).
    /// </summary>
    public static IEnumerable<(string Text, string Surrounding)> ConnectionStrings(string keyword, string password)
    {
        foreach (var pair in KeyValueForms(keyword, password))
        {
            foreach (var template in new[]
                     {
                         "{0};Host=db.example.com;Port=5432;Database=shopdb;Username=appuser",
                         "Host=db.example.com;{0};Database=shopdb;Username=appuser;Timeout=15",
                         "Host=db.example.com;Port=5432;Database=shopdb;Username=appuser;{0}",
                     })
            {
                // The keyword as written, and trimmed (as the builder writes it).
                yield return (string.Format(System.Globalization.CultureInfo.InvariantCulture, template, pair), string.Format(System.Globalization.CultureInfo.InvariantCulture, template, keyword + "=") + " " + string.Format(System.Globalization.CultureInfo.InvariantCulture, template, keyword.Trim() + "="));
            }
        }
    }

    /// <summary>URLs: percent-encoded as a URL must be, and raw as people paste them; each with the same URL without a password.</summary>
    public static IEnumerable<(string Text, string Surrounding)> Urls(string password)
    {
        var encoded = Uri.EscapeDataString(password);
        foreach (var template in new[]
                 {
                     "postgres://appuser:{0}@db.example.com:5432/shopdb?sslmode=require",
                     "postgresql://appuser:{0}@db.example.com/shopdb",
                     "postgres://db.example.com:5432/shopdb?user=appuser&password={0}&sslmode=require",
                     "postgres://db.example.com/shopdb?sslpassword={0}",
                 })
        {
            yield return (string.Format(System.Globalization.CultureInfo.InvariantCulture, template, encoded), string.Format(System.Globalization.CultureInfo.InvariantCulture, template, ""));
        }

        if (!password.Any(char.IsWhiteSpace))
        {
            yield return ($"postgres://appuser:{password}@db.example.com:5432/shopdb", "postgres://appuser:@db.example.com:5432/shopdb");
        }
    }

    /// <summary>How an exception message or a log line quotes a connection string.</summary>
    public static IEnumerable<string> InFreeText(string connectionString)
    {
        yield return connectionString;
        yield return $"System.InvalidOperationException: Cannot create AppDbContext with '{connectionString}'.";
        yield return $"Could not connect using \"{connectionString}\" (timeout)\n   at App.Data.AppDbContext..ctor()";
        yield return $"verbose: Connection from appsettings.json: {connectionString}";
        yield return $"error: {connectionString}\nnext line mentions {Host}";
    }

    /// <summary>
    /// The password or a piece of it (4 characters or more) that shows in <paramref name="masked"/> but not in
    /// <paramref name="surrounding"/>, the same text without the password; null when none does.
    /// </summary>
    public static string? Leak(string password, string masked, string surrounding)
    {
        var pieces = new List<string>();
        foreach (var form in new[] { password, password.Trim() })
        {
            for (var length = form.Length; length >= 4; length--)
            {
                for (var start = 0; start + length <= form.Length; start++)
                {
                    pieces.Add(form.Substring(start, length));
                }
            }
        }

        return pieces.FirstOrDefault(piece => piece.Trim().Length >= 4
                                              && masked.Contains(piece, StringComparison.Ordinal)
                                              && !surrounding.Contains(piece, StringComparison.Ordinal));
    }

    private static string Appended(string keyword, string password)
    {
        var builder = new StringBuilder();
        DbConnectionStringBuilder.AppendKeyValuePair(builder, keyword.Trim(), password);
        return builder.ToString();
    }

    private static bool ReadsBack(string pair, string password)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder($"Host={Host};{pair};Database={Database}");
            return builder.Password == password || builder.SslPassword == password;
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or FormatException)
        {
            return false;
        }
    }

    private static List<string> TextElements(string text)
    {
        var elements = new List<string>();
        var enumerator = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add((string)enumerator.Current);
        }

        return elements;
    }
}
