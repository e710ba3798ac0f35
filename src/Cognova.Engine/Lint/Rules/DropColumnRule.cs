using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

public sealed class DropColumnRule : IMigrationRule
{
    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (context.Operation is DropColumnOperation drop && context.IsExistingTable(drop.Schema, drop.Table))
        {
            yield return new RuleHit(RuleCatalog.DropColumn, $"drops column {ObjectNames.Column(drop.Schema, drop.Table, drop.Name)}", context.Sql);
        }
    }
}
