using Cognova.Engine.Lint.Sql;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint;

/// <summary>
/// What a migration has done so far, operation by operation: the tables it created (those are not existing
/// tables with rows), the tables it emptied with an unconditional DELETE or TRUNCATE, whether it set a
/// <c>lock_timeout</c>, and the enum values it added inside its transaction. Table names compare without
/// case, and the <c>public</c> schema is the same as no schema, since raw SQL folds unquoted names and EF
/// Core leaves the default schema out.
/// </summary>
public sealed class MigrationState
{
    private readonly HashSet<string> _created = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _emptied = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<AddEnumValueOperation> _enumValuesInTransaction = [];

    public bool WasCreated(string? schema, string table) => _created.Contains(Key(schema, table));

    public bool WasEmptied(string? schema, string table) => _emptied.Contains(Key(schema, table));

    /// <summary>Whether an earlier statement set <c>lock_timeout</c>.</summary>
    public bool LockTimeoutSet { get; private set; }

    /// <summary>Whether the missing <c>lock_timeout</c> was reported already (once per migration is enough).</summary>
    public bool LockTimeoutReported { get; set; }

    /// <summary>Enum values added earlier inside the migration's transaction; PostgreSQL refuses to use them before it commits.</summary>
    public IReadOnlyList<AddEnumValueOperation> EnumValuesInTransaction => _enumValuesInTransaction;

    /// <summary>Whether raw SQL run without EF Core's transaction has begun a transaction of its own that is still open.</summary>
    public bool RawTransactionOpen { get; private set; }

    /// <summary>Records what an operation that has just been checked did.</summary>
    public void Track(OperationContext context)
    {
        switch (context.Operation)
        {
            case RawHazardOperation { Hazard: { Kind: RawSqlHazardKind.TransactionControl } control } when !context.RunsInMigrationTransaction:
                RawTransactionOpen = Rules.TransactionRules.Begins(control);
                break;
            case CreateTableOperation create:
                _created.Add(Key(create.Schema, create.Name));
                break;
            case RawHazardOperation { Hazard.Kind: RawSqlHazardKind.DeleteWithoutWhere or RawSqlHazardKind.Truncate } emptied:
                foreach (var name in emptied.Hazard.Target.Split(", ", StringSplitOptions.RemoveEmptyEntries))
                {
                    _emptied.Add(Key(null, name));
                }

                break;
            case RawHazardOperation { Hazard.Kind: RawSqlHazardKind.SetsLockTimeout }:
                LockTimeoutSet = true;
                break;
            case AddEnumValueOperation added when context.RunsInMigrationTransaction:
                _enumValuesInTransaction.Add(added);
                break;
            case AlterDatabaseOperation:
                // Npgsql adds enum values with ALTER TYPE … ADD VALUE in the migration's transaction.
                _enumValuesInTransaction.AddRange(RawSqlAnalyzer.Read(context.Sql).Select(r => r.Operation).OfType<AddEnumValueOperation>());
                break;
        }
    }

    public static string Key(string? schema, string table)
    {
        var qualified = string.IsNullOrEmpty(schema) ? table : schema + "." + table;
        return qualified.StartsWith("public.", StringComparison.OrdinalIgnoreCase) ? qualified["public.".Length..] : qualified;
    }
}
