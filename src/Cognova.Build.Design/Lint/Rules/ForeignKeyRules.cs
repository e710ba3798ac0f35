using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Design.Lint.Rules;

/// <summary>
/// New foreign keys: ON DELETE CASCADE anywhere (COG2203), and a key added to an existing table,
/// which PostgreSQL validates at once under a lock (COG2302).
/// </summary>
public sealed class ForeignKeyRules : IMigrationRule
{
    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        var keys = context.Operation switch
        {
            AddForeignKeyOperation add => [add],
            CreateTableOperation create => create.ForeignKeys,
            _ => [],
        };

        foreach (var key in keys)
        {
            var table = ObjectNames.Table(key.Schema, key.Table);
            var columns = string.Join(", ", key.Columns);
            if (key.OnDelete == ReferentialAction.Cascade)
            {
                yield return new RuleHit(
                    RuleCatalog.CascadeDelete,
                    $"adds foreign key {key.Name} on {table} ({columns}) -> {ObjectNames.Table(key.PrincipalSchema, key.PrincipalTable)} with ON DELETE CASCADE",
                    context.Sql);
            }

            if (context.Operation is AddForeignKeyOperation && context.IsExistingTable(key.Schema, key.Table))
            {
                yield return new RuleHit(RuleCatalog.ForeignKeyWithoutNotValid, $"adds foreign key {key.Name} on existing table {table} ({columns}) and validates it at once", context.Sql);
            }
        }
    }
}
