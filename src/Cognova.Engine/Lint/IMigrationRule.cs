namespace Cognova.Engine.Lint;

/// <summary>A check of one migration operation. Rules are small, stateless and live under <c>Rules/</c>.</summary>
public interface IMigrationRule
{
    IEnumerable<RuleHit> Check(OperationContext context);
}
