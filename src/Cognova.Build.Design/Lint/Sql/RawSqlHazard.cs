namespace Cognova.Build.Design.Lint.Sql;

/// <summary>
/// A hazard found in raw SQL. <paramref name="Statement"/> is the top-level statement of the analyzed
/// text (for a hazard inside a <c>DO</c> body or a <c>WITH</c> query, the <c>DO</c> or <c>WITH</c>
/// statement); <paramref name="Target"/> names what it hits (<c>orders</c>, <c>public.tags.color</c>,
/// <c>a, b</c>) and <paramref name="Summary"/> says in a few words what the statement does.
/// </summary>
public sealed record RawSqlHazard(RawSqlHazardKind Kind, SqlStatement Statement, string Target, string Summary);
