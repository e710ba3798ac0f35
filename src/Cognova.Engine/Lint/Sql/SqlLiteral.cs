using System.Text;

namespace Cognova.Engine.Lint.Sql;

/// <summary>The value of a string or dollar-quoted literal token: the text the server would see.</summary>
internal static class SqlLiteral
{
    public static string Content(SqlToken token) => token.Kind switch
    {
        SqlTokenKind.DollarString => DollarContent(token.Text),
        SqlTokenKind.String => QuotedContent(token.Text),
        _ => token.Text,
    };

    private static string DollarContent(string text)
    {
        var open = text.IndexOf('$', 1) + 1;
        var closed = text.Length >= 2 * open && text.EndsWith(text[..open], StringComparison.Ordinal);
        return closed ? text[open..^open] : text[open..];
    }

    /// <summary>
    /// Undoubles <c>''</c>; in an <c>E'…'</c> string also decodes backslash escapes, except the octal,
    /// hexadecimal and Unicode forms, which only keep the character after the backslash. Unicode escapes
    /// of <c>U&amp;'…'</c> are not decoded either: neither matters for finding keywords.
    /// </summary>
    private static string QuotedContent(string text)
    {
        var quote = text.IndexOf('\'');
        var backslashEscapes = quote == 1 && text[0] is 'E' or 'e';
        var value = new StringBuilder(text.Length);
        var i = quote + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\'')
            {
                if (i + 1 >= text.Length || text[i + 1] != '\'')
                {
                    break;
                }

                value.Append('\'');
                i += 2;
            }
            else if (backslashEscapes && c == '\\' && i + 1 < text.Length)
            {
                value.Append(text[i + 1] switch
                {
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'b' => '\b',
                    'f' => '\f',
                    var other => other,
                });
                i += 2;
            }
            else
            {
                value.Append(c);
                i++;
            }
        }

        return value.ToString();
    }
}
