namespace Cognova.Engine.Lint.Sql;

/// <summary>
/// Splits a SQL text into statements at its <c>;</c> tokens. A <c>;</c> inside a string, a comment or a
/// dollar-quoted body is not a token of its own, so it never splits. Like psql, a <c>;</c> inside
/// parentheses (<c>CREATE RULE … DO (…; …)</c>) or inside the <c>BEGIN ATOMIC … END</c> body of a
/// <c>CREATE FUNCTION</c>/<c>PROCEDURE</c> does not end the statement either.
/// </summary>
public static class SqlStatementSplitter
{
    public static IReadOnlyList<SqlStatement> Split(string sql)
    {
        var tokens = SqlLexer.Tokenize(sql);
        var statements = new List<SqlStatement>();
        var first = 0;
        var parenDepth = 0;
        var atomicDepth = 0;
        var leadingWords = new List<string>(4);

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == SqlTokenKind.Word)
            {
                if (leadingWords.Count < 4)
                {
                    leadingWords.Add(token.Text);
                }

                if (parenDepth == 0 && DefinesRoutine(leadingWords))
                {
                    atomicDepth = TrackAtomicBody(atomicDepth, tokens, i);
                }
            }
            else if (token.Kind == SqlTokenKind.Punctuation)
            {
                switch (token.Text)
                {
                    case "(":
                        parenDepth++;
                        break;
                    case ")":
                        parenDepth = Math.Max(0, parenDepth - 1);
                        break;
                    case ";" when parenDepth == 0 && atomicDepth == 0:
                        Add(sql, tokens, first, i, statements);
                        first = i + 1;
                        leadingWords.Clear();
                        break;
                }
            }
        }

        Add(sql, tokens, first, tokens.Count, statements);
        return statements;
    }

    /// <summary>Adds the statement made of tokens [<paramref name="from"/>, <paramref name="to"/>), unless it is empty.</summary>
    private static void Add(string sql, IReadOnlyList<SqlToken> tokens, int from, int to, List<SqlStatement> statements)
    {
        while (from < to && tokens[from].IsTrivia)
        {
            from++;
        }

        while (to > from && tokens[to - 1].IsTrivia)
        {
            to--;
        }

        if (from == to)
        {
            return;
        }

        var text = sql[tokens[from].Start..tokens[to - 1].End];
        var statementTokens = new SqlToken[to - from];
        for (var i = from; i < to; i++)
        {
            statementTokens[i - from] = tokens[i];
        }

        statements.Add(new SqlStatement(text, tokens[from].Line, statementTokens));
    }

    private static bool DefinesRoutine(List<string> words) =>
        words.Count >= 2 && Is(words[0], "create") &&
        (IsRoutine(words[1]) ||
         (words.Count >= 4 && Is(words[1], "or") && Is(words[2], "replace") && IsRoutine(words[3])));

    private static bool IsRoutine(string word) => Is(word, "function") || Is(word, "procedure");

    /// <summary>
    /// The nesting depth inside a SQL-standard routine body after the word at <paramref name="index"/>:
    /// <c>BEGIN ATOMIC</c> opens it, and each <c>CASE</c> in it opens a level that an <c>END</c> closes.
    /// </summary>
    private static int TrackAtomicBody(int depth, IReadOnlyList<SqlToken> tokens, int index)
    {
        var word = tokens[index].Text;
        if (depth == 0)
        {
            return Is(word, "begin") && Is(NextWord(tokens, index), "atomic") ? 1 : 0;
        }

        if (Is(word, "case"))
        {
            return depth + 1;
        }

        return Is(word, "end") ? depth - 1 : depth;
    }

    private static string? NextWord(IReadOnlyList<SqlToken> tokens, int index)
    {
        for (var i = index + 1; i < tokens.Count; i++)
        {
            if (!tokens[i].IsTrivia)
            {
                return tokens[i].Kind == SqlTokenKind.Word ? tokens[i].Text : null;
            }
        }

        return null;
    }

    private static bool Is(string? word, string keyword) => string.Equals(word, keyword, StringComparison.OrdinalIgnoreCase);
}
