using System.Globalization;
using System.Reflection;
using Cognova.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cognova.Engine.Model;

/// <summary>
/// One entity type: where it is stored, the properties, keys, indexes, foreign keys, navigations and check
/// constraints it declares (a derived type's inherited ones are on its base type), each in a fixed order.
/// </summary>
internal static class EntityDescriber
{
    // Npgsql's annotation, read by name as in PropertyDescriber.
    private const string IndexMethodAnnotation = "Npgsql:IndexMethod";

    public static EntityDescription Describe(IEntityType entity, IReadOnlyList<DatabaseEnumDescription> databaseEnums)
    {
        var inJson = entity.IsMappedToJson();
        var table = inJson ? null : StoreObjectIdentifier.Create(entity, StoreObjectType.Table) ?? StoreObjectIdentifier.Create(entity, StoreObjectType.View);
        var primaryKey = entity.FindPrimaryKey();

        return new EntityDescription
        {
            Name = entity.Name,
            ClrName = ClrName(entity),
            ClrType = ClrTypeNames.Of(entity.ClrType),
            Storage = table?.StoreObjectType switch
            {
                StoreObjectType.Table => EntityStorage.Table,
                StoreObjectType.View => EntityStorage.View,
                _ => EntityStorage.None,
            },
            Table = table?.Name,
            Schema = table?.Schema,
            Comment = entity.GetComment(),
            BaseType = entity.BaseType?.Name,
            DiscriminatorValue = entity.FindDiscriminatorProperty() is null ? null : Convert.ToString(entity.GetDiscriminatorValue(), CultureInfo.InvariantCulture),
            IsAbstract = entity.IsAbstract(),
            IsKeyless = primaryKey is null,
            Owned = Ownership(entity, inJson),
            Properties = entity.GetDeclaredProperties()
                .OrderBy(p => ColumnOrder(p, table))
                .Select(p => PropertyDescriber.Describe(p, table, inJson, databaseEnums))
                .ToList(),
            PrimaryKey = primaryKey is null ? null : Key(primaryKey, table),
            AlternateKeys = entity.GetDeclaredKeys().Where(k => !k.IsPrimaryKey())
                .Select(k => Key(k, table))
                .OrderBy(k => k.Name ?? "", StringComparer.Ordinal).ThenBy(k => string.Join(",", k.Properties), StringComparer.Ordinal)
                .ToList(),
            Indexes = entity.GetDeclaredIndexes()
                .Select(i => Index(i, table))
                .OrderBy(i => i.Name ?? "", StringComparer.Ordinal).ThenBy(i => string.Join(",", i.Properties), StringComparer.Ordinal)
                .ToList(),
            ForeignKeys = entity.GetDeclaredForeignKeys()
                .Select(fk => ForeignKeyDescriber.Describe(fk, table))
                .OrderBy(fk => fk.Name ?? "", StringComparer.Ordinal).ThenBy(fk => string.Join(",", fk.Properties), StringComparer.Ordinal)
                .ToList(),
            Navigations = Navigations(entity),
            CheckConstraints = entity.GetDeclaredCheckConstraints()
                .Select(c => new CheckConstraintDescription { Name = c.Name ?? c.ModelName, Sql = c.Sql })
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .ToList(),
            ComplexProperties = ComplexPropertyDescriber.Describe(entity, table, inJson, databaseEnums),
        };
    }

    // A shared-type entity (a many-to-many join without a class, an owned type: Blog.Address#Address) is named by its model name's last part.
    private static string ClrName(IEntityType entity)
    {
        if (entity.HasSharedClrType)
        {
            var name = entity.Name;
            return name[(name.LastIndexOfAny(['.', '#']) + 1)..];
        }

        var simple = entity.ClrType.Name;
        var tick = simple.IndexOf('`');
        return tick < 0 ? simple : simple[..tick];
    }

    private static OwnershipDescription? Ownership(IEntityType entity, bool inJson)
    {
        if (entity.FindOwnership() is not { } ownership)
        {
            return null;
        }

        var jsonColumn = inJson ? entity.GetContainerColumnName() : null;
        return new OwnershipDescription
        {
            Owner = ownership.PrincipalEntityType.Name,
            Navigation = ownership.PrincipalToDependent?.Name ?? "",
            IsCollection = !ownership.IsUnique,
            JsonColumn = jsonColumn,
            JsonColumnType = jsonColumn is null ? null : JsonColumnType(entity, jsonColumn),
        };
    }

    private static string? JsonColumnType(IEntityType entity, string jsonColumn)
    {
        if (entity.GetContainerColumnType() is { } declared)
        {
            return declared;
        }

        var tableName = entity.GetTableName();
        return tableName is null
            ? null
            : entity.Model.GetRelationalModel().FindTable(tableName, entity.GetSchema())?.FindColumn(jsonColumn)?.StoreType;
    }

    /// <summary>
    /// The order EF Core's migrations create the columns in: those with a column order (<c>HasColumnOrder</c>)
    /// first, by it; then the primary key's, in key order; then the rest as declared, shadow properties last.
    /// </summary>
    internal static (int, int, int, int, (int, int, int, string)) ColumnOrder(IProperty property, StoreObjectIdentifier? table)
    {
        var order = table is { } storeObject ? property.GetColumnOrder(storeObject) : property.GetColumnOrder();
        var keyIndex = property.IsPrimaryKey() ? property.DeclaringType.ContainingEntityType.FindPrimaryKey()!.Properties.ToList().IndexOf(property) : -1;
        return (order is null ? 1 : 0, order ?? 0, keyIndex < 0 ? 1 : 0, keyIndex, DeclarationOrder.Key(Member(property), property.Name));
    }

    internal static MemberInfo? Member(IPropertyBase property) => (MemberInfo?)property.PropertyInfo ?? property.FieldInfo;

    private static KeyDescription Key(IKey key, StoreObjectIdentifier? table) => new()
    {
        Name = table is { StoreObjectType: StoreObjectType.Table } constraintTable ? key.GetName(constraintTable) : null,
        Properties = key.Properties.Select(p => p.Name).ToList(),
        Columns = Columns(key.Properties, table),
    };

    private static IndexDescription Index(IIndex index, StoreObjectIdentifier? table) => new()
    {
        Name = table is { } storeObject ? index.GetDatabaseName(storeObject) : index.GetDatabaseName(),
        Properties = index.Properties.Select(p => p.Name).ToList(),
        Columns = Columns(index.Properties, table),
        IsUnique = index.IsUnique,
        Filter = index.GetFilter(),
        Method = index.FindAnnotation(IndexMethodAnnotation)?.Value as string,
    };

    /// <summary>The columns of <paramref name="properties"/> in <paramref name="table"/>; empty when they have none there.</summary>
    internal static IReadOnlyList<string> Columns(IReadOnlyList<IProperty> properties, StoreObjectIdentifier? table)
    {
        if (table is not { } storeObject)
        {
            return [];
        }

        var columns = properties.Select(p => p.GetColumnName(storeObject)).ToList();
        return columns.Any(c => c is null) ? [] : columns.Select(c => c!).ToList();
    }

    private static IReadOnlyList<NavigationDescription> Navigations(IEntityType entity)
    {
        var navigations = entity.GetDeclaredNavigations()
            .Select(n => (Member: Member(n), Description: Navigation(n, n.IsOnDependent, n.ForeignKey, joinEntity: null)));
        var skipNavigations = entity.GetDeclaredSkipNavigations()
            .Select(n => (Member: Member(n), Description: Navigation(n, n.IsOnDependent, n.ForeignKey, n.JoinEntityType.Name)));

        return navigations.Concat(skipNavigations)
            .OrderBy(n => DeclarationOrder.Key(n.Member, n.Description.Name))
            .Select(n => n.Description)
            .ToList();
    }

    private static NavigationDescription Navigation(INavigationBase navigation, bool isOnDependent, IForeignKey foreignKey, string? joinEntity) => new()
    {
        Name = navigation.Name,
        Target = navigation.TargetEntityType.Name,
        IsCollection = navigation.IsCollection,
        IsOnDependent = isOnDependent,
        Inverse = navigation.Inverse?.Name,
        ForeignKeyProperties = foreignKey.Properties.Select(p => p.Name).ToList(),
        JoinEntity = joinEntity,
    };
}
