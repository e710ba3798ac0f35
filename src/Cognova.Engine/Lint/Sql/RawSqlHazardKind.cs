namespace Cognova.Engine.Lint.Sql;

/// <summary>What a raw SQL statement does that no EF Core operation expresses, and that a rule looks at.</summary>
public enum RawSqlHazardKind
{
    /// <summary><c>DELETE FROM t</c> with no top-level <c>WHERE</c>: every row goes.</summary>
    DeleteWithoutWhere,

    /// <summary><c>UPDATE t SET …</c> with no top-level <c>WHERE</c>: every row changes.</summary>
    UpdateWithoutWhere,

    /// <summary><c>TRUNCATE</c> of one or more tables.</summary>
    Truncate,

    /// <summary>A <c>DROP …</c> of an object that has no EF Core operation (a view, a function, a type, an extension …).</summary>
    Drop,

    /// <summary><c>BEGIN</c>, <c>START TRANSACTION</c>, <c>COMMIT</c>, <c>END</c>, <c>ROLLBACK</c>, <c>ABORT</c> or <c>PREPARE TRANSACTION</c>.</summary>
    TransactionControl,

    /// <summary>Any other statement (SELECT, INSERT, UPDATE … WHERE …), so that rules reading every statement see it; not a hazard.</summary>
    Other,

    /// <summary><c>SET [LOCAL] lock_timeout …</c> or <c>set_config('lock_timeout', …)</c>: a guard, not a hazard, that a rule looks for.</summary>
    SetsLockTimeout,

    /// <summary>A statement PostgreSQL refuses inside a transaction block: <c>VACUUM</c>, <c>REINDEX … CONCURRENTLY</c>, <c>CREATE DATABASE</c> ….</summary>
    OutsideTransactionOnly,
}
