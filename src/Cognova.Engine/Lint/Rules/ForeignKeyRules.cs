using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

/// <summary>
/// Foreign keys added to an existing table: ON DELETE CASCADE (COG2203; also a key re-added with a changed
/// delete behaviour, which EF Core writes as DropForeignKey + AddForeignKey), and the validation PostgreSQL
/// runs at once under a lock unless the key is added NOT VALID (COG2302). A key of a brand-new table has no
/// rows to delete or check; choosing its delete behaviour is a design review, not a data risk.
/// </summary>
public sealed class ForeignKeyRules : IMigrationRule
{
    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (context.Operation is not AddForeignKeyOperation key || !context.IsExistingTable(key.Schema, key.Table))
        {
            yield break;
        }

        var table = ObjectNames.Table(key.Schema, key.Table);
        var columns = string.Join(", ", key.Columns);
        var name = string.IsNullOrEmpty(key.Name) ? "" : key.Name + " ";
        if (key.OnDelete == ReferentialAction.Cascade)
        {
            yield return new RuleHit(
                RuleCatalog.CascadeDelete,
                $"adds foreign key {name}on {table} ({columns}) -> {ObjectNames.Table(key.PrincipalSchema, key.PrincipalTable)} with ON DELETE CASCADE",
                context.Sql);
        }

        if (key[RawAnnotations.NotValid] is not true)
        {
            yield return new RuleHit(RuleCatalog.ForeignKeyWithoutNotValid, $"adds foreign key {name}on existing table {table} ({columns}) and validates it at once", context.Sql);
        }
    }
}
