using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

/// <summary>
/// Since PostgreSQL 11 a new column with a constant or STABLE default (now()) is added without a
/// rewrite; a VOLATILE default still rewrites the whole table, and so does a stored generated column.
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

        if (context.Operation is AddColumnOperation generated
            && generated["Npgsql:ValueGenerationStrategy"]?.ToString() is "IdentityColumn" or "IdentityAlwaysColumn" or "IdentityByDefaultColumn" or "SerialColumn"
            && generated.DefaultValueSql is null
            && context.IsExistingTable(generated.Schema, generated.Table))
        {
            yield return new RuleHit(
                RuleCatalog.VolatileDefault,
                $"adds generated column {ObjectNames.Column(generated.Schema, generated.Table, generated.Name)}, which takes the next sequence value for every existing row by rewriting the table",
                context.Sql);
        }

        if (context.Operation is AddColumnOperation { ComputedColumnSql: { } computed, IsStored: true } stored
            && context.IsExistingTable(stored.Schema, stored.Table))
        {
            yield return new RuleHit(
                RuleCatalog.VolatileDefault,
                $"adds stored generated column {ObjectNames.Column(stored.Schema, stored.Table, stored.Name)} ({computed}), which PostgreSQL computes for every row by rewriting the table",
                context.Sql);
        }
    }

    [GeneratedRegex(@"\b(random|gen_random_uuid|uuid_generate_v[1-4]|uuid_generate_v1mc|clock_timestamp|timeofday|nextval)\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VolatileFunction();
}
