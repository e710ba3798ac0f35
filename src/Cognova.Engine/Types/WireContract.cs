using System.Text.Json;

namespace Cognova.Engine.Types;

/// <summary>How the application's serializer writes and reads one member of an entity's CLR type.</summary>
internal sealed record WireMember(string JsonName)
{
    /// <summary>A C# <c>required</c> member or <c>[JsonRequired]</c>: reading JSON without it fails.</summary>
    public bool IsRequired { get; init; }

    /// <summary>The serializer may leave the member out (<c>JsonIgnoreCondition.WhenWritingNull</c> or <c>WhenWritingDefault</c>).</summary>
    public bool MayBeOmitted { get; init; }

    /// <summary><c>JsonNumberHandling.WriteAsString</c>: numbers are written as JSON strings.</summary>
    public bool WritesNumbersAsStrings { get; init; }

    /// <summary><c>JsonNumberHandling.AllowReadingFromString</c>: numbers are also read from JSON strings.</summary>
    public bool ReadsNumbersFromStrings { get; init; }

    /// <summary><c>JsonNumberHandling.AllowNamedFloatingPointLiterals</c>: <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.</summary>
    public bool NamedFloatingPointLiterals { get; init; }

    /// <summary>For an enum (also nullable or in an array): each member's JSON literal, in declaration order (<c>"active"</c> or <c>0</c>).</summary>
    public IReadOnlyList<string>? EnumLiterals { get; init; }

    /// <summary>A converter the types cannot see through (not System.Text.Json's own): its type name.</summary>
    public string? CustomConverter { get; init; }
}

/// <summary>
/// The application's JSON contract for the model's entity types: per entity (by model name), the members the
/// serializer writes. An entity the contract does not know (no CLR type to read) is named by the naming policy.
/// </summary>
internal sealed class WireContract
{
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, WireMember>> _entities;
    private readonly JsonNamingPolicy? _namingPolicy;

    public WireContract(IReadOnlyDictionary<string, IReadOnlyDictionary<string, WireMember>> entities, JsonNamingPolicy? namingPolicy)
    {
        _entities = entities;
        _namingPolicy = namingPolicy;
    }

    /// <summary>No CLR types: every member is on the wire under the naming policy's name (camelCase, as <see cref="JsonSerializerOptions.Web"/>).</summary>
    public static WireContract ByConvention(JsonNamingPolicy? namingPolicy = null)
        => new(new Dictionary<string, IReadOnlyDictionary<string, WireMember>>(), namingPolicy ?? JsonNamingPolicy.CamelCase);

    public bool Knows(string entity) => _entities.ContainsKey(entity);

    /// <summary>The member as the serializer writes it; null when it is not on the wire (<c>[JsonIgnore]</c>, a shadow property, no getter).</summary>
    public WireMember? Find(string entity, string member)
    {
        if (_entities.TryGetValue(entity, out var members))
        {
            return members.GetValueOrDefault(member);
        }

        return new WireMember(_namingPolicy?.ConvertName(member) ?? member);
    }
}
