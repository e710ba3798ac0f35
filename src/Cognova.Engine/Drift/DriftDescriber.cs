using System.Globalization;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Drift;

/// <summary>
/// Turns the model differ's operations into one plain sentence each, naming the table and the
/// column, index, key or foreign key, and what changed: "column tags.color: added (text, not null)".
/// </summary>
public static class DriftDescriber
{
    public static IReadOnlyList<string> Describe(IEnumerable<MigrationOperation> operations)
        => operations.Select(Describe).ToList();

    public static string Describe(MigrationOperation operation) => operation switch
    {
        CreateTableOperation t => $"table {Table(t.Schema, t.Name)}: added ({Columns(t.Columns.Select(c => c.Name))})",
        DropTableOperation t => $"table {Table(t.Schema, t.Name)}: removed",
        RenameTableOperation t => $"table {Table(t.Schema, t.Name)}: renamed to {Table(t.NewSchema ?? t.Schema, t.NewName ?? t.Name)}",
        AlterTableOperation t => $"table {Table(t.Schema, t.Name)}: {TableChanges(t)}",
        AddColumnOperation c => $"column {Table(c.Schema, c.Table)}.{c.Name}: added ({ColumnShape(c)})",
        DropColumnOperation c => $"column {Table(c.Schema, c.Table)}.{c.Name}: removed",
        RenameColumnOperation c => $"column {Table(c.Schema, c.Table)}.{c.Name}: renamed to {c.NewName}",
        AlterColumnOperation c => $"column {Table(c.Schema, c.Table)}.{c.Name}: {ColumnChanges(c.OldColumn, c)}",
        CreateIndexOperation i => $"index {i.Name} on {Table(i.Schema, i.Table ?? "?")} ({Columns(i.Columns)}): added{IndexTraits(i)}",
        DropIndexOperation i => $"index {i.Name} on {Table(i.Schema, i.Table ?? "?")}: removed",
        RenameIndexOperation i => $"index {i.Name} on {Table(i.Schema, i.Table ?? "?")}: renamed to {i.NewName}",
        AddPrimaryKeyOperation k => $"primary key {k.Name} on {Table(k.Schema, k.Table)} ({Columns(k.Columns)}): added",
        DropPrimaryKeyOperation k => $"primary key {k.Name} on {Table(k.Schema, k.Table)}: removed",
        AddUniqueConstraintOperation u => $"unique constraint {u.Name} on {Table(u.Schema, u.Table)} ({Columns(u.Columns)}): added",
        DropUniqueConstraintOperation u => $"unique constraint {u.Name} on {Table(u.Schema, u.Table)}: removed",
        AddForeignKeyOperation f => $"foreign key {f.Name} on {Table(f.Schema, f.Table)} ({Columns(f.Columns)}) -> "
            + $"{Table(f.PrincipalSchema, f.PrincipalTable)} ({Columns(f.PrincipalColumns ?? [])}): added (on delete {OnDelete(f.OnDelete)})",
        DropForeignKeyOperation f => $"foreign key {f.Name} on {Table(f.Schema, f.Table)}: removed",
        AddCheckConstraintOperation c => $"check constraint {c.Name} on {Table(c.Schema, c.Table)}: added ({c.Sql})",
        DropCheckConstraintOperation c => $"check constraint {c.Name} on {Table(c.Schema, c.Table)}: removed",
        EnsureSchemaOperation s => $"schema {s.Name}: added",
        DropSchemaOperation s => $"schema {s.Name}: removed",
        CreateSequenceOperation s => $"sequence {Table(s.Schema, s.Name)}: added",
        DropSequenceOperation s => $"sequence {Table(s.Schema, s.Name)}: removed",
        RenameSequenceOperation s => $"sequence {Table(s.Schema, s.Name)}: renamed to {Table(s.NewSchema ?? s.Schema, s.NewName ?? s.Name)}",
        AlterSequenceOperation s => $"sequence {Table(s.Schema, s.Name)}: options changed",
        RestartSequenceOperation s => $"sequence {Table(s.Schema, s.Name)}: restarted",
        AlterDatabaseOperation => "database: options changed (extensions, enums or collation)",
        InsertDataOperation d => $"seed data in {Table(d.Schema, d.Table)}: {Rows(d.Values.GetLength(0))} added",
        DeleteDataOperation d => $"seed data in {Table(d.Schema, d.Table)}: {Rows(d.KeyValues.GetLength(0))} removed",
        UpdateDataOperation d => $"seed data in {Table(d.Schema, d.Table)}: {Rows(d.KeyValues.GetLength(0))} changed",
        SqlOperation => "raw SQL operation",
        _ => $"{operation.GetType().Name.Replace("Operation", "", StringComparison.Ordinal)}",
    };

    private static string Table(string? schema, string name)
        => string.IsNullOrEmpty(schema) ? name : schema + "." + name;

    private static string Columns(IEnumerable<string> columns) => string.Join(", ", columns);

    private static string Rows(int count) => count == 1 ? "1 row" : $"{count} rows";

    private static string ColumnShape(ColumnOperation column)
    {
        var parts = new List<string> { TypeOf(column), column.IsNullable ? "null allowed" : "not null" };
        var defaultValue = DefaultOf(column);
        if (defaultValue is not null)
        {
            parts.Add("default " + defaultValue);
        }

        if (column.ComputedColumnSql is not null)
        {
            parts.Add("computed as " + column.ComputedColumnSql);
        }

        return string.Join(", ", parts);
    }

    private static string ColumnChanges(ColumnOperation before, ColumnOperation after)
    {
        var changes = new List<string>();
        if (TypeOf(before) != TypeOf(after))
        {
            changes.Add($"type {TypeOf(before)} -> {TypeOf(after)}");
        }

        if (before.IsNullable != after.IsNullable)
        {
            changes.Add(after.IsNullable ? "now allows null (was not null)" : "now not null (was null allowed)");
        }

        var (oldDefault, newDefault) = (DefaultOf(before), DefaultOf(after));
        if (oldDefault != newDefault)
        {
            changes.Add($"default {oldDefault ?? "none"} -> {newDefault ?? "none"}");
        }

        if (before.ComputedColumnSql != after.ComputedColumnSql)
        {
            changes.Add($"computed SQL {before.ComputedColumnSql ?? "none"} -> {after.ComputedColumnSql ?? "none"}");
        }

        if (before.Collation != after.Collation)
        {
            changes.Add($"collation {before.Collation ?? "default"} -> {after.Collation ?? "default"}");
        }

        if (before.Comment != after.Comment)
        {
            changes.Add("comment changed");
        }

        return changes.Count == 0 ? "changed (provider-specific settings)" : string.Join("; ", changes);
    }

    private static string TableChanges(AlterTableOperation table)
        => table.OldTable.Comment != table.Comment ? "comment changed" : "changed (provider-specific settings)";

    private static string TypeOf(ColumnOperation column)
    {
        if (!string.IsNullOrEmpty(column.ColumnType))
        {
            return column.ColumnType;
        }

        var type = Nullable.GetUnderlyingType(column.ClrType) ?? column.ClrType;
        var name = type.Name;
        if (column.MaxLength is int maxLength)
        {
            name += $"({maxLength})";
        }
        else if (column.Precision is int precision)
        {
            name += column.Scale is int scale ? $"({precision},{scale})" : $"({precision})";
        }

        return name;
    }

    private static string? DefaultOf(ColumnOperation column)
    {
        if (column.DefaultValueSql is not null)
        {
            return column.DefaultValueSql;
        }

        return column.DefaultValue switch
        {
            null => null,
            string s => $"'{s}'",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };
    }

    private static string IndexTraits(CreateIndexOperation index)
    {
        var traits = new List<string>();
        if (index.IsUnique)
        {
            traits.Add("unique");
        }

        if (index.Filter is not null)
        {
            traits.Add("where " + index.Filter);
        }

        return traits.Count == 0 ? "" : $" ({string.Join(", ", traits)})";
    }

    private static string OnDelete(Microsoft.EntityFrameworkCore.Migrations.ReferentialAction action) => action switch
    {
        Microsoft.EntityFrameworkCore.Migrations.ReferentialAction.NoAction => "no action",
        Microsoft.EntityFrameworkCore.Migrations.ReferentialAction.Restrict => "restrict",
        Microsoft.EntityFrameworkCore.Migrations.ReferentialAction.Cascade => "cascade",
        Microsoft.EntityFrameworkCore.Migrations.ReferentialAction.SetNull => "set null",
        Microsoft.EntityFrameworkCore.Migrations.ReferentialAction.SetDefault => "set default",
        _ => action.ToString(),
    };
}
