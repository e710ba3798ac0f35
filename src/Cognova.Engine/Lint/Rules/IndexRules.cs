using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

/// <summary>
/// Indexes and unique or primary keys added to an existing table: uniqueness can fail on existing duplicates
/// (COG2204), and an index built without CONCURRENTLY blocks writes (COG2301). A constraint added
/// <c>USING INDEX</c> reuses an index already built and checked. An index dropped without CONCURRENTLY locks
/// its table (COG2305); no data is lost.
/// </summary>
public sealed class IndexRules : IMigrationRule
{
    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        switch (context.Operation)
        {
            case CreateIndexOperation index when context.IsExistingTable(index.Schema, index.Table):
                var target = $"{ObjectNames.Table(index.Schema, index.Table)} ({string.Join(", ", index.Columns)})";
                var name = string.IsNullOrEmpty(index.Name) ? "" : index.Name + " ";
                if (index.IsUnique)
                {
                    yield return new RuleHit(RuleCatalog.UniqueOnExistingTable, $"adds unique index {name}on {target}", context.Sql);
                }

                if (index[RawAnnotations.Concurrently] is not true)
                {
                    yield return new RuleHit(RuleCatalog.IndexWithoutConcurrently, $"creates index {name}on {target} without CONCURRENTLY", context.Sql);
                }

                break;
            case AddUniqueConstraintOperation unique when context.IsExistingTable(unique.Schema, unique.Table) && unique[RawAnnotations.UsingIndex] is not true:
                yield return new RuleHit(
                    RuleCatalog.UniqueOnExistingTable,
                    $"adds unique constraint {unique.Name} on {ObjectNames.Table(unique.Schema, unique.Table)} ({string.Join(", ", unique.Columns)})".Replace("  ", " "),
                    context.Sql);
                break;
            case AddPrimaryKeyOperation key when context.IsExistingTable(key.Schema, key.Table) && key[RawAnnotations.UsingIndex] is not true:
                yield return new RuleHit(
                    RuleCatalog.UniqueOnExistingTable,
                    $"adds primary key {key.Name} on {ObjectNames.Table(key.Schema, key.Table)} ({string.Join(", ", key.Columns)}), building its unique index under a lock".Replace("  ", " "),
                    context.Sql);
                break;
            case DropIndexOperation drop when drop[RawAnnotations.Concurrently] is not true && (drop.Table is null || context.IsExistingTable(drop.Schema, drop.Table)):
                yield return new RuleHit(RuleCatalog.DropIndexWithoutConcurrently, $"drops index {ObjectNames.Table(drop.Schema, drop.Name)} without CONCURRENTLY", context.Sql);
                break;
        }
    }
}
