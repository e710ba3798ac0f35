using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

/// <summary>Renamed tables (COG2106) and columns (COG2107): running app versions still use the old names.</summary>
public sealed class RenameRule : IMigrationRule
{
    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        switch (context.Operation)
        {
            case RenameTableOperation table when context.IsExistingTable(table.Schema, table.Name):
                var to = ObjectNames.Table(table.NewSchema ?? table.Schema, table.NewName ?? table.Name);
                yield return new RuleHit(RuleCatalog.RenameTable, $"renames table {ObjectNames.Table(table.Schema, table.Name)} to {to}", context.Sql);
                break;
            case RenameColumnOperation column when context.IsExistingTable(column.Schema, column.Table):
                yield return new RuleHit(RuleCatalog.RenameColumn, $"renames column {ObjectNames.Column(column.Schema, column.Table, column.Name)} to {column.NewName}", context.Sql);
                break;
        }
    }
}
