using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Cognova.Engine.Types;

/// <summary>
/// Reads the application's JSON contract for its entity types from System.Text.Json itself: the names, the
/// members it ignores, number handling, and for enums the literal each member is written as (found by
/// serializing it with the member's own converter, so that naming policies and per-member names count).
/// </summary>
internal static class WireContractReader
{
    public static WireContract Read(IEnumerable<KeyValuePair<string, Type>> entities, JsonSerializerOptions applicationOptions)
    {
        var options = Readable(applicationOptions);
        var read = new Dictionary<string, IReadOnlyDictionary<string, WireMember>>(StringComparer.Ordinal);
        foreach (var (name, clrType) in entities)
        {
            if (ReadType(clrType, options) is { } members)
            {
                read[name] = members;
            }
        }

        return new WireContract(read, options.PropertyNamingPolicy);
    }

    /// <summary>A copy that can describe any type: the application's resolver first (it may be source-generated for a few types), then reflection.</summary>
    private static JsonSerializerOptions Readable(JsonSerializerOptions applicationOptions)
    {
        var options = new JsonSerializerOptions(applicationOptions);
        options.TypeInfoResolver = options.TypeInfoResolver is null
            ? new DefaultJsonTypeInfoResolver()
            : JsonTypeInfoResolver.Combine(options.TypeInfoResolver, new DefaultJsonTypeInfoResolver());
        options.MakeReadOnly();
        return options;
    }

    private static Dictionary<string, WireMember>? ReadType(Type clrType, JsonSerializerOptions options)
    {
        JsonTypeInfo info;
        try
        {
            info = options.GetTypeInfo(clrType);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return null;
        }

        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return null;
        }

        var members = new Dictionary<string, WireMember>(StringComparer.Ordinal);
        foreach (var property in info.Properties)
        {
            if (property.Get is null || property.AttributeProvider is not MemberInfo member)
            {
                continue;
            }

            var handling = property.NumberHandling ?? info.NumberHandling ?? options.NumberHandling;
            members[member.Name] = new WireMember(property.Name)
            {
                IsRequired = property.IsRequired,
                MayBeOmitted = property.ShouldSerialize is not null || MayBeOmitted(member, property.PropertyType, options),
                WritesNumbersAsStrings = handling.HasFlag(JsonNumberHandling.WriteAsString),
                ReadsNumbersFromStrings = handling.HasFlag(JsonNumberHandling.AllowReadingFromString),
                NamedFloatingPointLiterals = handling.HasFlag(JsonNumberHandling.AllowNamedFloatingPointLiterals),
                EnumLiterals = EnumOf(property.PropertyType) is { } enumType ? EnumLiterals(enumType, property.PropertyType, property.CustomConverter, options) : null,
                CustomConverter = EnumOf(property.PropertyType) is null ? CustomConverterOf(property, options) : null,
            };
        }

        return members;
    }

    /// <summary>The enum a member holds: itself, inside <c>Nullable&lt;&gt;</c>, or as the element of an array or list.</summary>
    private static Type? EnumOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return type;
        }

        var element = type.IsArray
            ? type.GetElementType()
            : type.IsGenericType && type.GetGenericArguments() is [var argument] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? argument : null;
        element = element is null ? null : Nullable.GetUnderlyingType(element) ?? element;
        return element is { IsEnum: true } ? element : null;
    }

    /// <summary>The serializer leaves the member out when it is null or default (<c>JsonIgnoreCondition</c> on the member or in the options).</summary>
    private static bool MayBeOmitted(MemberInfo member, Type type, JsonSerializerOptions options)
    {
        var condition = member.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition ?? options.DefaultIgnoreCondition;
        return condition switch
        {
            JsonIgnoreCondition.WhenWritingDefault => true,
            JsonIgnoreCondition.WhenWritingNull => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null,
            _ => false,
        };
    }

    private static IReadOnlyList<string> EnumLiterals(Type enumType, Type memberType, JsonConverter? memberConverter, JsonSerializerOptions options)
    {
        // A member's own converter converts the member's type (Mood or Mood?); a list's elements go through the options' converters.
        var writtenAs = memberType == enumType || Nullable.GetUnderlyingType(memberType) == enumType ? memberType : enumType;
        var writing = options;
        if (memberConverter is not null)
        {
            writing = new JsonSerializerOptions(options);
            writing.Converters.Insert(0, memberConverter);
        }

        var literals = new List<string>();
        foreach (var field in enumType.GetFields(BindingFlags.Public | BindingFlags.Static).OrderBy(f => f.MetadataToken))
        {
            literals.Add(JsonSerializer.Serialize(field.GetValue(null), writtenAs, writing));
        }

        return literals;
    }

    /// <summary>The converter of a member when it is the application's own (System.Text.Json's converters write what the mapping table says).</summary>
    private static string? CustomConverterOf(JsonPropertyInfo property, JsonSerializerOptions options)
    {
        JsonConverter converter;
        try
        {
            converter = property.CustomConverter ?? options.GetConverter(property.PropertyType);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return null;
        }

        return converter.GetType().Assembly == typeof(JsonSerializer).Assembly ? null : converter.GetType().FullName;
    }
}
