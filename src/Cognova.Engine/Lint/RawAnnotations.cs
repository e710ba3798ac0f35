namespace Cognova.Engine.Lint;

/// <summary>
/// Facts of raw SQL that EF Core's operations have no property for, recorded as annotations on the
/// operation a raw statement is read into, so that the operation rules can read them.
/// </summary>
public static class RawAnnotations
{
    /// <summary>Npgsql's own annotation for <c>IsCreatedConcurrently()</c>; raw <c>CREATE INDEX CONCURRENTLY</c> sets it too.</summary>
    public const string Concurrently = "Npgsql:CreatedConcurrently";

    /// <summary>A constraint added with <c>NOT VALID</c>: existing rows are not checked.</summary>
    public const string NotValid = "Cognova:NotValid";

    /// <summary>A constraint added <c>USING INDEX</c> (an index built beforehand, so nothing is scanned).</summary>
    public const string UsingIndex = "Cognova:UsingIndex";

    /// <summary>A column or constraint added with <c>IF NOT EXISTS</c>, or an object dropped with <c>IF EXISTS</c>.</summary>
    public const string Conditional = "Cognova:Conditional";
}
