namespace Cognova.Studio.Catalog;

// What the database's catalog says about its tables, in the shapes the HTTP API returns (camelCase JSON).

/// <summary>One relation in the table list.</summary>
internal sealed record TableSummary(string Schema, string Name, string Kind, long? Estimate, IReadOnlyList<EntityReference> Entities);

/// <summary>An entity type of the model stored in a table.</summary>
internal sealed record EntityReference(string Context, string Name, string ClrName);

internal sealed record ColumnReference(string Schema, string Table, string Column);

internal sealed record ColumnInfo(
    string Name,
    string Type,
    bool Nullable,
    string? Default,
    string? Identity,
    bool Generated,
    bool IsKey,
    string? Property,
    string? ClrType,
    IReadOnlyList<string>? EnumLabels,
    ColumnReference? References)
{
    /// <summary>bytea: truncated by bytes and shown as hex.</summary>
    internal bool IsBytea => Type == "bytea";
}

internal sealed record ForeignKeyTarget(string Schema, string Table, IReadOnlyList<string> Columns);

internal sealed record ForeignKeyInfo(string Name, IReadOnlyList<string> Columns, ForeignKeyTarget References);

internal sealed record ReferencingKeyInfo(string Name, string Schema, string Table, IReadOnlyList<string> Columns, IReadOnlyList<string> ReferencedColumns);

internal sealed record NavigationInfo(string Context, string Entity, string Name, string Target, bool IsCollection, bool IsOnDependent, string? TargetSchema, string? TargetTable);

/// <summary>A table's columns and keys, with the model's names beside the SQL names.</summary>
internal sealed record TableInfo(
    string Schema,
    string Name,
    string Kind,
    long? Estimate,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<ColumnInfo> Columns,
    IReadOnlyList<ForeignKeyInfo> ForeignKeys,
    IReadOnlyList<ReferencingKeyInfo> ReferencedBy,
    IReadOnlyList<EntityReference> Entities,
    IReadOnlyList<NavigationInfo> Navigations)
{
    public ColumnInfo? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>The column, or a 400 naming the table.</summary>
    public ColumnInfo RequireColumn(string name)
        => Column(name) ?? throw new StudioRequestException(400, $"{Schema}.{Name} has no column '{name}'.");

    /// <summary>Rows have a physical address (<c>ctid</c>): tables and materialized views, not views or foreign tables.</summary>
    internal bool HasCtid => Kind is "table" or "materializedView";

    /// <summary>Rows can be edited: a table with a primary key (the key plus <c>xmin</c> names a row version).</summary>
    internal bool IsEditable => Kind is "table" or "partitionedTable" && PrimaryKey.Count > 0;

    /// <summary>Row versions carry <c>xmin</c>.</summary>
    internal bool HasXmin => Kind is "table" or "partitionedTable" or "materializedView";
}
