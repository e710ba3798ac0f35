using System;
using System.Collections.Generic;
using System.Text;

namespace Cognova.Secrets;

/// <summary>Reading a key=value connection string with the grammar Npgsql's builder uses.</summary>
internal static partial class SecretMasker
{
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

    /// <summary>One key=value pair: the key as written (trimmed), the value as read, and where the value is written (quotes included).</summary>
    internal readonly struct KeyValue(string key, string value, int valueStart, int valueLength)
    {
        public string Key { get; } = key;

        public string Value { get; } = value;

        public int ValueStart { get; } = valueStart;

        public int ValueLength { get; } = valueLength;
    }
}
