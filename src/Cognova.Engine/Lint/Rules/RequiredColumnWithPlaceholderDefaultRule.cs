using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

/// <summary>
/// EF Core fills a new required column of an existing table with the CLR default (0, '', false,
/// DateTime.MinValue, Guid.Empty): every existing row then holds a value nobody chose. Not flagged when the
/// same migration emptied the table first (an unconditional DELETE or TRUNCATE): there is no row to fill.
/// </summary>
public sealed class RequiredColumnWithPlaceholderDefaultRule : IMigrationRule
{
    private static readonly HashSet<string> PlaceholderSql = new(StringComparer.OrdinalIgnoreCase)
    {
        "0", "''", "false", "'-infinity'", "'00000000-0000-0000-0000-000000000000'", "'0001-01-01 00:00:00'",
    };

    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (context.Operation is AddColumnOperation add
            && !add.IsNullable
            && add.ComputedColumnSql is null
            && context.IsExistingTable(add.Schema, add.Table)
            && !context.IsEmptiedTable(add.Schema, add.Table)
            && IsPlaceholder(add))
        {
            yield return new RuleHit(
                RuleCatalog.RequiredColumnWithPlaceholder,
                $"adds NOT NULL column {ObjectNames.Column(add.Schema, add.Table, add.Name)} whose default {Shown(add)} fills every existing row",
                context.Sql);
        }
    }

    private static bool IsPlaceholder(AddColumnOperation add) => add.DefaultValue switch
    {
        null => add.DefaultValueSql is { } sql && PlaceholderSql.Contains(sql.Trim()),
        string s => s.Length == 0,
        bool b => !b,
        Guid g => g == Guid.Empty,
        DateTime d => d == DateTime.MinValue,
        DateTimeOffset d => d == DateTimeOffset.MinValue,
        DateOnly d => d == DateOnly.MinValue,
        TimeSpan t => t == TimeSpan.Zero,
        var value when value.GetType().IsPrimitive || value is decimal => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture) == 0m,
        _ => false,
    };

    private static string Shown(AddColumnOperation add) => add.DefaultValue switch
    {
        null => add.DefaultValueSql ?? "",
        string s => $"'{s}'",
        bool b => b ? "true" : "false",
        DateTime or DateTimeOffset or DateOnly => "-infinity (the minimum date)",
        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
