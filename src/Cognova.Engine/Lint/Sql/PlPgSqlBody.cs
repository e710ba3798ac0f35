namespace Cognova.Engine.Lint.Sql;

/// <summary>
/// Finds the SQL statements a PL/pgSQL block runs. The block is split at its <c>;</c> tokens; each piece
/// is then stripped of the block syntax that can lead it (<c>&lt;&lt;label&gt;&gt;</c>, <c>DECLARE … BEGIN</c>,
/// <c>BEGIN</c>, <c>IF … THEN</c>, <c>ELSIF … THEN</c>, <c>ELSE</c>, <c>CASE … WHEN … THEN</c>,
/// <c>EXCEPTION WHEN … THEN</c>, <c>LOOP</c>, <c>WHILE … LOOP</c>, <c>FOR … LOOP</c>), and what remains is a
/// statement. This is a reading of the block's shape, not a PL/pgSQL parser: it is enough to tell which
/// statements run, not what the control flow around them is.
/// </summary>
internal static class PlPgSqlBody
{
    /// <summary>The significant tokens of each statement in <paramref name="body"/>.</summary>
    public static IEnumerable<IReadOnlyList<SqlToken>> Statements(string body)
    {
        var inDeclareSection = false;
        foreach (var piece in SqlStatementSplitter.Split(body))
        {
            var tokens = SqlTokenReader.Significant(piece.Tokens);
            var start = 0;
            if (inDeclareSection)
            {
                // Declarations (name type [:= value]) run nothing; the section ends at BEGIN.
                start = tokens.IndexOfTopLevelWord(0, "begin");
                if (start < 0)
                {
                    continue;
                }

                inDeclareSection = false;
            }

            start = SkipBlockSyntax(tokens, start, ref inDeclareSection);
            if (start < tokens.Count)
            {
                yield return tokens.Skip(start).ToArray();
            }
        }
    }

    private static int SkipBlockSyntax(IReadOnlyList<SqlToken> tokens, int i, ref bool inDeclareSection)
    {
        while (i < tokens.Count)
        {
            if (IsOperator(tokens, i, "<<") && IsOperator(tokens, i + 2, ">>"))
            {
                i += 3;
                continue;
            }

            switch (tokens.Keyword(i))
            {
                case "begin" or "else" or "loop" or "exception":
                    i++;
                    break;
                case "declare":
                    var begin = tokens.IndexOfTopLevelWord(i + 1, "begin");
                    if (begin < 0)
                    {
                        inDeclareSection = true;
                        return tokens.Count;
                    }

                    i = begin;
                    break;
                case "if" or "elsif" or "elseif" or "when" or "case":
                    i = After(IndexOfThen(tokens, i + 1), tokens);
                    break;
                case "while" or "for" or "foreach":
                    i = After(tokens.IndexOfTopLevelWord(i + 1, "loop"), tokens);
                    break;
                default:
                    return i;
            }
        }

        return i;
    }

    /// <summary>The THEN that ends a condition, skipping those of CASE expressions inside it.</summary>
    private static int IndexOfThen(IReadOnlyList<SqlToken> tokens, int from)
    {
        var caseDepth = 0;
        for (var i = from; i < tokens.Count; i++)
        {
            switch (tokens.Keyword(i))
            {
                case "case":
                    caseDepth++;
                    break;
                case "end" when caseDepth > 0:
                    caseDepth--;
                    break;
                case "then" when caseDepth == 0:
                    return i;
            }
        }

        return -1;
    }

    private static int After(int index, IReadOnlyList<SqlToken> tokens) => index < 0 ? tokens.Count : index + 1;

    private static bool IsOperator(IReadOnlyList<SqlToken> tokens, int index, string text) =>
        index < tokens.Count && tokens[index].Kind == SqlTokenKind.Operator && tokens[index].Text == text;
}
