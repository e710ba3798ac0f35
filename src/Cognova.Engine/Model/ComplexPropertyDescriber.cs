using Cognova.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cognova.Engine.Model;

/// <summary>
/// The complex properties a type declares (<c>ComplexProperty</c>), nested ones within theirs: their
/// properties are columns of the entity's table, or JSON properties when the complex type is in a JSON column.
/// </summary>
internal static class ComplexPropertyDescriber
{
    public static IReadOnlyList<ComplexPropertyDescription> Describe(
        ITypeBase type, StoreObjectIdentifier? table, bool inJson, IReadOnlyList<DatabaseEnumDescription> databaseEnums)
        => type.GetDeclaredComplexProperties()
            .OrderBy(c => DeclarationOrder.Key(EntityDescriber.Member(c), c.Name))
            .Select(c => Describe(c, table, inJson, databaseEnums))
            .ToList();

    private static ComplexPropertyDescription Describe(
        IComplexProperty complexProperty, StoreObjectIdentifier? table, bool ownerInJson, IReadOnlyList<DatabaseEnumDescription> databaseEnums)
    {
        var complexType = complexProperty.ComplexType;
        var inJson = ownerInJson || complexType.IsMappedToJson();
        // The JSON column is named where the JSON starts; a complex type nested in it shares that column.
        var jsonColumn = !ownerInJson && inJson ? complexType.GetContainerColumnName() : null;
        return new ComplexPropertyDescription
        {
            Name = complexProperty.Name,
            ClrType = ClrTypeNames.Of(complexProperty.ClrType),
            IsNullable = complexProperty.IsNullable,
            IsCollection = complexProperty.IsCollection,
            JsonColumn = jsonColumn,
            JsonColumnType = jsonColumn is null ? null : JsonColumnType(complexType, table, jsonColumn),
            Properties = complexType.GetDeclaredProperties()
                .OrderBy(p => EntityDescriber.ColumnOrder(p, table))
                .Select(p => PropertyDescriber.Describe(p, table, inJson, databaseEnums))
                .ToList(),
            ComplexProperties = Describe(complexType, table, inJson, databaseEnums),
        };
    }

    private static string? JsonColumnType(IComplexType complexType, StoreObjectIdentifier? table, string jsonColumn)
        => complexType.GetContainerColumnType()
           ?? (table is { StoreObjectType: StoreObjectType.Table } t
               ? complexType.Model.GetRelationalModel().FindTable(t.Name, t.Schema)?.FindColumn(jsonColumn)?.StoreType
               : null);
}
