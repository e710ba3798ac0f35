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
internal static class SecretMasker
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

    /// <summary>
    /// Reads <paramref name="connectionString"/> with the grammar of <c>DbConnectionStringBuilder</c> (the one
    /// Npgsql's builder uses): <c>key=value</c> pairs separated by <c>;</c>; a key ends at a single <c>=</c>
    /// (<c>==</c> is a literal <c>=</c>), is trimmed and compared without case; a value is either quoted with
    /// <c>'</c> or <c>"</c> (the quote doubled inside) or runs unquoted to the next <c>;</c>, trimmed, and must not
    /// end with a quote. False when the string does not follow the grammar.
    /// </summary>
    internal static bool TryReadPairs(string connectionString, out List<KeyValue> pairs)
    {
        pairs = [];
        var s = connectionString;
        var i = 0;
        while (true)
        {
            while (i < s.Length && (s[i] == ';' || char.IsWhiteSpace(s[i])))
            {
                i++;
            }

            if (i >= s.Length)
            {
                return true;
            }

            var key = new StringBuilder();
            while (true)
            {
                if (i >= s.Length)
                {
                    return false;
                }

                var c = s[i];
                if (c == '=')
                {
                    if (i + 1 < s.Length && s[i + 1] == '=')
                    {
                        key.Append('=');
                        i += 2;
                        continue;
                    }

                    i++;
                    break;
                }

                if (char.IsControl(c) && !char.IsWhiteSpace(c))
                {
                    return false;
                }

                key.Append(c);
                i++;
            }

            var name = key.ToString().Trim();
            if (name.Length == 0)
            {
                return false;
            }

            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            var start = i;
            if (i >= s.Length || s[i] == ';')
            {
                pairs.Add(new KeyValue(name, string.Empty, start, 0));
                continue;
            }

            if (s[i] == '\'' || s[i] == '"')
            {
                var quote = s[i++];
                var value = new StringBuilder();
                while (true)
                {
                    if (i >= s.Length)
                    {
                        return false;
                    }

                    if (s[i] == quote)
                    {
                        if (i + 1 < s.Length && s[i + 1] == quote)
                        {
                            value.Append(quote);
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    value.Append(s[i++]);
                }

                pairs.Add(new KeyValue(name, value.ToString(), start, i - start));
                while (i < s.Length && char.IsWhiteSpace(s[i]))
                {
                    i++;
                }

                if (i < s.Length && s[i] != ';')
                {
                    return false;
                }

                continue;
            }

            if (char.IsControl(s[i]))
            {
                return false;
            }

            while (i < s.Length && s[i] != ';' && !(char.IsControl(s[i]) && !char.IsWhiteSpace(s[i])))
            {
                i++;
            }

            if (i < s.Length && s[i] != ';')
            {
                return false;
            }

            var raw = s.Substring(start, i - start).TrimEnd();
            if (raw[raw.Length - 1] is '\'' or '"')
            {
                return false;
            }

            pairs.Add(new KeyValue(name, raw, start, raw.Length));
        }
    }

    private static ConcurrentDictionary<string, byte> Registry
    {
        get
        {
            var domain = AppDomain.CurrentDomain;
            if (domain.GetData(RegistrySlot) is ConcurrentDictionary<string, byte> existing)
            {
                return existing;
            }

            // The application domain is the one object every copy of this class sees.
            lock (domain)
            {
                if (domain.GetData(RegistrySlot) is not ConcurrentDictionary<string, byte> registry)
                {
                    registry = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
                    domain.SetData(RegistrySlot, registry);
                }

                return registry;
            }
        }
    }

    // The forms a secret takes when it is echoed: URL-encoded, quoted with doubling, inside a JSON string.
    private static IEnumerable<string> EchoedForms(string secret)
    {
        yield return secret;
        if (Escape(secret) is { } encoded)
        {
            yield return encoded;
            yield return encoded.Replace("%20", "+");
        }

        yield return secret.Replace("'", "''");
        yield return secret.Replace("\"", "\"\"");
        yield return JsonEscape(secret, asciiOnly: false);
        yield return JsonEscape(secret, asciiOnly: true);
    }

    // JSON string content: with asciiOnly, as System.Text.Json's default encoder writes it (\uXXXX for
    // anything outside printable ASCII and for " & ' + < > ` \), otherwise with only " \ and controls escaped.
    private static string JsonEscape(string value, bool asciiOnly)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c == '\\' && !asciiOnly)
            {
                builder.Append("\\\\");
            }
            else if (c == '"' && !asciiOnly)
            {
                builder.Append("\\\"");
            }
            else if (c == '\\')
            {
                builder.Append("\\\\");
            }
            else if (c < ' ' || (asciiOnly && (c > '~' || "\"&'+<>`".IndexOf(c) >= 0)))
            {
                builder.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    '\b' => "\\b",
                    '\f' => "\\f",
                    _ => "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
                });
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // An unquoted ';' in a password makes the grammar read the rest of the password as part of a key
    // ("cd;Database"): Npgsql refuses such a string, and the masker reads it as free text, which masks more.
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

    private static bool IsUrl(string text)
    {
        var trimmed = text.TrimStart();
        var separator = trimmed.IndexOf("://", StringComparison.Ordinal);
        return separator > 0 && SchemeStart(trimmed, separator) == 0;
    }

    // Where the URL scheme ending at 'separator' (the index of "://") starts; -1 when there is none.
    private static int SchemeStart(string text, int separator)
    {
        var start = separator;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '+' or '.' or '-') && text[start - 1] < 128)
        {
            start--;
        }

        return start < separator && char.IsLetter(text[start]) ? start : -1;
    }

    // scheme://user:password@host → scheme://user:***@host. The user info ends at the last '@' on the
    // line: a raw '@', '/' or '?' in a password leaves more than one, and masking too far is the safe side.
    private static string MaskUrls(string text)
    {
        var builder = new StringBuilder(text.Length);
        var position = 0;
        var search = 0;
        while (true)
        {
            var separator = text.IndexOf("://", search, StringComparison.Ordinal);
            if (separator < 0)
            {
                break;
            }

            search = separator + 3;
            if (SchemeStart(text, separator) < 0)
            {
                continue;
            }

            var authority = separator + 3;
            var end = LineEnd(text, authority);
            var at = text.LastIndexOf('@', end - 1, Math.Max(0, end - authority));
            if (at < authority)
            {
                continue;
            }

            // The user name runs from "://" to the first ':' and holds no space or URL delimiter ("postgres:// URL" is prose).
            var colon = text.IndexOf(':', authority, at - authority);
            if (colon <= authority || text.IndexOfAny([' ', '\t', '/', '?', '#', '@'], authority, colon - authority) >= 0
                || IsPlaceholder(Unescape(text.Substring(colon + 1, at - colon - 1))))
            {
                continue;
            }

            builder.Append(text, position, colon + 1 - position).Append(Hidden);
            position = at;
            search = at;
        }

        return position == 0 ? text : builder.Append(text, position, text.Length - position).ToString();
    }

    // Every "key=value" whose key is a secret: the value masked as the grammar reads it.
    private static string MaskKeyValues(string text)
    {
        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var (start, length) in SecretValueSpans(text))
        {
            if (start < position)
            {
                continue;
            }

            builder.Append(text, position, start - position).Append(Hidden);
            position = start + length;
        }

        return position == 0 ? text : builder.Append(text, position, text.Length - position).ToString();
    }

    private static IEnumerable<string> SecretValuesInText(string text)
    {
        foreach (var (start, length) in SecretValueSpans(text))
        {
            var value = text.Substring(start, length).Trim();
            if (value.Length >= 2 && value[0] is '\'' or '"' && value[value.Length - 1] == value[0])
            {
                var quote = value[0].ToString();
                value = value.Substring(1, value.Length - 2).Replace(quote + quote, quote);
            }

            yield return value;
        }
    }

    private static IEnumerable<(int Start, int Length)> SecretValueSpans(string text)
    {
        for (var equals = text.IndexOf('='); equals >= 0; equals = equals + 1 < text.Length ? text.IndexOf('=', equals + 1) : -1)
        {
            if (equals > 0 && text[equals - 1] == '=')
            {
                continue;
            }

            var keyStart = equals;
            while (keyStart > 0 && IsKeyCharacter(text[keyStart - 1]))
            {
                keyStart--;
            }

            if (!IsSecretKeyword(text.Substring(keyStart, equals - keyStart)))
            {
                continue;
            }

            var inQuery = keyStart > 0 && text[keyStart - 1] is '?' or '&';
            var valueStart = equals + 1;
            while (valueStart < text.Length && text[valueStart] is ' ' or '\t')
            {
                valueStart++;
            }

            var valueEnd = inQuery ? QueryValueEnd(text, valueStart) : ValueEnd(text, valueStart);
            var value = text.Substring(valueStart, Math.Max(0, valueEnd - valueStart));
            if (value.Length > 0 && !IsPlaceholder(value) && !StartsWithPlaceholder(value))
            {
                yield return (valueStart, valueEnd - valueStart);
                equals = Math.Max(equals, valueEnd - 1);
            }
        }
    }

    private static bool IsKeyCharacter(char c) => char.IsLetterOrDigit(c) || c is ' ' or '\t' or '_' or '-' or '.';

    // A value as the grammar reads it: quoted (doubled quotes inside) or unquoted up to the ';' that starts
    // the next key. A ';' followed by something that is no key belongs to the value (an unquoted ';' in a
    // password), and an unclosed quote runs to the end of the line: both mask more.
    private static int ValueEnd(string text, int start)
    {
        var lineEnd = LineEnd(text, start);
        if (start < lineEnd && text[start] is '\'' or '"')
        {
            var quote = text[start];
            for (var i = start + 1; i < lineEnd; i++)
            {
                if (text[i] != quote)
                {
                    continue;
                }

                if (i + 1 < lineEnd && text[i + 1] == quote)
                {
                    i++;
                    continue;
                }

                return i + 1;
            }

            return lineEnd;
        }

        var end = start;
        while (true)
        {
            var semicolon = text.IndexOf(';', end, lineEnd - end);
            if (semicolon < 0)
            {
                return TrimEndIndex(text, start, lineEnd);
            }

            if (StartsKey(text, semicolon + 1, lineEnd))
            {
                return TrimEndIndex(text, start, semicolon);
            }

            end = semicolon + 1;
        }
    }

    private static int QueryValueEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '&' and not '#' and not ';' and not '\'' and not '"')
        {
            i++;
        }

        return i;
    }

    // True when a key follows: optional spaces, key characters with a letter, then '=' (or nothing more on the line).
    private static bool StartsKey(string text, int start, int lineEnd)
    {
        var i = start;
        var letter = false;
        while (i < lineEnd && IsKeyCharacter(text[i]))
        {
            letter |= char.IsLetter(text[i]);
            i++;
        }

        return (i < lineEnd && text[i] == '=' && letter) || text.Substring(start, i - start).Trim().Length == 0 && i == lineEnd;
    }

    private static int TrimEndIndex(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static int LineEnd(string text, int start)
    {
        var end = text.IndexOfAny(['\n', '\r'], Math.Min(start, text.Length));
        return end < 0 ? text.Length : end;
    }

    // Npgsql names the key it could not set ("Couldn't set cd;database (Parameter 'cd;database')"), other
    // parsers say "Keyword not supported: '...'": after an unquoted ';' in a password, that key is the
    // rest of the password. The piece is masked to the end of its quotes or of the line.
    private static string MaskEchoedFragments(string text)
    {
        foreach (var lead in new[] { "Couldn't set ", "Keyword not supported: ", "keyword not supported: " })
        {
            var search = 0;
            int found;
            while ((found = text.IndexOf(lead, search, StringComparison.Ordinal)) >= 0)
            {
                var start = found + lead.Length;
                var end = LineEnd(text, start);
                var parameter = text.IndexOf(" (Parameter '", start, end - start, StringComparison.Ordinal);
                var masked = parameter >= 0
                    ? Hidden + " (Parameter '" + Hidden + "')"
                    : Hidden;
                if (parameter < 0 && end > start && text[end - 1] == '.')
                {
                    masked += ".";
                }

                text = text.Substring(0, start) + masked + text.Substring(end);
                search = start + masked.Length;
            }
        }

        return text;
    }

    // The password of a URL's user info and its secret query parameters, and the values that are shown.
    private static void ReadUrlSecrets(string url, List<string> secrets, List<string> shown)
    {
        var authority = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var at = url.LastIndexOf('@');
        if (at > authority)
        {
            var userInfo = url.Substring(authority, at - authority);
            var colon = userInfo.IndexOf(':');
            shown.Add(Unescape(colon < 0 ? userInfo : userInfo.Substring(0, colon)));
            if (colon >= 0)
            {
                var password = userInfo.Substring(colon + 1);
                secrets.Add(password);
                secrets.Add(Unescape(password));
            }
        }

        var query = url.IndexOf('?', Math.Max(authority, at));
        if (query < 0)
        {
            return;
        }

        foreach (var parameter in url.Substring(query + 1).Split('&'))
        {
            var equals = parameter.IndexOf('=');
            if (equals > 0)
            {
                var value = Unescape(parameter.Substring(equals + 1));
                (IsSecretKeyword(Unescape(parameter.Substring(0, equals))) ? secrets : shown).Add(value);
            }
        }
    }

    private static string? Escape(string value)
    {
        try
        {
            return Uri.EscapeDataString(value);
        }
        catch (UriFormatException)
        {
            // A lone surrogate: no URL can carry it.
            return null;
        }
    }

    private static string Unescape(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }

    /// <summary>One key=value pair: the key as written (trimmed), the value as read, and where the value is written (quotes included).</summary>
    internal readonly struct KeyValue(string key, string value, int valueStart, int valueLength)
    {
        public string Key { get; } = key;

        public string Value { get; } = value;

        public int ValueStart { get; } = valueStart;

        public int ValueLength { get; } = valueLength;
    }
}

/// <summary>
/// A writer that masks what passes through it (<see cref="SecretMasker.MaskText"/>) a line at a time, so
/// that a key and its value written in two calls are still masked together. Put in front of the console
/// where code we do not control (the application's own logging) may write.
/// </summary>
internal sealed class MaskingTextWriter : TextWriter
{
    private readonly TextWriter inner;
    private readonly StringBuilder _pending = new();
    private readonly object _gate = new();

    public MaskingTextWriter(TextWriter inner)
    {
        this.inner = inner;

        // A last line without a newline is written when the process ends, as the console would have.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Flush();
            }
            catch (Exception e) when (e is ObjectDisposedException or IOException)
            {
                // The stream closed before the process ended: nothing is left to write to.
            }
        };
    }

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _pending.Append(value);
            WriteCompleteLines();
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            _pending.Append(value);
            WriteCompleteLines();
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write(value + CoreNewLineStr);

    public override void WriteLine() => Write(CoreNewLineStr);

    /// <summary>Writes what is buffered (a prompt, a spinner frame), masked on its own.</summary>
    public override void Flush()
    {
        lock (_gate)
        {
            if (_pending.Length > 0)
            {
                inner.Write(SecretMasker.MaskText(_pending.ToString()));
                _pending.Clear();
            }

            inner.Flush();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private string CoreNewLineStr => new(CoreNewLine);

    private void WriteCompleteLines()
    {
        var text = _pending.ToString();
        var lastNewline = text.LastIndexOf('\n');
        if (lastNewline < 0)
        {
            return;
        }

        inner.Write(SecretMasker.MaskText(text.Substring(0, lastNewline + 1)));
        inner.Flush();
        _pending.Clear().Append(text, lastNewline + 1, text.Length - lastNewline - 1);
    }
}
