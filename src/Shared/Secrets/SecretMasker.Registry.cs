using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Cognova.Secrets;

/// <summary>The secrets of connection strings our code resolved, and the forms in which an echo shows them.</summary>
internal static partial class SecretMasker
{
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
}
