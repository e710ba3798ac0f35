namespace Cognova.Engine.Lint;

/// <summary>How findings name database objects: <c>schema.table</c>, <c>table.column</c>.</summary>
internal static class ObjectNames
{
    public static string Table(string? schema, string? table) => string.IsNullOrEmpty(schema) ? table ?? "?" : $"{schema}.{table}";

    public static string Column(string? schema, string? table, string column) => $"{Table(schema, table)}.{column}";
}
