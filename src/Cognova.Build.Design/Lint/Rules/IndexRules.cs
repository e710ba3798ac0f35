using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Design.Lint.Rules;

/// <summary>
/// Indexes and unique constraints added to an existing table: uniqueness can fail on existing
/// duplicates (COG2204), and an index built without CONCURRENTLY blocks writes (COG2301).
/// </summary>
public sealed class IndexRules : IMigrationRule
{
    // Npgsql's annotation for IsCreatedConcurrently().
    private const string ConcurrentlyAnnotation = "Npgsql:CreatedConcurrently";

    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        switch (context.Operation)
        {
            case CreateIndexOperation index when context.IsExistingTable(index.Schema, index.Table):
                var target = $"{ObjectNames.Table(index.Schema, index.Table)} ({string.Join(", ", index.Columns)})";
                if (index.IsUnique)
                {
                    yield return new RuleHit(RuleCatalog.UniqueOnExistingTable, $"adds unique index {index.Name} on {target}", context.Sql);
                }

                if (index[ConcurrentlyAnnotation] is not true)
                {
                    yield return new RuleHit(RuleCatalog.IndexWithoutConcurrently, $"creates index {index.Name} on {target} without CONCURRENTLY", context.Sql);
                }

                break;
            case AddUniqueConstraintOperation unique when context.IsExistingTable(unique.Schema, unique.Table):
                yield return new RuleHit(
                    RuleCatalog.UniqueOnExistingTable,
                    $"adds unique constraint {unique.Name} on {ObjectNames.Table(unique.Schema, unique.Table)} ({string.Join(", ", unique.Columns)})",
                    context.Sql);
                break;
        }
    }
}
