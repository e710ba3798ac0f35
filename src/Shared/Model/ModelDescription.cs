// The model description: what the EF Core model says about the database and the CLR types, as one JSON
// document (docs/model-description.md). The design host writes it from the application's model; the studio,
// the TypeScript types and diagrams read it. Compiled as source into the host and the tool; its JSON is the
// public, versioned contract, so a change here is a change of docs/model-description.md and, when a reader
// written for the old shape would misread the new one, of FormatVersion.
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Cognova.Model;

/// <summary>The whole document: every DbContext the project has, sorted by name.</summary>
internal sealed record ModelDescription
{
    /// <summary>The value of <see cref="Format"/> this code writes and reads.</summary>
    public const string FormatVersion = "cognova.model/1";

    public string Format { get; init; } = FormatVersion;

    /// <summary>The EF Core product version the model was built with (e.g. <c>10.0.15</c>).</summary>
    public string EfCoreVersion { get; init; } = "";

    /// <summary>The provider (<c>Npgsql.EntityFrameworkCore.PostgreSQL</c>).</summary>
    public string? Provider { get; init; }

    public IReadOnlyList<ContextDescription> Contexts { get; init; } = [];

    /// <summary>The JSON the contract is written in: camelCase names, nulls and empty lists left out, enums as strings, indented.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NewLine = "\n",
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutEmptyLists } },
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static ModelDescription FromJson(string json)
        => JsonSerializer.Deserialize<ModelDescription>(json, JsonOptions)
           ?? throw new JsonException("The model description is empty.");

    // A list that is left out reads back as empty: every list property starts as [].
    private static void LeaveOutEmptyLists(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                property.ShouldSerialize = (_, value) => value is not System.Collections.ICollection { Count: 0 };
            }
        }
    }
}

/// <summary>One DbContext: its entity types sorted by CLR name, and its PostgreSQL enums.</summary>
internal sealed record ContextDescription
{
    /// <summary>The DbContext's class name, as <c>--context</c> takes it.</summary>
    public string Name { get; init; } = "";

    public string FullName { get; init; } = "";

    /// <summary>The schema tables without one go to (<c>HasDefaultSchema</c>); null: the database's (<c>public</c>).</summary>
    public string? DefaultSchema { get; init; }

    public IReadOnlyList<EntityDescription> Entities { get; init; } = [];

    /// <summary>PostgreSQL enum types the model declares (<c>HasPostgresEnum</c>).</summary>
    public IReadOnlyList<DatabaseEnumDescription> Enums { get; init; } = [];

    /// <summary>Sequences the model declares (<c>HasSequence</c>).</summary>
    public IReadOnlyList<SequenceDescription> Sequences { get; init; } = [];
}

/// <summary>An entity type, owned types included (an owned type stored in its owner's table names that table).</summary>
internal sealed record EntityDescription
{
    /// <summary>The entity type's name in the model (the CLR full name; shared-type entities carry their own name).</summary>
    public string Name { get; init; } = "";

    /// <summary>The CLR type's short name (<c>Tag</c>); for a shared-type entity, the model name's last part.</summary>
    public string ClrName { get; init; } = "";

    public string ClrType { get; init; } = "";

    /// <summary>Table, view, or none (an owned type in a JSON column, a keyless query type without a table).</summary>
    public EntityStorage Storage { get; init; }

    /// <summary>The table or view; null when <see cref="Storage"/> is <see cref="EntityStorage.None"/>.</summary>
    public string? Table { get; init; }

    public string? Schema { get; init; }

    public string? Comment { get; init; }

    /// <summary>The base entity type's name (TPH/TPT/TPC); null for a root.</summary>
    public string? BaseType { get; init; }

    /// <summary>The discriminator column's value for this type (TPH).</summary>
    public string? DiscriminatorValue { get; init; }

    public bool IsAbstract { get; init; }

    public bool IsKeyless { get; init; }

    /// <summary>Owned: the owner's name and how it is stored.</summary>
    public OwnershipDescription? Owned { get; init; }

    /// <summary>The properties, in the table's column order where EF Core knows it, else declaration order.</summary>
    public IReadOnlyList<PropertyDescription> Properties { get; init; } = [];

    public KeyDescription? PrimaryKey { get; init; }

    public IReadOnlyList<KeyDescription> AlternateKeys { get; init; } = [];

    public IReadOnlyList<IndexDescription> Indexes { get; init; } = [];

    /// <summary>The foreign keys this entity's table holds (this entity is the dependent).</summary>
    public IReadOnlyList<ForeignKeyDescription> ForeignKeys { get; init; } = [];

    /// <summary>Navigations both ways: to a principal (reference) and to dependents (collection or reference).</summary>
    public IReadOnlyList<NavigationDescription> Navigations { get; init; } = [];

    public IReadOnlyList<CheckConstraintDescription> CheckConstraints { get; init; } = [];
}

[JsonConverter(typeof(JsonStringEnumConverter<EntityStorage>))]
internal enum EntityStorage
{
    None,
    Table,
    View,
}

internal sealed record OwnershipDescription
{
    public string Owner { get; init; } = "";

    /// <summary>The owner's navigation to this type.</summary>
    public string Navigation { get; init; } = "";

    public bool IsCollection { get; init; }

    /// <summary>The JSON column it is stored in (<c>ToJson</c>); null: the owner's table or a table of its own.</summary>
    public string? JsonColumn { get; init; }

    /// <summary>The JSON column's store type (<c>jsonb</c>); null when <see cref="JsonColumn"/> is.</summary>
    public string? JsonColumnType { get; init; }
}

/// <summary>A property (a column, unless it is a shadow or JSON-mapped property with no column of its own).</summary>
internal sealed record PropertyDescription
{
    /// <summary>The C# property name (shadow properties: the model's name).</summary>
    public string Name { get; init; } = "";

    /// <summary>The column; null when the property has no column (inside a JSON column: see <see cref="JsonPropertyName"/>).</summary>
    public string? Column { get; init; }

    /// <summary>The CLR type in C# spelling, nullable value types with <c>?</c> (<c>int?</c>, <c>System.DateTimeOffset</c>, <c>string</c>).</summary>
    public string ClrType { get; init; } = "";

    /// <summary>The CLR type EF Core stores after a value converter (<c>string</c> for an enum stored as text); null without a converter.</summary>
    public string? ProviderClrType { get; init; }

    /// <summary>The PostgreSQL type as the provider emits it (<c>character varying(100)</c>, <c>timestamp with time zone</c>, <c>integer[]</c>).</summary>
    public string? StoreType { get; init; }

    /// <summary>The property accepts null (a nullable value type, or a reference type EF Core does not require).</summary>
    public bool IsNullable { get; init; }

    /// <summary>
    /// The column's nullability where it differs from <see cref="IsNullable"/> (a derived type's column in a TPH
    /// table, an optional owned type's column in its owner's table); null: the same as <see cref="IsNullable"/>.
    /// </summary>
    public bool? IsColumnNullable { get; init; }

    public bool IsShadow { get; init; }

    public bool IsConcurrencyToken { get; init; }

    /// <summary>Part of the primary key.</summary>
    public bool IsKey { get; init; }

    public int? MaxLength { get; init; }

    public int? Precision { get; init; }

    public int? Scale { get; init; }

    public bool? IsUnicode { get; init; }

    public bool? IsFixedLength { get; init; }

    public ValueGenerationDescription ValueGenerated { get; init; } = ValueGenerationDescription.Never;

    /// <summary>Identity or serial (<c>IdentityByDefault</c>, <c>IdentityAlways</c>, <c>Serial</c>, <c>SequenceHiLo</c>); null: none.</summary>
    public string? ValueGenerationStrategy { get; init; }

    /// <summary>The default: a literal value (<see cref="DefaultValue"/>, as JSON) or SQL (<see cref="DefaultValueSql"/>).</summary>
    public JsonElement? DefaultValue { get; init; }

    public string? DefaultValueSql { get; init; }

    public string? ComputedColumnSql { get; init; }

    /// <summary>True for a stored generated column, false for a virtual one; null when not computed.</summary>
    public bool? IsStored { get; init; }

    public string? Comment { get; init; }

    public string? Collation { get; init; }

    /// <summary>The CLR enum this property holds (also inside <c>Nullable&lt;&gt;</c> and arrays), described in <see cref="Enum"/>.</summary>
    public ClrEnumDescription? Enum { get; init; }

    /// <summary>The element's CLR type for an array or list column (<c>int</c> for <c>int[]</c> / <c>List&lt;int&gt;</c>).</summary>
    public string? ElementClrType { get; init; }

    /// <summary>The property's name inside the JSON document when it lives in a JSON column.</summary>
    public string? JsonPropertyName { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ValueGenerationDescription>))]
internal enum ValueGenerationDescription
{
    Never,
    OnAdd,
    OnUpdate,
    OnAddOrUpdate,
}

/// <summary>A CLR enum and how it is stored.</summary>
internal sealed record ClrEnumDescription
{
    public string ClrType { get; init; } = "";

    /// <summary>True when the column holds the names (a string converter or a PostgreSQL enum), false when numbers.</summary>
    public bool StoredAsText { get; init; }

    public bool IsFlags { get; init; }

    /// <summary>The members in declaration order.</summary>
    public IReadOnlyList<EnumMemberDescription> Members { get; init; } = [];

    /// <summary>The PostgreSQL enum type it maps to, when it maps to one (<c>schema.name</c> or <c>name</c>).</summary>
    public string? DatabaseEnum { get; init; }
}

internal sealed record EnumMemberDescription
{
    public string Name { get; init; } = "";

    /// <summary>The numeric value, as text: enums may be ulong.</summary>
    public string Value { get; init; } = "";

    /// <summary>The label the database stores for this member, when it stores labels.</summary>
    public string? DatabaseLabel { get; init; }
}

/// <summary>A PostgreSQL enum type (<c>CREATE TYPE … AS ENUM</c>).</summary>
internal sealed record DatabaseEnumDescription
{
    public string Name { get; init; } = "";

    public string? Schema { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];
}

internal sealed record SequenceDescription
{
    public string Name { get; init; } = "";

    public string? Schema { get; init; }

    public string ClrType { get; init; } = "";

    public long StartValue { get; init; }

    public int IncrementBy { get; init; }
}

internal sealed record KeyDescription
{
    /// <summary>The constraint's name in the database.</summary>
    public string? Name { get; init; }

    /// <summary>The property names, in key order.</summary>
    public IReadOnlyList<string> Properties { get; init; } = [];

    /// <summary>The column names, in key order.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];
}

internal sealed record IndexDescription
{
    public string? Name { get; init; }

    public IReadOnlyList<string> Properties { get; init; } = [];

    public IReadOnlyList<string> Columns { get; init; } = [];

    public bool IsUnique { get; init; }

    /// <summary>The partial index's condition (<c>HasFilter</c>).</summary>
    public string? Filter { get; init; }

    /// <summary>The access method (<c>gin</c>, <c>gist</c>); null: btree.</summary>
    public string? Method { get; init; }
}

internal sealed record ForeignKeyDescription
{
    public string? Name { get; init; }

    /// <summary>This entity's properties and columns that hold the key.</summary>
    public IReadOnlyList<string> Properties { get; init; } = [];

    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>The principal entity type's name (<see cref="EntityDescription.Name"/>).</summary>
    public string PrincipalEntity { get; init; } = "";

    public string? PrincipalTable { get; init; }

    public string? PrincipalSchema { get; init; }

    public IReadOnlyList<string> PrincipalProperties { get; init; } = [];

    public IReadOnlyList<string> PrincipalColumns { get; init; } = [];

    /// <summary>EF Core's delete behaviour (<c>Cascade</c>, <c>Restrict</c>, <c>SetNull</c>, <c>ClientSetNull</c>, <c>NoAction</c>, …).</summary>
    public string OnDelete { get; init; } = "";

    public bool IsRequired { get; init; }

    /// <summary>One dependent per principal (a one-to-one relationship).</summary>
    public bool IsUnique { get; init; }

    public bool IsOwnership { get; init; }
}

internal sealed record NavigationDescription
{
    public string Name { get; init; } = "";

    /// <summary>The entity type at the other end.</summary>
    public string Target { get; init; } = "";

    public bool IsCollection { get; init; }

    /// <summary>True when this entity holds the foreign key (a reference to the principal), false when the target does.</summary>
    public bool IsOnDependent { get; init; }

    /// <summary>The navigation back, on <see cref="Target"/>; null when there is none.</summary>
    public string? Inverse { get; init; }

    /// <summary>The foreign key's properties on the dependent side.</summary>
    public IReadOnlyList<string> ForeignKeyProperties { get; init; } = [];

    /// <summary>A skip navigation (many-to-many): the join entity type's name.</summary>
    public string? JoinEntity { get; init; }
}

internal sealed record CheckConstraintDescription
{
    public string Name { get; init; } = "";

    public string Sql { get; init; } = "";
}
