using Cognova.Engine.Lint.Sql;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

/// <summary>
/// The first statement of a migration that takes an ACCESS EXCLUSIVE (or SHARE ROW EXCLUSIVE) lock on an existing
/// table while no earlier statement set <c>lock_timeout</c>. Reported once per migration: one guard at the start
/// covers every statement after it. <c>CREATE TABLE</c>, concurrent index builds and row-level DML are not strong locks.
/// </summary>
public sealed class LockTimeoutMissingRule : IMigrationRule
{
    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (context.State.LockTimeoutSet || context.State.LockTimeoutReported || StrongLockTable(context) is not { } table)
        {
            yield break;
        }

        context.State.LockTimeoutReported = true;
        yield return new RuleHit(RuleCatalog.LockTimeoutMissing, $"locks existing table {table} with no lock_timeout set before it", context.Sql);
    }

    private static string? StrongLockTable(OperationContext context)
    {
        var (schema, table) = context.Operation switch
        {
            CreateIndexOperation index when index[RawAnnotations.Concurrently] is not true => (index.Schema, index.Table),
            DropIndexOperation index when index[RawAnnotations.Concurrently] is not true => (index.Schema, index.Table ?? index.Name),
            AddColumnOperation o => (o.Schema, o.Table),
            AlterColumnOperation o => (o.Schema, o.Table),
            DropColumnOperation o => (o.Schema, o.Table),
            RenameColumnOperation o => (o.Schema, o.Table),
            RenameTableOperation o => (o.Schema, o.Name),
            DropTableOperation o => (o.Schema, o.Name),
            AddForeignKeyOperation o => (o.Schema, o.Table),
            AddPrimaryKeyOperation o => (o.Schema, o.Table),
            AddUniqueConstraintOperation o => (o.Schema, o.Table),
            AddCheckConstraintOperation o => (o.Schema, o.Table),
            DropForeignKeyOperation o => (o.Schema, o.Table),
            DropPrimaryKeyOperation o => (o.Schema, o.Table),
            DropUniqueConstraintOperation o => (o.Schema, o.Table),
            DropCheckConstraintOperation o => (o.Schema, o.Table),
            AlterTableOperation o => (o.Schema, o.Name),
            RawHazardOperation { Hazard: { Kind: RawSqlHazardKind.Truncate } hazard } => (null, hazard.Target),
            _ => ((string?)null, (string?)null),
        };
        return table is not null && context.IsExistingTable(schema, table) ? ObjectNames.Table(schema, table) : null;
    }
}
