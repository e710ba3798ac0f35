using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

public sealed class DropSchemaRule : IMigrationRule
{
    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (context.Operation is DropSchemaOperation drop)
        {
            yield return new RuleHit(RuleCatalog.DropSchema, $"drops schema {drop.Name}", context.Sql);
        }
    }
}
