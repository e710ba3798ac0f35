using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cognova.Engine.Lint;

/// <summary>
/// The PostgreSQL store type of a column where a migration does not write it out. EF Core 1.x/2.x scaffolded
/// <c>AlterColumn</c> without <c>type:</c>/<c>oldType:</c>; the provider then emits the CLR type's default mapping
/// (with the facets: max length, precision, …), so that is the type the column really has. A raw
/// <c>ALTER COLUMN … TYPE</c> gives no old type at all; the model before the migration knows it.
/// </summary>
public sealed class ColumnStoreTypes(IRelationalTypeMappingSource? mappings, IRelationalModel? modelBefore)
{
    public static ColumnStoreTypes Unknown { get; } = new(null, null);

    /// <summary>The column's written type, else the provider's default mapping of its CLR type and facets.</summary>
    public string? Of(ColumnOperation column)
    {
        if (!string.IsNullOrWhiteSpace(column.ColumnType))
        {
            return column.ColumnType;
        }

        if (mappings is null || column.ClrType is null || column.ClrType == typeof(object))
        {
            return null;
        }

        try
        {
            return mappings.FindMapping(
                column.ClrType, null, keyOrIndex: false, column.IsUnicode, column.MaxLength, column.IsRowVersion,
                column.IsFixedLength, column.Precision, column.Scale)?.StoreType;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The store type an existing column has before the migration, from the previous migration's model.</summary>
    public string? BeforeMigration(string? schema, string table, string column)
    {
        var tables = modelBefore?.Tables;
        var match = tables?.FirstOrDefault(t => t.Name == table && (schema is null || t.Schema == schema))
                    ?? tables?.FirstOrDefault(t => string.Equals(t.Name, table, StringComparison.OrdinalIgnoreCase)
                                                   && (schema is null || string.Equals(t.Schema ?? "public", schema, StringComparison.OrdinalIgnoreCase)));
        var found = match?.Columns.FirstOrDefault(c => c.Name == column)
                    ?? match?.Columns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase));
        return found?.StoreType;
    }
}
