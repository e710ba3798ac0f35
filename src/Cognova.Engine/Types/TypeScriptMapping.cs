using Cognova.Model;

namespace Cognova.Engine.Types;

/// <summary>What a value looks like in TypeScript: as the server writes it (<see cref="Read"/>) and as it may be sent (<see cref="Write"/>).</summary>
internal sealed record MappedType(string Read, string Write)
{
    /// <summary>Why the type deserves a warning; null when it is exact.</summary>
    public TypeConcern? Concern { get; init; }

    public static MappedType Same(string type) => new(type, type);
}

internal enum TypeConcern
{
    /// <summary>A JSON number that may carry more digits than a JavaScript number holds (15).</summary>
    PrecisionLoss,

    /// <summary>A type the mapping table does not know, or a converter it cannot see through.</summary>
    Unknown,
}

/// <summary>
/// The mapping table (docs/typescript-types.md): a property's CLR type, store type and JSON contract to its
/// TypeScript type. The JSON wire decides: a <c>DateTime</c> is a string, a <c>long</c> a number unless the
/// contract writes numbers as strings.
/// </summary>
internal static class TypeScriptMapping
{
    /// <summary>Digits a JavaScript number (IEEE 754 double) holds exactly.</summary>
    public const int SafeDigits = 15;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["string"] = "System.String", ["bool"] = "System.Boolean", ["char"] = "System.Char",
        ["byte"] = "System.Byte", ["sbyte"] = "System.SByte", ["short"] = "System.Int16", ["ushort"] = "System.UInt16",
        ["int"] = "System.Int32", ["uint"] = "System.UInt32", ["long"] = "System.Int64", ["ulong"] = "System.UInt64",
        ["float"] = "System.Single", ["double"] = "System.Double", ["decimal"] = "System.Decimal", ["object"] = "System.Object",
    };

    /// <summary>The CLR type's full name without <c>?</c> or <c>Nullable&lt;&gt;</c> (<c>int?</c> → <c>System.Int32</c>).</summary>
    public static string Normalize(string clrType)
    {
        var type = clrType.Trim();
        if (type.StartsWith("System.Nullable<", StringComparison.Ordinal) && type.EndsWith('>'))
        {
            type = type["System.Nullable<".Length..^1];
        }
        else if (type.StartsWith("System.Nullable`1[[", StringComparison.Ordinal))
        {
            type = type["System.Nullable`1[[".Length..].Split(',')[0];
        }

        type = type.TrimEnd('?');
        return Aliases.GetValueOrDefault(type, type);
    }

    /// <summary>The property's type; <paramref name="enumName"/> is the TypeScript name of the enum it holds.</summary>
    public static MappedType Map(PropertyDescription property, WireMember wire, string? enumName)
    {
        var clrType = Normalize(property.ClrType);
        var element = ElementOf(property, clrType);
        if (element is not null)
        {
            var elementStore = property.StoreType is { } store && store.EndsWith("[]", StringComparison.Ordinal) ? store[..^2] : null;
            var mapped = MapScalar(element.Value.Type, elementStore, property, wire, enumName);
            var suffix = element.Value.Nullable ? " | null" : "";
            return mapped with
            {
                Read = ArrayOf(mapped.Read + suffix),
                Write = ArrayOf(mapped.Write + suffix),
            };
        }

        return MapScalar(clrType, property.StoreType, property, wire, enumName);
    }

    private static string ArrayOf(string type)
        => type.Contains(' ', StringComparison.Ordinal) ? $"({type})[]" : type + "[]";

    /// <summary>An array or list column (not <c>byte[]</c>, which is bytea): its element type and whether elements may be null.</summary>
    private static (string Type, bool Nullable)? ElementOf(PropertyDescription property, string clrType)
    {
        if (clrType == "System.Byte[]" || clrType == "byte[]")
        {
            return null;
        }

        var element = property.ElementClrType;
        if (element is null && clrType.EndsWith("[]", StringComparison.Ordinal))
        {
            element = clrType[..^2];
        }

        if (element is null)
        {
            return null;
        }

        var trimmed = element.Trim();
        var nullable = trimmed.EndsWith('?') || trimmed.StartsWith("System.Nullable", StringComparison.Ordinal);
        return (Normalize(trimmed), nullable);
    }

    private static MappedType MapScalar(string clrType, string? storeType, PropertyDescription property, WireMember wire, string? enumName)
    {
        if (wire.CustomConverter is not null && enumName is null)
        {
            return new MappedType("unknown", "unknown") { Concern = TypeConcern.Unknown };
        }

        if (enumName is not null && property.Enum is { } described && Normalize(described.ClrType) == clrType)
        {
            return MappedType.Same(enumName);
        }

        var store = (storeType ?? "").ToLowerInvariant();
        switch (clrType)
        {
            case "System.String":
                return MappedType.Same("string");
            case "System.Char":
                return MappedType.Same("string");
            case "System.Boolean":
                return MappedType.Same("boolean");
            case "System.Byte" or "System.SByte" or "System.Int16" or "System.UInt16" or "System.Int32" or "System.UInt32":
                return Number(wire, digits: clrType is "System.UInt32" ? 10 : 9);
            case "System.Int64" or "System.UInt64" or "System.Int128" or "System.UInt128":
                return Number(wire, digits: 19);
            case "System.Single" or "System.Double" or "System.Half":
                return Floating(wire);
            case "System.Decimal":
                return Number(wire, digits: property.Precision ?? 29);
            case "System.Guid":
                return MappedType.Same("Uuid");
            case "System.DateTimeOffset":
                return MappedType.Same("IsoDateTimeOffset");
            case "System.DateTime":
                // Npgsql reads timestamptz as a UTC DateTime, which the serializer writes with "Z"; timestamp and date as Unspecified, without an offset.
                return MappedType.Same(store.StartsWith("timestamp with time zone", StringComparison.Ordinal) || store == "timestamptz" ? "IsoDateTimeOffset" : "IsoDateTime");
            case "System.DateOnly":
                return MappedType.Same("IsoDate");
            case "System.TimeOnly":
                return MappedType.Same("IsoTime");
            case "System.TimeSpan":
                return MappedType.Same("TimeSpanString");
            case "System.Byte[]" or "byte[]":
                return MappedType.Same("Base64");
            case "System.Text.Json.JsonDocument" or "System.Text.Json.JsonElement" or "System.Text.Json.Nodes.JsonNode":
                return MappedType.Same("JsonValue");
            case "System.Text.Json.Nodes.JsonObject":
                return MappedType.Same("JsonObject");
            case "System.Text.Json.Nodes.JsonArray":
                return MappedType.Same("JsonValue[]");
            case "System.Collections.Generic.Dictionary<string, string>" or "System.Collections.Generic.Dictionary<string, string?>"
                or "System.Collections.Immutable.ImmutableDictionary<string, string>" or "System.Collections.Immutable.ImmutableDictionary<string, string?>":
                // hstore
                return MappedType.Same("{ [key: string]: string | null }");
        }

        return new MappedType("unknown", "unknown") { Concern = TypeConcern.Unknown };
    }

    private static MappedType Number(WireMember wire, int digits)
    {
        if (wire.WritesNumbersAsStrings)
        {
            return new MappedType("string", wire.ReadsNumbersFromStrings ? "number | string" : "number");
        }

        var write = wire.ReadsNumbersFromStrings && digits > SafeDigits ? "number | string" : "number";
        return new MappedType("number", write) { Concern = digits > SafeDigits ? TypeConcern.PrecisionLoss : null };
    }

    private static MappedType Floating(WireMember wire)
    {
        var named = wire.NamedFloatingPointLiterals ? " | \"NaN\" | \"Infinity\" | \"-Infinity\"" : "";
        if (wire.WritesNumbersAsStrings)
        {
            return new MappedType("string", (wire.ReadsNumbersFromStrings ? "string" : "number") + named);
        }

        return new MappedType("number" + named, "number" + named);
    }
}
