namespace Cognova.Engine.Lint.Sql;

/// <summary>Reads what a <c>DROP …</c> statement drops: the kind of object, its names, and its table if it has one.</summary>
internal static class DropStatementReader
{
    // Object kinds of more than one word; any other kind is the single word after DROP.
    private static readonly string[][] MultiWordKinds =
    [
        ["foreign", "data", "wrapper"],
        ["text", "search", "configuration"],
        ["text", "search", "dictionary"],
        ["text", "search", "parser"],
        ["text", "search", "template"],
        ["access", "method"],
        ["event", "trigger"],
        ["foreign", "table"],
        ["materialized", "view"],
        ["operator", "class"],
        ["operator", "family"],
        ["owned", "by"],
        ["procedural", "language"],
        ["user", "mapping"],
    ];

    /// <summary>Reads the significant tokens of a statement that starts with <c>DROP</c>.</summary>
    public static (string Kind, string Target, string Summary) Read(IReadOnlyList<SqlToken> tokens)
    {
        var i = 1;
        var kind = ReadKind(tokens, ref i);
        if (tokens.IsWord(i, "concurrently"))
        {
            i++;
        }

        if (tokens.IsWord(i, "if") && tokens.IsWord(i + 1, "exists"))
        {
            i += 2;
        }

        var cascade = tokens.IsWord(tokens.Count - 1, "cascade");
        var end = cascade || tokens.IsWord(tokens.Count - 1, "restrict") ? tokens.Count - 1 : tokens.Count;

        // These name their object by a phrase (FOR role SERVER s, FOR type LANGUAGE l), not by names.
        var names = kind is "USER MAPPING" or "TRANSFORM" ? [] : ReadNames(tokens, ref i);
        string? table = null;
        if (names.Count > 0 && tokens.IsWord(i, "on"))
        {
            i++;
            table = tokens.ReadName(ref i);
        }

        var target = names.Count > 0 ? string.Join(", ", names) : tokens.Render(i, end);
        var summary = $"DROP {kind} {target}".TrimEnd();
        if (table is not null)
        {
            summary += $" ON {table}";
        }

        return (kind, target, cascade ? summary + " CASCADE" : summary);
    }

    private static string ReadKind(IReadOnlyList<SqlToken> tokens, ref int index)
    {
        foreach (var words in MultiWordKinds)
        {
            var start = index;
            if (words.Select((word, offset) => tokens.IsWord(start + offset, word)).All(matches => matches))
            {
                index += words.Length;
                return string.Join(' ', words).ToUpperInvariant();
            }
        }

        return tokens.Keyword(index++)?.ToUpperInvariant() ?? "";
    }

    /// <summary>A comma-separated list of names, each perhaps followed by a routine's argument list, which is skipped.</summary>
    private static List<string> ReadNames(IReadOnlyList<SqlToken> tokens, ref int index)
    {
        var names = new List<string>();
        while (tokens.ReadName(ref index) is { } name)
        {
            names.Add(name);
            if (tokens.IsPunctuation(index, "("))
            {
                index = tokens.ClosingParenthesis(index) + 1;
            }

            if (!tokens.IsPunctuation(index, ","))
            {
                break;
            }

            index++;
        }

        return names;
    }
}
