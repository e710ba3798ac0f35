using Cognova.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cognova.Engine.Model;

/// <summary>
/// A foreign key held by the dependent's table: its constraint as the relational model maps it (none for an
/// owned type in its owner's row), the principal's table and columns, and the delete behaviour.
/// </summary>
internal static class ForeignKeyDescriber
{
    public static ForeignKeyDescription Describe(IForeignKey foreignKey, StoreObjectIdentifier? table)
    {
        // TPC maps one foreign key to a constraint per concrete table: the one on this entity's table, if any.
        var constraints = foreignKey.GetMappedConstraints().ToList();
        var constraint = constraints.FirstOrDefault(c => table is { } t && c.Table.Name == t.Name && c.Table.Schema == t.Schema)
                         ?? constraints.OrderBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        var principal = foreignKey.PrincipalEntityType;
        var principalTable = StoreObjectIdentifier.Create(principal, StoreObjectType.Table);

        return new ForeignKeyDescription
        {
            Name = constraint?.Name,
            Properties = foreignKey.Properties.Select(p => p.Name).ToList(),
            Columns = constraint?.Columns.Select(c => c.Name).ToList() ?? EntityDescriber.Columns(foreignKey.Properties, table),
            PrincipalEntity = principal.Name,
            PrincipalTable = constraint?.PrincipalTable.Name ?? principalTable?.Name,
            PrincipalSchema = constraint is null ? principalTable?.Schema : constraint.PrincipalTable.Schema,
            PrincipalProperties = foreignKey.PrincipalKey.Properties.Select(p => p.Name).ToList(),
            PrincipalColumns = constraint?.PrincipalColumns.Select(c => c.Name).ToList() ?? EntityDescriber.Columns(foreignKey.PrincipalKey.Properties, principalTable),
            OnDelete = foreignKey.DeleteBehavior.ToString(),
            IsRequired = foreignKey.IsRequired,
            IsUnique = foreignKey.IsUnique,
            IsOwnership = foreignKey.IsOwnership,
        };
    }
}
