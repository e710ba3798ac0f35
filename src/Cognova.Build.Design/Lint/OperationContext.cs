using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Design.Lint;

/// <summary>
/// One operation of a migration as a rule sees it: the operation, the SQL the provider generates
/// for it, and which tables the same migration created before it (those are not "existing" tables).
/// </summary>
public sealed class OperationContext(MigrationOperation operation, string sql, IReadOnlySet<string> tablesCreatedEarlier)
{
    public MigrationOperation Operation { get; } = operation;

    /// <summary>The statement(s) the provider's SQL generator emits for this operation alone.</summary>
    public string Sql { get; } = sql;

    /// <summary>Whether the table exists before this migration runs (it was not created earlier in it).</summary>
    public bool IsExistingTable(string? schema, string? table)
        => table is not null && !tablesCreatedEarlier.Contains(TableKey(schema, table));

    public static string TableKey(string? schema, string table) => string.IsNullOrEmpty(schema) ? table : schema + "." + table;
}
