using Cognova.Engine.Lint.Sql;

namespace Cognova.Engine.Lint.Rules;

/// <summary>
/// What only raw SQL in <c>migrationBuilder.Sql(…)</c> does (raw DDL that an operation can express is read into
/// that operation and checked by its rule): DELETE or UPDATE without WHERE, TRUNCATE, and drops of objects
/// EF Core has no operation for. A dropped type or domain is COG2104 like a removed enum; a dropped view,
/// routine or other definition loses no data (COG2205) unless CASCADE takes more with it; a dropped trigger,
/// rule or policy is not flagged (its table and data stay).
/// </summary>
public sealed class RawSqlRule : IMigrationRule
{
    private static readonly HashSet<string> HoldsData = new(StringComparer.Ordinal)
    {
        "DATABASE", "OWNED BY", "EXTENSION", "TABLESPACE", "SERVER", "FOREIGN DATA WRAPPER", "ROLE", "USER", "GROUP",
    };

    private static readonly HashSet<string> Harmless = new(StringComparer.Ordinal)
    {
        "TRIGGER", "EVENT TRIGGER", "RULE", "POLICY", "STATISTICS", "PUBLICATION", "SUBSCRIPTION", "USER MAPPING",
    };

    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (context.Operation is not RawHazardOperation { Hazard: var hazard })
        {
            yield break;
        }

        var rule = hazard.Kind switch
        {
            RawSqlHazardKind.DeleteWithoutWhere => RuleCatalog.DeleteWithoutWhere,
            RawSqlHazardKind.UpdateWithoutWhere => RuleCatalog.UpdateWithoutWhere,
            RawSqlHazardKind.Truncate => RuleCatalog.Truncate,
            RawSqlHazardKind.Drop => DropRule(hazard),
            _ => null,
        };
        if (rule is not null)
        {
            yield return new RuleHit(rule, "runs " + hazard.Summary, hazard.Statement.Text);
        }
    }

    private static RuleInfo? DropRule(RawSqlHazard drop)
    {
        var cascade = drop.Summary.EndsWith(" CASCADE", StringComparison.Ordinal);
        return drop.ObjectKind switch
        {
            "TYPE" or "DOMAIN" => RuleCatalog.DropSequenceOrType,
            var kind when HoldsData.Contains(kind) || cascade => RuleCatalog.RawDrop,
            var kind when Harmless.Contains(kind) => null,
            _ => RuleCatalog.DropDefinition,
        };
    }
}
