namespace Cognova.Engine.Lint.Sql;

/// <summary>
/// Splits PostgreSQL text into tokens where the server's own lexer draws their boundaries, so that
/// a keyword inside a comment, a string or a dollar-quoted body is never mistaken for SQL.
/// Every character belongs to exactly one token: joining the token texts gives the input back.
/// Malformed input never throws; an unterminated comment, string or identifier runs to the end.
/// </summary>
public static class SqlLexer
{
    private const string PunctuationChars = ";(),.[]";
    private const string OperatorChars = "+-*/<>=~!@#%^&|`?:";

    public static IReadOnlyList<SqlToken> Tokenize(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);

        var tokens = new List<SqlToken>();
        var line = 1;
        var start = 0;
        while (start < sql.Length)
        {
            var (kind, end) = Scan(sql, start);
            tokens.Add(new SqlToken(kind, sql[start..end], start, line));
            line += CountLineBreaks(sql, start, end);
            start = end;
        }

        return tokens;
    }

    private static (SqlTokenKind Kind, int End) Scan(string s, int i)
    {
        var c = s[i];
        var next = At(s, i + 1);

        if (IsSpace(c))
        {
            return (SqlTokenKind.Whitespace, ScanWhile(s, i, IsSpace));
        }

        if (StartsComment(s, i))
        {
            return (SqlTokenKind.Comment, c == '-' ? EndOfLineComment(s, i) : EndOfBlockComment(s, i));
        }

        switch (c)
        {
            case '\'':
                return (SqlTokenKind.String, EndOfQuoted(s, i, backslashEscapes: false));
            case '"':
                return (SqlTokenKind.QuotedIdentifier, EndOfQuoted(s, i, backslashEscapes: false));
            case 'E' or 'e' when next == '\'':
                return (SqlTokenKind.String, EndOfQuoted(s, i + 1, backslashEscapes: true));
            case 'B' or 'b' or 'X' or 'x' or 'N' or 'n' when next == '\'':
                return (SqlTokenKind.String, EndOfQuoted(s, i + 1, backslashEscapes: false));
            case 'U' or 'u' when next == '&' && At(s, i + 2) is '\'' or '"':
                var kind = At(s, i + 2) == '"' ? SqlTokenKind.QuotedIdentifier : SqlTokenKind.String;
                return (kind, EndOfQuoted(s, i + 2, backslashEscapes: false));
            case '$':
                return ScanDollar(s, i);
        }

        // The second dot of a PL/pgSQL range "1..10" does not start a number ".10".
        if (IsDigit(c) || (c == '.' && IsDigit(next) && (i == 0 || s[i - 1] != '.')))
        {
            return (SqlTokenKind.Number, EndOfNumber(s, i));
        }

        if (IsIdentifierStart(c))
        {
            return (SqlTokenKind.Word, ScanWhile(s, i + 1, IsIdentifierPart));
        }

        if (PunctuationChars.Contains(c))
        {
            return (SqlTokenKind.Punctuation, i + 1);
        }

        if (OperatorChars.Contains(c))
        {
            return (SqlTokenKind.Operator, EndOfOperator(s, i));
        }

        // Anything else (a lone backslash, a brace) is not SQL; keep it as a one-character token.
        return (SqlTokenKind.Operator, i + 1);
    }

    private static bool StartsComment(string s, int i) =>
        (s[i] == '-' && At(s, i + 1) == '-') || (s[i] == '/' && At(s, i + 1) == '*');

    private static int EndOfLineComment(string s, int i)
    {
        var end = s.IndexOfAny(['\r', '\n'], i);
        return end < 0 ? s.Length : end;
    }

    private static int EndOfBlockComment(string s, int i)
    {
        // PostgreSQL, unlike the SQL standard's other dialects, nests block comments.
        var depth = 0;
        while (i < s.Length)
        {
            if (s[i] == '/' && At(s, i + 1) == '*')
            {
                depth++;
                i += 2;
            }
            else if (s[i] == '*' && At(s, i + 1) == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return s.Length;
    }

    /// <summary>The end of a literal whose opening quote (<c>'</c> or <c>"</c>) is at <paramref name="open"/>.</summary>
    private static int EndOfQuoted(string s, int open, bool backslashEscapes)
    {
        var quote = s[open];
        var i = open + 1;
        while (i < s.Length)
        {
            if (backslashEscapes && s[i] == '\\')
            {
                i += 2;
            }
            else if (s[i] == quote)
            {
                if (At(s, i + 1) != quote)
                {
                    return i + 1;
                }

                i += 2;
            }
            else
            {
                i++;
            }
        }

        return s.Length;
    }

    private static (SqlTokenKind Kind, int End) ScanDollar(string s, int i)
    {
        if (IsDigit(At(s, i + 1)))
        {
            return (SqlTokenKind.Parameter, ScanWhile(s, i + 1, IsDigit));
        }

        var tagEnd = IsIdentifierStart(At(s, i + 1)) ? ScanWhile(s, i + 1, IsTagPart) : i + 1;
        if (At(s, tagEnd) != '$')
        {
            return (SqlTokenKind.Operator, i + 1);
        }

        // Only the same tag closes the string, so $outer$ … $inner$ … $inner$ … $outer$ nests.
        var delimiter = s[i..(tagEnd + 1)];
        var close = s.IndexOf(delimiter, tagEnd + 1, StringComparison.Ordinal);
        return (SqlTokenKind.DollarString, close < 0 ? s.Length : close + delimiter.Length);
    }

    private static int EndOfNumber(string s, int i)
    {
        if (s[i] == '0' && At(s, i + 1) is 'x' or 'X' or 'o' or 'O' or 'b' or 'B' && char.IsAsciiLetterOrDigit(At(s, i + 2)))
        {
            return ScanWhile(s, i + 2, c => char.IsAsciiLetterOrDigit(c) || c == '_');
        }

        i = EndOfDigits(s, i);

        // "1..10" (a PL/pgSQL range) is the number 1 followed by "..", not "1." and ".10".
        if (At(s, i) == '.' && At(s, i + 1) != '.')
        {
            i = EndOfDigits(s, i + 1);
        }

        if (At(s, i) is 'e' or 'E')
        {
            var exponent = At(s, i + 1) is '+' or '-' ? i + 2 : i + 1;
            if (IsDigit(At(s, exponent)))
            {
                i = EndOfDigits(s, exponent);
            }
        }

        return i;
    }

    private static int EndOfDigits(string s, int i)
    {
        while (IsDigit(At(s, i)) || (At(s, i) == '_' && IsDigit(At(s, i + 1))))
        {
            i++;
        }

        return i;
    }

    private static int EndOfOperator(string s, int i)
    {
        // A comment start ends an operator: "a=--x" is "a", "=", a comment.
        while (i < s.Length && OperatorChars.Contains(s[i]) && !StartsComment(s, i))
        {
            i++;
        }

        return i;
    }

    private static int CountLineBreaks(string s, int start, int end)
    {
        var count = 0;
        for (var i = start; i < end; i++)
        {
            if (s[i] == '\n' || (s[i] == '\r' && At(s, i + 1) != '\n'))
            {
                count++;
            }
        }

        return count;
    }

    private static int ScanWhile(string s, int i, Func<char, bool> predicate)
    {
        while (i < s.Length && predicate(s[i]))
        {
            i++;
        }

        return i;
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    // PostgreSQL's whitespace, and its identifier characters: ASCII letters, '_', and any non-ASCII character.
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    private static bool IsTagPart(char c) => IsIdentifierStart(c) || IsDigit(c);

    private static bool IsIdentifierPart(char c) => IsTagPart(c) || c == '$';
}
