using System.Text.Json;
using Cognova.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cognova.Engine.Model;

/// <summary>One property of an entity type: its CLR side, its column as the provider maps it, how its value is made.</summary>
internal static class PropertyDescriber
{
    // Npgsql's annotation, read by name: the host binds to the application's Npgsql and needs none of its API.
    private const string ValueGenerationStrategyAnnotation = "Npgsql:ValueGenerationStrategy";

    /// <param name="table">The table or view the entity's columns are in; null when it has none of its own.</param>
    /// <param name="inJson">The entity lives in a JSON column: its properties are JSON properties, not columns.</param>
    public static PropertyDescription Describe(
        IProperty property, StoreObjectIdentifier? table, bool inJson, IReadOnlyList<DatabaseEnumDescription> databaseEnums)
    {
        var column = table is { } storeObject && !inJson ? property.FindColumn(storeObject) : null;
        var storeType = column?.StoreType ?? (inJson ? null : property.GetColumnType());
        var converter = property.GetValueConverter() ?? property.FindTypeMapping()?.Converter;
        var computedSql = table is { } computedIn ? property.GetComputedColumnSql(computedIn) : property.GetComputedColumnSql();

        return new PropertyDescription
        {
            Name = property.Name,
            Column = column?.Name,
            ClrType = ClrTypeNames.Of(property.ClrType),
            ProviderClrType = converter is null ? null : ClrTypeNames.Of(converter.ProviderClrType),
            StoreType = storeType,
            IsNullable = property.IsNullable,
            IsColumnNullable = column is not null && column.IsNullable != property.IsNullable ? column.IsNullable : null,
            IsShadow = property.IsShadowProperty(),
            IsConcurrencyToken = property.IsConcurrencyToken,
            IsKey = property.IsPrimaryKey(),
            MaxLength = property.GetMaxLength(),
            Precision = property.GetPrecision(),
            Scale = property.GetScale(),
            IsUnicode = property.IsUnicode(),
            IsFixedLength = property.IsFixedLength(),
            ValueGenerated = ValueGeneration(property.ValueGenerated),
            ValueGenerationStrategy = Strategy(property.FindAnnotation(ValueGenerationStrategyAnnotation)?.Value),
            DefaultValue = DefaultValue(property),
            DefaultValueSql = table is { } defaultIn ? property.GetDefaultValueSql(defaultIn) : property.GetDefaultValueSql(),
            ComputedColumnSql = computedSql,
            IsStored = computedSql is null ? null : property.GetIsStored() ?? false,
            Comment = property.GetComment(),
            Collation = property.GetCollation(),
            Enum = Enum(property, storeType, converter, databaseEnums),
            ElementClrType = ElementType(property) is { } element ? ClrTypeNames.Of(element) : null,
            JsonPropertyName = inJson ? property.GetJsonPropertyName() : null,
        };
    }

    private static ValueGenerationDescription ValueGeneration(ValueGenerated generated) => generated switch
    {
        ValueGenerated.OnAdd => ValueGenerationDescription.OnAdd,
        ValueGenerated.OnUpdate => ValueGenerationDescription.OnUpdate,
        ValueGenerated.OnAddOrUpdate => ValueGenerationDescription.OnAddOrUpdate,
        _ => ValueGenerationDescription.Never,
    };

    // NpgsqlValueGenerationStrategy's names without their "Column" suffix: IdentityByDefault, IdentityAlways, Serial, SequenceHiLo, Sequence.
    private static string? Strategy(object? value)
    {
        var name = value?.ToString();
        if (name is null or "None")
        {
            return null;
        }

        return name.EndsWith("Column", StringComparison.Ordinal) ? name[..^"Column".Length] : name;
    }

    private static JsonElement? DefaultValue(IProperty property)
    {
        // HasDefaultValue(null) is the column's default anyway: left out like no default.
        if (property.FindAnnotation(RelationalAnnotationNames.DefaultValue)?.Value is not { } value || value is DBNull)
        {
            return null;
        }

        // The CLR value as System.Text.Json writes it by default: numbers (an enum's too), strings, ISO 8601 dates.
        return JsonSerializer.SerializeToElement(value, value.GetType());
    }

    /// <summary>The element type of an array or list column (a primitive collection), not of <c>byte[]</c> (bytea).</summary>
    private static Type? ElementType(IProperty property) => property.GetElementType()?.ClrType;

    private static ClrEnumDescription? Enum(
        IProperty property, string? storeType, ValueConverter? converter, IReadOnlyList<DatabaseEnumDescription> databaseEnums)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (type.IsEnum)
        {
            return ClrEnums.Describe(type, converter, storeType, databaseEnums);
        }

        if (property.GetElementType() is not { } element)
        {
            return null;
        }

        var elementType = Nullable.GetUnderlyingType(element.ClrType) ?? element.ClrType;
        if (!elementType.IsEnum)
        {
            return null;
        }

        var mapping = element.FindTypeMapping();
        return ClrEnums.Describe(elementType, element.GetValueConverter() ?? mapping?.Converter, (mapping as RelationalTypeMapping)?.StoreType, databaseEnums);
    }
}
