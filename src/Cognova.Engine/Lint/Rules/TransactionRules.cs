using Cognova.Engine.Lint.Sql;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

/// <summary>
/// SQL that fails at deploy because of the transaction it runs in: a statement PostgreSQL refuses inside a
/// transaction block (COG2401), transaction control inside EF Core's own transaction (COG2402), a BEGIN nested
/// in or left open by raw SQL that runs without EF Core's transaction (COG2403), and a new enum value used in
/// the transaction that added it (COG2404). A <c>Sql(…)</c> of several statements is sent as one command, which
/// PostgreSQL runs as one implicit transaction even with <c>suppressTransaction: true</c>.
/// </summary>
public sealed class TransactionRules : IMigrationRule
{
    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (EnumValueUsed(context) is { } used)
        {
            yield return used;
        }

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
            case RawHazardOperation { Hazard: { Kind: RawSqlHazardKind.TransactionControl } hazard } when Begins(hazard):
                if (context.State.RawTransactionOpen)
                {
                    yield return new RuleHit(RuleCatalog.TransactionNesting, $"runs {hazard.Summary} while its own transaction is still open", context.Sql);
                }
                else if (!EndedLater(context.RawSource.Sql, hazard.Statement))
                {
                    yield return new RuleHit(RuleCatalog.TransactionNesting, $"runs {hazard.Summary} and never commits or rolls back in the same Sql call", context.Sql);
                }

                break;
        }
    }

    internal static bool Begins(RawSqlHazard hazard) => hazard.Summary.StartsWith("BEGIN", StringComparison.Ordinal) || hazard.Summary.StartsWith("START", StringComparison.Ordinal);

    private static bool EndedLater(string sql, SqlStatement begin)
    {
        var from = begin.Tokens[0].Start;
        return RawSqlAnalyzer.Read(sql).Any(read =>
            read.Operation is RawHazardOperation { Hazard: { Kind: RawSqlHazardKind.TransactionControl } hazard }
            && !Begins(hazard)
            && read.Statement.Tokens[0].Start > from);
    }

    /// <summary>A string literal in this statement equal to an enum value added earlier in the same transaction.</summary>
    private static RuleHit? EnumValueUsed(OperationContext context)
    {
        var added = context.State.EnumValuesInTransaction;
        if (added.Count == 0 || !context.RunsInMigrationTransaction || context.Operation is AddEnumValueOperation or AlterDatabaseOperation)
        {
            return null;
        }

        var literals = SqlLexer.Tokenize(context.Sql).Where(t => t.Kind is SqlTokenKind.String).Select(SqlLiteral.Content).ToHashSet(StringComparer.Ordinal);
        var value = added.FirstOrDefault(v => literals.Contains(v.Value));
        return value is null
            ? null
            : new RuleHit(RuleCatalog.EnumValueUsedInTransaction, $"uses '{value.Value}', added to enum type {ObjectNames.Table(value.Schema, value.Type)} earlier in the same transaction", context.Sql);
    }
}
