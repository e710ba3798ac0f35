using Cognova.Studio.Catalog;

namespace Cognova.Studio.Tests.Unit;

/// <summary>Tables as the catalog reader would describe them, for tests that need no database.</summary>
internal static class TestTables
{
    public static ColumnInfo Column(string name, string type, bool nullable = true, bool generated = false, string? identity = null)
        => new(name, type, nullable, null, identity, generated, false, null, null, null, null);

    public static TableInfo Table(string schema, string name, IReadOnlyList<string> primaryKey, params ColumnInfo[] columns)
        => new(schema, name, "table", null, primaryKey, columns, [], [], [], []);

    /// <summary>public."Tags": Id integer key, Name text not null, Color text, Price numeric(12,2), Body bytea, Total generated.</summary>
    public static TableInfo Tags { get; } = Table("public", "Tags", ["Id"],
        Column("Id", "integer", nullable: false),
        Column("Name", "text", nullable: false),
        Column("Color", "text"),
        Column("Price", "numeric(12,2)"),
        Column("Body", "bytea"),
        Column("Total", "numeric", generated: true));
}
