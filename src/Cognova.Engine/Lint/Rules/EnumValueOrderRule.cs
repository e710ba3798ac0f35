using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

/// <summary>
/// Npgsql records each enum as a <c>Npgsql:Enum:[schema:]name</c> annotation listing its labels in order, and
/// migrates a change with <c>ALTER TYPE … ADD VALUE [BEFORE | AFTER]</c>, which keeps the model's order. For
/// labels that moved it emits nothing, and PostgreSQL could not move them anyway: that is the hazard. Adding a
/// value before or after another is not one: the existing labels keep their relative order. (A removed label
/// makes Npgsql's generator throw, so such a migration never reaches the rules.)
/// </summary>
public sealed class EnumValueOrderRule : IMigrationRule
{
    private const string Prefix = "Npgsql:Enum:";

    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (context.Operation is not AlterDatabaseOperation alter)
        {
            yield break;
        }

        foreach (var old in alter.OldDatabase.GetAnnotations().Where(a => a.Name.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            if (alter[old.Name] is not string now || old.Value is not string before)
            {
                continue;
            }

            var type = old.Name[Prefix.Length..].Replace(':', '.');
            var oldLabels = Labels(before);
            var newLabels = Labels(now);
            var kept = oldLabels.Where(newLabels.Contains).ToList();
            var keptInNewOrder = newLabels.Where(kept.Contains).ToList();
            if (!kept.SequenceEqual(keptInNewOrder, StringComparer.Ordinal))
            {
                yield return new RuleHit(RuleCatalog.EnumOrder, $"reorders enum type {type} from ({Quoted(kept)}) to ({Quoted(keptInNewOrder)}), which the database does not follow", context.Sql);
            }
        }
    }

    private static List<string> Labels(string annotation) =>
        annotation.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string Quoted(IEnumerable<string> labels) => string.Join(", ", labels.Select(l => $"'{l}'"));
}
