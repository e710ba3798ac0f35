using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

public sealed class ColumnMadeNotNullRule : IMigrationRule
{
    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (context.Operation is AlterColumnOperation alter
            && alter.OldColumn.IsNullable
            && !alter.IsNullable
            && context.IsExistingTable(alter.Schema, alter.Table))
        {
            yield return new RuleHit(RuleCatalog.ColumnMadeRequired, $"makes column {ObjectNames.Column(alter.Schema, alter.Table, alter.Name)} NOT NULL", context.Sql);
        }
    }
}
