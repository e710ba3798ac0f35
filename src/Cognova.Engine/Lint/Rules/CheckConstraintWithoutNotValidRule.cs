using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

public sealed class CheckConstraintWithoutNotValidRule : IMigrationRule
{
    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (context.Operation is AddCheckConstraintOperation check
            && check[RawAnnotations.NotValid] is not true
            && context.IsExistingTable(check.Schema, check.Table))
        {
            var name = string.IsNullOrEmpty(check.Name) ? "" : check.Name + " ";
            yield return new RuleHit(
                RuleCatalog.CheckWithoutNotValid,
                $"adds CHECK constraint {name}({check.Sql}) on existing table {ObjectNames.Table(check.Schema, check.Table)} and validates it at once",
                context.Sql);
        }
    }
}
