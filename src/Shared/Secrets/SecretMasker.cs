// The one masker for everything Cognova prints: build diagnostics, the design host, the MSBuild task,
// the migration bundle, dotnet cognova and the runtime runner. It is compiled as source into each of
// those assemblies (<Compile Include=... Link=...>), because the design host ships without
// Cognova.Migrations.dll; it needs nothing but the BCL, and it builds for netstandard2.0 (the task).
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Cognova.Secrets;

/// <summary>
/// Hides passwords. Three layers, applied together by <see cref="MaskText"/>:
/// <list type="number">
/// <item>Connection strings are read with the key=value grammar Npgsql's builder uses (that of
/// <c>System.Data.Common.DbConnectionStringBuilder</c>: quotes, doubled quotes, <c>==</c> in keys, spaces
/// around keys), never with a regular expression; the value of every secret keyword
/// (<see cref="IsSecretKeyword"/>) is replaced by <see cref="Hidden"/>. URLs lose the password of their
/// user info and their <c>password=</c>/<c>sslpassword=</c> query parameters.</item>
/// <item>Provider messages that echo a piece of a connection string Npgsql could not read
/// (<c>Couldn't set …</c>, <c>Keyword not supported: …</c>) lose that piece: after an unquoted <c>;</c> in a
/// password, the piece is part of the password.</item>
/// <item>Every secret of a connection string our code resolved (<see cref="RegisterConnectionString"/>) is
/// replaced wherever it shows, as written, percent-encoded, quote-doubled or JSON-escaped.</item>
/// </list>
/// Where the text is ambiguous, more is masked, never less.
/// </summary>
internal static partial class SecretMasker
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Hidden = "***";

    // Registered secrets shorter than this would turn ordinary words into ***; the structural layers still mask them.
    private const int MinimumRegisteredLength = 4;

    // Every copy of this class (one per assembly) shares one registry through the application domain,
    // so a secret registered by the bundle is also hidden by the runtime runner in the same process.
    private const string RegistrySlot = "Cognova.Secrets.KnownSecrets";

    // Values that are no secret but an example or a mask already (our own messages show them).
    private static readonly string[] Placeholders = [Hidden, "...", "\u2026", "password", "<password>"];

    /// <summary>
    /// True when a connection string keyword holds a secret. Npgsql 10 knows <c>Password</c> (also
    /// <c>PWD</c>, <c>PSW</c>) and <c>SSL Password</c> (also <c>SslPassword</c>), in any case; any keyword that
    /// mentions a password, a secret or a token counts too, spaces, <c>_</c> and <c>-</c> ignored.
    /// </summary>
    public static bool IsSecretKeyword(string keyword)
    {
        var name = Normalize(keyword);
        return name.Contains("password") || name.Contains("passwd") || name.Contains("secret") || name.Contains("token")
               || name.EndsWith("pwd", StringComparison.Ordinal) || name.EndsWith("psw", StringComparison.Ordinal);
    }

    /// <summary>
    /// A whole connection string (key=value or <c>postgres://</c> URL) with every secret replaced by
    /// <see cref="Hidden"/> and everything else as written. A string the grammar cannot read is masked as
    /// free text, which masks more.
    /// </summary>
    public static string MaskConnectionString(string connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return connectionString;
        }

        string masked;
        if (IsUrl(connectionString))
        {
            masked = MaskUrls(connectionString);
            masked = MaskKeyValues(masked);
        }
        else if (TryReadPairs(connectionString, out var pairs) && !HasStrayKey(pairs))
        {
            var builder = new StringBuilder(connectionString.Length);
            var position = 0;
            foreach (var pair in pairs.Where(p => IsSecretKeyword(p.Key) && !IsPlaceholder(p.Value)))
            {
                builder.Append(connectionString, position, pair.ValueStart - position).Append(Hidden);
                position = pair.ValueStart + pair.ValueLength;
            }

            masked = builder.Append(connectionString, position, connectionString.Length - position).ToString();
        }
        else
        {
            return MaskText(connectionString);
        }

        return MaskKnownSecrets(masked);
    }

    /// <summary>
    /// Free text (an exception message, a log line, a stack trace) with every password it may hold
    /// masked: values of secret keywords followed by <c>=</c> (quoted as the grammar reads them, otherwise up
    /// to the <c>;</c> that starts the next key or the end of the line), URL passwords, the pieces provider
    /// messages echo, and every registered secret.
    /// </summary>
    public static string MaskText(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var masked = MaskUrls(text);
        masked = MaskKeyValues(masked);
        masked = MaskEchoedFragments(masked);
        return MaskKnownSecrets(masked);
    }

    /// <summary>
    /// Remembers the secrets of a connection string our code is about to use, so that every output of this
    /// process hides them, whatever the format they are echoed in. Does nothing for a string without one.
    /// </summary>
    public static void RegisterConnectionString(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        var secrets = new List<string>();
        var shown = new List<string>();
        if (IsUrl(connectionString!))
        {
            ReadUrlSecrets(connectionString!.Trim(), secrets, shown);
        }
        else if (TryReadPairs(connectionString!, out var pairs) && !HasStrayKey(pairs))
        {
            foreach (var pair in pairs)
            {
                (IsSecretKeyword(pair.Key) ? secrets : shown).Add(pair.Value);
            }
        }
        else
        {
            // Unreadable (an unquoted ';' in a password): take each secret as far as free text would, and its pieces.
            foreach (var value in SecretValuesInText(connectionString!))
            {
                secrets.Add(value);
                secrets.AddRange(value.Split(';'));
            }
        }

        foreach (var secret in secrets)
        {
            // A secret equal to another value of the string (the user name, the database) is shown with it anyway; hiding it everywhere would only garble output.
            if (!shown.Any(value => string.Equals(value, secret, StringComparison.OrdinalIgnoreCase)))
            {
                RegisterSecret(secret);
            }
        }
    }

    /// <summary>Remembers one secret (see <see cref="RegisterConnectionString"/>).</summary>
    public static void RegisterSecret(string? secret)
    {
        if (secret is null)
        {
            return;
        }

        foreach (var candidate in new[] { secret, secret.Trim() })
        {
            if (candidate.Length < MinimumRegisteredLength || IsPlaceholder(candidate))
            {
                continue;
            }

            var registry = Registry;
            foreach (var form in EchoedForms(candidate))
            {
                registry[form] = 0;
            }
        }
    }

    /// <summary>Replaces every registered secret in <paramref name="text"/>, longest first.</summary>
    public static string MaskKnownSecrets(string text)
    {
        if (string.IsNullOrEmpty(text) || AppDomain.CurrentDomain.GetData(RegistrySlot) is not ConcurrentDictionary<string, byte> registry || registry.IsEmpty)
        {
            return text;
        }

        foreach (var secret in registry.Keys.OrderByDescending(k => k.Length))
        {
            if (text.IndexOf(secret, StringComparison.Ordinal) >= 0)
            {
                text = text.Replace(secret, Hidden);
            }
        }

        return text;
    }

    private static bool HasStrayKey(List<KeyValue> pairs) => pairs.Any(p => p.Key.IndexOf(';') >= 0);

    private static bool IsPlaceholder(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length >= 2 && trimmed[0] is '\'' or '"' && trimmed[trimmed.Length - 1] == trimmed[0])
        {
            trimmed = trimmed.Substring(1, trimmed.Length - 2);
        }

        return trimmed.Length == 0 || Placeholders.Any(p => string.Equals(p, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    // Free text runs an unquoted value to the end of the line: "Password=password. Quote a value…" is our
    // example followed by prose, so its first word decides (a word, then a space or the end).
    private static bool StartsWithPlaceholder(string value)
    {
        var space = value.IndexOf(' ');
        var word = (space < 0 ? value : value.Substring(0, space)).TrimEnd('.', ',', ')', ':');
        return IsPlaceholder(word) && word.Length > 0;
    }

    private static string Normalize(string keyword)
    {
        var builder = new StringBuilder(keyword.Length);
        foreach (var c in keyword)
        {
            if (!char.IsWhiteSpace(c) && c != '_' && c != '-' && c != '.')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
