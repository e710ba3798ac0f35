using System.Text.Json;
using Cognova.Model;

namespace Cognova.Build.Tests.Types;

/// <summary>Hand-built model descriptions, as the describer writes them, for the generator's tests.</summary>
internal static class SampleModels
{
    public static PropertyDescription Column(string name, string clrType, string storeType, bool nullable = false) => new()
    {
        Name = name,
        Column = name.ToLowerInvariant(),
        ClrType = clrType,
        StoreType = storeType,
        IsNullable = nullable,
    };

    /// <summary>The sample's two tables: user and tags (tags.created_by → user.id, SET NULL).</summary>
    public static ModelDescription UsersAndTags() => ModelOf(
        new EntityDescription
        {
            Name = "Sample.Tag",
            ClrName = "Tag",
            ClrType = "Sample.Tag",
            Storage = EntityStorage.Table,
            Table = "tags",
            Properties =
            [
                Column("Id", "System.Guid", "uuid") with { IsKey = true, DefaultValueSql = "gen_random_uuid()", ValueGenerated = ValueGenerationDescription.OnAdd },
                Column("Name", "string", "text"),
                Column("Color", "string", "text"),
                Column("CreatedAt", "System.DateTimeOffset", "timestamp with time zone") with { DefaultValueSql = "now()", ValueGenerated = ValueGenerationDescription.OnAdd },
                Column("CreatedBy", "System.Guid?", "uuid", nullable: true),
            ],
            PrimaryKey = new KeyDescription { Properties = ["Id"] },
            ForeignKeys = [new ForeignKeyDescription { Properties = ["CreatedBy"], PrincipalEntity = "Sample.User", PrincipalProperties = ["Id"], OnDelete = "SetNull" }],
            Navigations = [new NavigationDescription { Name = "Creator", Target = "Sample.User", IsOnDependent = true, Inverse = "Tags", ForeignKeyProperties = ["CreatedBy"] }],
        },
        new EntityDescription
        {
            Name = "Sample.User",
            ClrName = "User",
            ClrType = "Sample.User",
            Storage = EntityStorage.Table,
            Table = "user",
            Properties =
            [
                Column("Id", "System.Guid", "uuid") with { IsKey = true, DefaultValueSql = "gen_random_uuid()", ValueGenerated = ValueGenerationDescription.OnAdd },
                Column("Name", "string", "text"),
                Column("Email", "string", "text"),
                Column("CreatedAt", "System.DateTimeOffset", "timestamp with time zone") with { DefaultValueSql = "now()", ValueGenerated = ValueGenerationDescription.OnAdd },
            ],
            PrimaryKey = new KeyDescription { Properties = ["Id"] },
            Navigations = [new NavigationDescription { Name = "Tags", Target = "Sample.Tag", IsCollection = true, Inverse = "Creator", ForeignKeyProperties = ["CreatedBy"] }],
        });

    public static ModelDescription ModelOf(params EntityDescription[] entities) => new()
    {
        EfCoreVersion = "10.0.15",
        Provider = "Npgsql.EntityFrameworkCore.PostgreSQL",
        Contexts = [new ContextDescription { Name = "AppDbContext", FullName = "Sample.AppDbContext", Entities = entities }],
    };

    public static EntityDescription Table(string clrName, params PropertyDescription[] properties) => new()
    {
        Name = "Zoo." + clrName,
        ClrName = clrName,
        ClrType = "Zoo." + clrName,
        Storage = EntityStorage.Table,
        Table = clrName.ToLowerInvariant(),
        Properties = [Column("Id", "int", "integer") with { IsKey = true, ValueGenerated = ValueGenerationDescription.OnAdd, ValueGenerationStrategy = "IdentityByDefault" }, .. properties],
        PrimaryKey = new KeyDescription { Properties = ["Id"] },
    };

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
