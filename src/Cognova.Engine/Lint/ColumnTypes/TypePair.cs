namespace Cognova.Engine.Lint.ColumnTypes;

/// <summary>
/// One type change being classified: the parsed types and the texts the reason names them by.
/// Every reason starts "old -> new" and goes on with what the change does.
/// </summary>
internal sealed record TypePair(PostgresType From, PostgresType To, string OldText, string NewText)
{
    internal const string RewriteConsequence = "; PostgreSQL rewrites the table and its indexes, holding an ACCESS EXCLUSIVE lock meanwhile";

    public TypeChange Same(string why) => Make(TypeChangeKind.Same, why);

    public TypeChange Safe(string why) => Make(TypeChangeKind.Safe, why);

    /// <summary>A rewrite; the reason gets the standard sentence about the rewrite and the lock appended.</summary>
    public TypeChange Rewrite(string why) => Make(TypeChangeKind.Rewrite, why + RewriteConsequence);

    public TypeChange Lossy(string why) => Make(TypeChangeKind.Lossy, why);

    public TypeChange Make(TypeChangeKind kind, string why) => new(kind, OldText, NewText, $"{OldText} -> {NewText} {why}");
}
