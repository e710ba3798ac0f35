using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Design.Lint.Rules;

/// <summary>
/// Since PostgreSQL 11 a new column with a constant or STABLE default (now()) is added without a
/// rewrite; a VOLATILE default still rewrites the whole table.
/// </summary>
public sealed partial class VolatileDefaultRule : IMigrationRule
{
    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (context.Operation is AddColumnOperation add
            && add.DefaultValueSql is { } defaultSql
            && VolatileFunction().IsMatch(defaultSql)
            && context.IsExistingTable(add.Schema, add.Table))
        {
            yield return new RuleHit(
                RuleCatalog.VolatileDefault,
                $"adds column {ObjectNames.Column(add.Schema, add.Table, add.Name)} with the volatile default {defaultSql}",
                context.Sql);
        }
    }

    [GeneratedRegex(@"\b(random|gen_random_uuid|uuid_generate_v[1-4]|uuid_generate_v1mc|clock_timestamp|timeofday|nextval)\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VolatileFunction();
}
