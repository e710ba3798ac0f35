namespace Cognova.Engine.Lint.Sql;

/// <summary>
/// Reads one top-level statement for <see cref="RawSqlAnalyzer"/>: DDL into EF Core operations
/// (<see cref="DdlStatementReader"/>), the rest into hazards. Everything it finds, also in a <c>WITH</c>
/// query or a <c>DO</c> body inside the statement, is attributed to that statement.
/// </summary>
internal sealed class RawSqlStatementReader(SqlStatement statement, List<RawSqlOperation> operations)
{
    // Beyond this depth of DO bodies and WITH queries inside one another, stop reading.
    private const int MaxNesting = 32;

    public void Analyze(IReadOnlyList<SqlToken> tokens, int nesting)
    {
        if (tokens.Count == 0 || nesting > MaxNesting)
        {
            return;
        }

        if (DdlStatementReader.Read(tokens) is { } shaped)
        {
            operations.AddRange(shaped.Select(operation => new RawSqlOperation(operation, statement)));
            return;
        }

        switch (tokens.Keyword(0))
        {
            case "with":
                AnalyzeWith(tokens, nesting);
                break;
            case "delete":
                AnalyzeDelete(tokens);
                break;
            case "update":
                AnalyzeUpdate(tokens);
                break;
            case "truncate":
                AnalyzeTruncate(tokens);
                break;
            case "drop":
                var (kind, target, summary) = DropStatementReader.Read(tokens);
                Add(RawSqlHazardKind.Drop, target, summary, kind);
                break;
            case "do":
                AnalyzeDo(tokens, nesting);
                break;
            // In a DO body BEGIN and END are block syntax; COMMIT and ROLLBACK end the transaction there too.
            case "begin" or "start" or "end" or "abort" when nesting == 0:
            case "commit" or "rollback":
            case "prepare" when tokens.IsWord(1, "transaction"):
                Add(RawSqlHazardKind.TransactionControl, "", tokens.Render(0, Math.Min(tokens.Count, 3)).ToUpperInvariant());
                break;
            case "set" when tokens.IsWord(1, "lock_timeout") || (tokens.Keyword(1) is "local" or "session" && tokens.IsWord(2, "lock_timeout")):
            case "select" when tokens.Any(t => t.Kind == SqlTokenKind.String && SqlLiteral.Content(t) == "lock_timeout") && tokens.Any(t => SqlTokenReader.IsWord(t, "set_config")):
                Add(RawSqlHazardKind.SetsLockTimeout, "", "SET lock_timeout");
                break;
            case "vacuum":
            case "reindex" when tokens.IndexOfTopLevelWord(1, "concurrently") > 0:
            case "create" when tokens.IsWord(1, "database") || tokens.IsWord(1, "tablespace"):
            case "alter" when tokens.IsWord(1, "system"):
                Add(RawSqlHazardKind.OutsideTransactionOnly, "", tokens.Render(0, Math.Min(tokens.Count, 3)).ToUpperInvariant());
                break;
        }
    }

    /// <summary>
    /// <c>WITH [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] (query) [SEARCH …] [CYCLE …], … statement</c>:
    /// each query (a data-modifying one runs too), then the statement.
    /// </summary>
    private void AnalyzeWith(IReadOnlyList<SqlToken> tokens, int nesting)
    {
        var i = tokens.IsWord(1, "recursive") ? 2 : 1;
        while (true)
        {
            var query = QueryOfCommonTableExpression(tokens, ref i);
            if (query is null)
            {
                return;
            }

            Analyze(query, nesting + 1);
            if (!tokens.IsPunctuation(i, ","))
            {
                break;
            }

            i++;
        }

        Analyze(tokens.Skip(i).ToArray(), nesting + 1);
    }

    /// <summary>Reads one <c>name … AS (query) [SEARCH …] [CYCLE …]</c> and returns the query, or null if it is malformed.</summary>
    private static IReadOnlyList<SqlToken>? QueryOfCommonTableExpression(IReadOnlyList<SqlToken> tokens, ref int i)
    {
        i++; // the name
        if (tokens.IsPunctuation(i, "("))
        {
            i = tokens.ClosingParenthesis(i) + 1;
        }

        if (!tokens.IsWord(i++, "as"))
        {
            return null;
        }

        if (tokens.IsWord(i, "not"))
        {
            i++;
        }

        if (tokens.IsWord(i, "materialized"))
        {
            i++;
        }

        if (!tokens.IsPunctuation(i, "("))
        {
            return null;
        }

        var close = tokens.ClosingParenthesis(i);
        var query = tokens.Skip(i + 1).Take(close - i - 1).ToArray();
        i = close + 1;

        // SEARCH … SET column and CYCLE … USING column each end with one name after that keyword.
        if (tokens.IsWord(i, "search"))
        {
            i = AfterNameFollowing(tokens, i, "set");
        }

        if (tokens.IsWord(i, "cycle"))
        {
            i = AfterNameFollowing(tokens, i, "using");
        }

        return query;
    }

    private static int AfterNameFollowing(IReadOnlyList<SqlToken> tokens, int from, string keyword)
    {
        var index = tokens.IndexOfTopLevelWord(from, keyword);
        return index < 0 ? tokens.Count : index + 2;
    }

    /// <summary><c>DELETE FROM [ONLY] t [*] [[AS] alias] [USING …] [WHERE …] [RETURNING …]</c>.</summary>
    private void AnalyzeDelete(IReadOnlyList<SqlToken> tokens)
    {
        var i = 1;
        if (!tokens.IsWord(i++, "from"))
        {
            return;
        }

        var table = ReadTable(tokens, ref i);
        if (table is not null && tokens.IndexOfTopLevelWord(i, "where") < 0)
        {
            Add(RawSqlHazardKind.DeleteWithoutWhere, table, $"DELETE FROM {table} without WHERE");
        }
    }

    /// <summary><c>UPDATE [ONLY] t [*] [[AS] alias] SET … [FROM …] [WHERE …] [RETURNING …]</c>.</summary>
    private void AnalyzeUpdate(IReadOnlyList<SqlToken> tokens)
    {
        var i = 1;
        var table = ReadTable(tokens, ref i);
        if (table is not null && tokens.IndexOfTopLevelWord(i, "where") < 0)
        {
            Add(RawSqlHazardKind.UpdateWithoutWhere, table, $"UPDATE {table} without WHERE");
        }
    }

    /// <summary><c>TRUNCATE [TABLE] [ONLY] t [*] [, …] [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE | RESTRICT]</c>.</summary>
    private void AnalyzeTruncate(IReadOnlyList<SqlToken> tokens)
    {
        var i = tokens.IsWord(1, "table") ? 2 : 1;
        var tables = new List<string>();
        while (ReadTable(tokens, ref i) is { } table)
        {
            tables.Add(table);
            if (!tokens.IsPunctuation(i, ","))
            {
                break;
            }

            i++;
        }

        if (tables.Count == 0)
        {
            return;
        }

        var target = string.Join(", ", tables);
        var cascade = tokens.IsWord(tokens.Count - 1, "cascade") ? " CASCADE" : "";
        Add(RawSqlHazardKind.Truncate, target, $"TRUNCATE {target}{cascade}");
    }

    /// <summary>
    /// <c>DO [LANGUAGE l] code [LANGUAGE l]</c>: the code, when it is PL/pgSQL (the default), is read
    /// statement by statement.
    /// </summary>
    private void AnalyzeDo(IReadOnlyList<SqlToken> tokens, int nesting)
    {
        string? code = null;
        var language = "plpgsql";
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens.IsWord(i, "language") && i + 1 < tokens.Count)
            {
                language = tokens[i + 1].Kind == SqlTokenKind.String
                    ? SqlLiteral.Content(tokens[i + 1])
                    : SqlTokenReader.Unquote(tokens[i + 1]);
                i++;
            }
            else if (tokens[i].Kind is SqlTokenKind.String or SqlTokenKind.DollarString)
            {
                code ??= SqlLiteral.Content(tokens[i]);
            }
        }

        if (code is null || !string.Equals(language, "plpgsql", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        foreach (var statement in PlPgSqlBody.Statements(code))
        {
            Analyze(statement, nesting + 1);
        }
    }

    /// <summary>Reads <c>[ONLY] name [*]</c>.</summary>
    private static string? ReadTable(IReadOnlyList<SqlToken> tokens, ref int i)
    {
        var start = i;
        if (tokens.IsWord(i, "only"))
        {
            i++;
        }

        var name = tokens.ReadName(ref i);
        if (name is null)
        {
            i = start;
            return null;
        }

        if (i < tokens.Count && tokens[i].Kind == SqlTokenKind.Operator && tokens[i].Text == "*")
        {
            i++;
        }

        return name;
    }

    private void Add(RawSqlHazardKind kind, string target, string summary, string objectKind = "") =>
        operations.Add(new RawSqlOperation(new RawHazardOperation(new RawSqlHazard(kind, statement, target, summary, objectKind)), statement));
}
