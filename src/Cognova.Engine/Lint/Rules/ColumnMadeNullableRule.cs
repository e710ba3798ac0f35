using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

public sealed class ColumnMadeNullableRule : IMigrationRule
{
    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (context.Operation is AlterColumnOperation alter
            && !alter.OldColumn.IsNullable
            && alter.IsNullable
            && context.IsExistingTable(alter.Schema, alter.Table))
        {
            yield return new RuleHit(RuleCatalog.ColumnMadeNullable, $"drops NOT NULL from column {ObjectNames.Column(alter.Schema, alter.Table, alter.Name)}", context.Sql);
        }
    }
}
