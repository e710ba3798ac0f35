using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint;

/// <summary>
/// One operation of a migration as a rule sees it: the operation, the SQL the provider generates for it,
/// and what the same migration did before it. A statement of raw SQL is read into the same shapes
/// (<see cref="Sql.DdlStatementReader"/>), with <see cref="RawSource"/> naming the <c>Sql(…)</c> it came from.
/// </summary>
public sealed class OperationContext(
    MigrationOperation operation,
    string sql,
    MigrationState state,
    ColumnStoreTypes? storeTypes = null,
    SqlOperation? rawSource = null,
    int rawStatementCount = 0)
{
    public MigrationOperation Operation { get; } = operation;

    /// <summary>The statement(s) the provider's SQL generator emits for this operation alone, or the raw statement.</summary>
    public string Sql { get; } = sql;

    /// <summary>The store types of columns, where the operation does not spell them out.</summary>
    public ColumnStoreTypes StoreTypes { get; } = storeTypes ?? ColumnStoreTypes.Unknown;

    /// <summary>The <c>migrationBuilder.Sql(…)</c> operation this statement was read from; null for an EF Core operation.</summary>
    public SqlOperation? RawSource { get; } = rawSource;

    /// <summary>How many top-level statements the raw SQL holds (sent as one command).</summary>
    public int RawStatementCount { get; } = rawStatementCount;

    /// <summary>Whether the table exists before this migration runs (it was not created earlier in it).</summary>
    public bool IsExistingTable(string? schema, string? table) => table is not null && !State.WasCreated(schema, table);

    /// <summary>Whether an earlier unconditional DELETE or TRUNCATE of this migration emptied the table.</summary>
    public bool IsEmptiedTable(string? schema, string? table) => table is not null && State.WasEmptied(schema, table);

    /// <summary>What the migration did before this operation.</summary>
    public MigrationState State { get; } = state;

    /// <summary>Whether the statement runs inside the transaction EF Core opens for the migration.</summary>
    public bool RunsInMigrationTransaction => RawSource is not { SuppressTransaction: true };

    public static string TableKey(string? schema, string table) => MigrationState.Key(schema, table);
}
