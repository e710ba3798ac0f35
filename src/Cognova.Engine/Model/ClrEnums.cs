using System.Globalization;
using System.Reflection;
using Cognova.Model;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cognova.Engine.Model;

/// <summary>
/// The CLR enum a property holds and how its column stores it: numbers (EF Core's default), the names or
/// other text through a value converter, or the labels of a PostgreSQL enum type.
/// </summary>
internal static class ClrEnums
{
    /// <param name="enumType">The enum (already taken out of <c>Nullable&lt;&gt;</c> or a collection).</param>
    /// <param name="converter">The value converter the property (or its element) is stored through, if any.</param>
    /// <param name="storeType">The column's (or element's) store type, to find a PostgreSQL enum by.</param>
    public static ClrEnumDescription Describe(
        Type enumType, ValueConverter? converter, string? storeType, IReadOnlyList<DatabaseEnumDescription> databaseEnums)
    {
        var databaseEnum = converter is null ? FindDatabaseEnum(storeType, databaseEnums) : null;
        var members = Members(enumType);
        var textConverter = converter is not null && converter.ProviderClrType == typeof(string) ? converter : null;
        // Npgsql declares a CLR enum's PostgreSQL type with one label per field, in the fields' order.
        var labels = databaseEnum is not null && databaseEnum.Labels.Count == members.Count ? databaseEnum.Labels : null;

        return new ClrEnumDescription
        {
            ClrType = ClrTypeNames.Of(enumType),
            StoredAsText = textConverter is not null || databaseEnum is not null,
            IsFlags = enumType.IsDefined(typeof(FlagsAttribute), inherit: false),
            DatabaseEnum = databaseEnum is null ? null : DatabaseEnums.QualifiedName(databaseEnum),
            Members = members.Select((field, i) =>
            {
                var value = field.GetValue(null)!;
                return new EnumMemberDescription
                {
                    Name = field.Name,
                    Value = Convert.ToString(Convert.ChangeType(value, Enum.GetUnderlyingType(enumType), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)!,
                    DatabaseLabel = labels?[i] ?? (textConverter?.ConvertToProvider(value) as string),
                };
            }).ToList(),
        };
    }

    private static List<FieldInfo> Members(Type enumType)
        => enumType.GetFields(BindingFlags.Public | BindingFlags.Static).OrderBy(f => f.MetadataToken).ToList();

    private static DatabaseEnumDescription? FindDatabaseEnum(string? storeType, IReadOnlyList<DatabaseEnumDescription> databaseEnums)
    {
        if (storeType is null)
        {
            return null;
        }

        var unquoted = storeType.Replace("\"", "", StringComparison.Ordinal);
        return databaseEnums.FirstOrDefault(e => DatabaseEnums.QualifiedName(e) == unquoted)
               ?? databaseEnums.FirstOrDefault(e => e.Name == unquoted && e.Schema is null or "public");
    }
}
