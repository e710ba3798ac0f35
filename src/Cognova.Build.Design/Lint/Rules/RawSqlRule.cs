using Cognova.Build.Design.Lint.Sql;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Design.Lint.Rules;

/// <summary>
/// Raw SQL in <c>migrationBuilder.Sql(…)</c>, read by a real PostgreSQL lexer, one statement at a
/// time: DELETE or UPDATE without WHERE, TRUNCATE, DROP …, and ALTER TABLE … DROP COLUMN.
/// </summary>
public sealed class RawSqlRule : IMigrationRule
{
    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (context.Operation is not SqlOperation sql)
        {
            yield break;
        }

        foreach (var hazard in RawSqlAnalyzer.Analyze(sql.Sql))
        {
            var rule = hazard.Kind switch
            {
                RawSqlHazardKind.DeleteWithoutWhere => RuleCatalog.DeleteWithoutWhere,
                RawSqlHazardKind.UpdateWithoutWhere => RuleCatalog.UpdateWithoutWhere,
                RawSqlHazardKind.Truncate => RuleCatalog.Truncate,
                RawSqlHazardKind.DropColumn => RuleCatalog.DropColumn,
                _ => RuleCatalog.RawDrop,
            };
            yield return new RuleHit(rule, "runs " + hazard.Summary, hazard.Statement.Text);
        }
    }
}
