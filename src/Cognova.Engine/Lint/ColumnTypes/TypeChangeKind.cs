namespace Cognova.Engine.Lint.ColumnTypes;

/// <summary>What changing a PostgreSQL column from one store type to another does to the table and its data.</summary>
public enum TypeChangeKind
{
    /// <summary>The same type once aliases are resolved (<c>int4</c> and <c>integer</c>), or the type is unknown.</summary>
    Same,

    /// <summary>No data loss and no table rewrite: the conversion is binary-coercible or only relaxes a limit, so PostgreSQL just updates the catalog.</summary>
    Safe,

    /// <summary>No data loss, but PostgreSQL rewrites the table (and its indexes) while holding an ACCESS EXCLUSIVE lock.</summary>
    Rewrite,

    /// <summary>Existing values can be truncated, rounded, rejected (failing the migration) or lose information.</summary>
    Lossy,
}
