using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

public sealed class DropTableRule : IMigrationRule
{
    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (context.Operation is DropTableOperation drop)
        {
            yield return new RuleHit(RuleCatalog.DropTable, $"drops table {ObjectNames.Table(drop.Schema, drop.Name)}", context.Sql);
        }
    }
}
