using Cognova.Build.Design.Lint.Sql;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Design.Lint.Rules;

/// <summary>
/// Raw SQL that fails at deploy because of the transaction it runs in: a statement PostgreSQL refuses inside a
/// transaction block (COG2401), and transaction control inside EF Core's own transaction (COG2402). A
/// <c>Sql(…)</c> of several statements is sent as one command, which PostgreSQL runs as one implicit
/// transaction even with <c>suppressTransaction: true</c>.
/// </summary>
public sealed class TransactionRules : IMigrationRule
{
    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (context.RawSource is null)
        {
            yield break;
        }

        var inTransaction = context.RunsInMigrationTransaction || context.RawStatementCount > 1;
        var why = context.RunsInMigrationTransaction ? "inside the migration's transaction" : "together with other statements in one Sql call";
        switch (context.Operation)
        {
            case CreateIndexOperation index when inTransaction && index[RawAnnotations.Concurrently] is true:
                yield return new RuleHit(RuleCatalog.ConcurrentlyInTransaction, $"runs CREATE INDEX CONCURRENTLY on {ObjectNames.Table(index.Schema, index.Table)} {why}", context.Sql);
                break;
            case DropIndexOperation index when inTransaction && index[RawAnnotations.Concurrently] is true:
                yield return new RuleHit(RuleCatalog.ConcurrentlyInTransaction, $"runs DROP INDEX CONCURRENTLY {ObjectNames.Table(index.Schema, index.Name)} {why}", context.Sql);
                break;
            case RawHazardOperation { Hazard: { Kind: RawSqlHazardKind.OutsideTransactionOnly } hazard } when inTransaction:
                yield return new RuleHit(RuleCatalog.ConcurrentlyInTransaction, $"runs {hazard.Summary} {why}", context.Sql);
                break;
            case RawHazardOperation { Hazard: { Kind: RawSqlHazardKind.TransactionControl } hazard } when context.RunsInMigrationTransaction:
                yield return new RuleHit(RuleCatalog.TransactionControl, $"runs {hazard.Summary} inside the migration's transaction", context.Sql);
                break;
        }
    }
}
