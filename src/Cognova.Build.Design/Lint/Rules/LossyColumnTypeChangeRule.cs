using Cognova.Build.Design.Lint.ColumnTypes;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Design.Lint.Rules;

/// <summary>A column type change that can lose or reject data (COG2105), or that only rewrites the table (COG2303).</summary>
public sealed class LossyColumnTypeChangeRule : IMigrationRule
{
    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (context.Operation is not AlterColumnOperation alter || !context.IsExistingTable(alter.Schema, alter.Table))
        {
            yield break;
        }

        var change = ColumnTypeChange.Classify(alter.OldColumn.ColumnType, alter.ColumnType);
        var column = ObjectNames.Column(alter.Schema, alter.Table, alter.Name);
        if (change.Kind == TypeChangeKind.Lossy)
        {
            yield return new RuleHit(RuleCatalog.LossyTypeChange, $"changes column {column} from {change.OldType} to {change.NewType} ({change.Reason})", context.Sql);
        }
        else if (change.Kind == TypeChangeKind.Rewrite)
        {
            yield return new RuleHit(RuleCatalog.TableRewrite, $"changes column {column} from {change.OldType} to {change.NewType}, which rewrites {ObjectNames.Table(alter.Schema, alter.Table)} ({change.Reason})", context.Sql);
        }
    }
}
