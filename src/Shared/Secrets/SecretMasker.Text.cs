using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Cognova.Secrets;

/// <summary>Finding connection strings, URLs and echoed fragments in free text.</summary>
internal static partial class SecretMasker
{
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
}
