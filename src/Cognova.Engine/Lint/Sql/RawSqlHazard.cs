namespace Cognova.Engine.Lint.Sql;

/// <summary>
/// A hazard found in raw SQL. <paramref name="Statement"/> is the top-level statement of the analyzed
/// text (for a hazard inside a <c>DO</c> body or a <c>WITH</c> query, the <c>DO</c> or <c>WITH</c>
/// statement); <paramref name="Target"/> names what it hits (<c>orders</c>, <c>public.tags.color</c>,
/// <c>a, b</c>), <paramref name="Summary"/> says in a few words what the statement does, and for a
/// <c>DROP</c>, <paramref name="ObjectKind"/> is the kind of object in upper case (<c>VIEW</c>, <c>TYPE</c>).
/// </summary>
public sealed record RawSqlHazard(RawSqlHazardKind Kind, SqlStatement Statement, string Target, string Summary, string ObjectKind = "");
