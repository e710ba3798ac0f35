namespace Cognova.Engine.Lint.Sql;

/// <summary>
/// One token of SQL text. <paramref name="Start"/> is the offset of its first character in the
/// text that was tokenized, <paramref name="Line"/> the 1-based line that character is on.
/// </summary>
public readonly record struct SqlToken(SqlTokenKind Kind, string Text, int Start, int Line)
{
    /// <summary>The offset just past the token's last character.</summary>
    public int End => Start + Text.Length;

    /// <summary>Whitespace and comments: what a reader of keywords skips.</summary>
    public bool IsTrivia => Kind is SqlTokenKind.Whitespace or SqlTokenKind.Comment;
}
