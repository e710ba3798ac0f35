namespace Cognova.Engine.Lint.Sql;

/// <summary>
/// One statement of a SQL text: its exact source text from its first to its last significant token
/// (leading and trailing comments and whitespace, and the closing <c>;</c>, left out), the line it
/// starts on, and its tokens (the comments and whitespace between significant tokens included).
/// </summary>
public sealed record SqlStatement(string Text, int StartLine, IReadOnlyList<SqlToken> Tokens);
