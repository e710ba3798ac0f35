namespace Cognova.Build.Design.Lint.Sql;

/// <summary>What a raw SQL statement does that can lose data.</summary>
public enum RawSqlHazardKind
{
    /// <summary><c>DELETE FROM t</c> with no top-level <c>WHERE</c>: every row goes.</summary>
    DeleteWithoutWhere,

    /// <summary><c>UPDATE t SET …</c> with no top-level <c>WHERE</c>: every row changes.</summary>
    UpdateWithoutWhere,

    /// <summary><c>TRUNCATE</c> of one or more tables.</summary>
    Truncate,

    /// <summary>Any <c>DROP …</c> statement.</summary>
    Drop,

    /// <summary><c>ALTER TABLE t DROP [COLUMN] c</c>.</summary>
    DropColumn,
}
