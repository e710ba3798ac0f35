namespace Cognova.Engine.Lint.Sql;

/// <summary>
/// Reading helpers over significant tokens (whitespace and comments removed): keywords, which are
/// case-insensitive, parenthesized groups, and object names.
/// </summary>
internal static class SqlTokenReader
{
    public static IReadOnlyList<SqlToken> Significant(IEnumerable<SqlToken> tokens) =>
        tokens.Where(t => !t.IsTrivia).ToArray();

    public static bool IsWord(this IReadOnlyList<SqlToken> tokens, int index, string keyword) =>
        index >= 0 && index < tokens.Count && IsWord(tokens[index], keyword);

    public static bool IsWord(SqlToken token, string keyword) =>
        token.Kind == SqlTokenKind.Word && string.Equals(token.Text, keyword, StringComparison.OrdinalIgnoreCase);

    public static bool IsPunctuation(this IReadOnlyList<SqlToken> tokens, int index, string text) =>
        index >= 0 && index < tokens.Count && tokens[index].Kind == SqlTokenKind.Punctuation && tokens[index].Text == text;

    /// <summary>The lower-case keyword at <paramref name="index"/>, or null when that token is not a word.</summary>
    public static string? Keyword(this IReadOnlyList<SqlToken> tokens, int index) =>
        index >= 0 && index < tokens.Count && tokens[index].Kind == SqlTokenKind.Word ? tokens[index].Text.ToLowerInvariant() : null;

    /// <summary>Given the index of a <c>(</c>, the index of its matching <c>)</c>, or the count if it has none.</summary>
    public static int ClosingParenthesis(this IReadOnlyList<SqlToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens.IsPunctuation(i, "("))
            {
                depth++;
            }
            else if (tokens.IsPunctuation(i, ")") && --depth == 0)
            {
                return i;
            }
        }

        return tokens.Count;
    }

    /// <summary>
    /// The index of the first <paramref name="keyword"/> from <paramref name="from"/> on that is not inside
    /// parentheses opened after <paramref name="from"/>, or -1.
    /// </summary>
    public static int IndexOfTopLevelWord(this IReadOnlyList<SqlToken> tokens, int from, string keyword)
    {
        var depth = 0;
        for (var i = from; i < tokens.Count; i++)
        {
            if (tokens.IsPunctuation(i, "("))
            {
                depth++;
            }
            else if (tokens.IsPunctuation(i, ")"))
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && IsWord(tokens[i], keyword))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Reads a possibly qualified name (<c>t</c>, <c>public.t</c>, <c>"Tags"</c>) at <paramref name="index"/>
    /// and moves past it; null, without moving, if there is none. Quotes are removed; unquoted names are
    /// kept as written (not folded to lower case).
    /// </summary>
    public static string? ReadName(this IReadOnlyList<SqlToken> tokens, ref int index)
    {
        if (!IsName(tokens, index))
        {
            return null;
        }

        var name = Unquote(tokens[index]);
        index++;
        while (tokens.IsPunctuation(index, ".") && IsName(tokens, index + 1))
        {
            name += "." + Unquote(tokens[index + 1]);
            index += 2;
        }

        return name;
    }

    /// <summary>The name an identifier token stands for: a quoted one without its quotes and with <c>""</c> undoubled.</summary>
    public static string Unquote(SqlToken token)
    {
        if (token.Kind != SqlTokenKind.QuotedIdentifier)
        {
            return token.Text;
        }

        var text = token.Text;
        var open = text.IndexOf('"');
        var close = text.Length > open + 1 && text[^1] == '"' ? text.Length - 1 : text.Length;
        return text[(open + 1)..close].Replace("\"\"", "\"", StringComparison.Ordinal);
    }

    /// <summary>Tokens [<paramref name="from"/>, <paramref name="to"/>) as one line of text with normalized spacing.</summary>
    public static string Render(this IReadOnlyList<SqlToken> tokens, int from, int to)
    {
        var text = new System.Text.StringBuilder();
        for (var i = from; i < to; i++)
        {
            var glued = i == from || tokens.IsPunctuation(i - 1, "(") || tokens.IsPunctuation(i - 1, ".") ||
                        tokens.IsPunctuation(i, ")") || tokens.IsPunctuation(i, ",") || tokens.IsPunctuation(i, ".");
            text.Append(glued ? "" : " ").Append(tokens[i].Text);
        }

        return text.ToString();
    }

    private static bool IsName(IReadOnlyList<SqlToken> tokens, int index) =>
        index >= 0 && index < tokens.Count && tokens[index].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;
}
