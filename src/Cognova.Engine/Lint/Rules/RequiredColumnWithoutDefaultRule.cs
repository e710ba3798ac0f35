using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

/// <summary>
/// A NOT NULL column with no default, no computed expression and no generated values, added to a table that
/// exists and was not emptied earlier in the migration: PostgreSQL fails on the first existing row.
/// </summary>
public sealed class RequiredColumnWithoutDefaultRule : IMigrationRule
{
    private const string ValueGenerationStrategy = "Npgsql:ValueGenerationStrategy";

    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (context.Operation is AddColumnOperation add
            && !add.IsNullable
            && add.DefaultValue is null
            && string.IsNullOrWhiteSpace(add.DefaultValueSql)
            && add.ComputedColumnSql is null
            && add[ValueGenerationStrategy]?.ToString() is null or "None"
            && context.IsExistingTable(add.Schema, add.Table)
            && !context.IsEmptiedTable(add.Schema, add.Table))
        {
            yield return new RuleHit(
                RuleCatalog.RequiredColumnWithoutDefault,
                $"adds NOT NULL column {ObjectNames.Column(add.Schema, add.Table, add.Name)} without a default to an existing table",
                context.Sql);
        }
    }
}
