using Cognova.Engine.Lint.ColumnTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Tool.Schema;

/// <summary>
/// The operations that turn one schema into another, from EF Core's model differ, without the
/// differences that only come from reading a schema back from the database: a model read from
/// PostgreSQL cannot know what the application's model says beyond the catalog (CLR types, how a
/// default was written), so alterations that change nothing in the database are dropped.
/// </summary>
public static class SchemaDiff
{
    public static IReadOnlyList<MigrationOperation> Between(DbContext context, IModel? from, IModel? to)
    {
        var operations = context.GetService<IMigrationsModelDiffer>().GetDifferences(from?.GetRelationalModel(), to?.GetRelationalModel());
        return operations.Where(o => !IsNoOp(o)).ToList();
    }

    /// <summary>An alteration whose column, as PostgreSQL stores it, stays the same.</summary>
    public static bool IsNoOp(MigrationOperation operation) => operation switch
    {
        AlterColumnOperation alter => SameColumn(alter, alter.OldColumn),
        AlterDatabaseOperation database => SameAnnotations(database, database.OldDatabase),
        AlterTableOperation table => table.Comment == table.OldTable.Comment && SameAnnotations(table, table.OldTable),
        AlterSequenceOperation sequence => sequence.IncrementBy == sequence.OldSequence.IncrementBy
                                           && sequence.MinValue == sequence.OldSequence.MinValue
                                           && sequence.MaxValue == sequence.OldSequence.MaxValue
                                           && sequence.IsCyclic == sequence.OldSequence.IsCyclic
                                           && SameAnnotations(sequence, sequence.OldSequence),
        _ => false,
    };

    private static bool SameColumn(ColumnOperation column, ColumnOperation old)
        => SameDefault(column, old) && SameColumnApartFromDefault(column, old, []);

    /// <summary>
    /// An alteration that changes the column's default and nothing else PostgreSQL stores (leaving aside
    /// the annotations named in <paramref name="ignoredAnnotations"/>).
    /// </summary>
    public static bool DiffersOnlyInDefault(AlterColumnOperation alter, params string[] ignoredAnnotations)
        => !SameDefault(alter, alter.OldColumn) && SameColumnApartFromDefault(alter, alter.OldColumn, ignoredAnnotations);

    private static bool SameColumnApartFromDefault(ColumnOperation column, ColumnOperation old, string[] ignoredAnnotations)
        => SameType(column.ColumnType, old.ColumnType)
           && column.IsNullable == old.IsNullable
           && column.ComputedColumnSql == old.ComputedColumnSql
           && column.IsStored == old.IsStored
           && column.Comment == old.Comment
           && column.Collation == old.Collation
           && SameAnnotations(column, old, ignoredAnnotations);

    /// <summary>
    /// A default read from the database comes as SQL and, where the scaffolder can parse it, as a value
    /// too; the model has one or the other. Compare what each side means: the value when there is one.
    /// </summary>
    public static bool SameDefault(ColumnOperation column, ColumnOperation old)
        => string.Equals(EffectiveDefault(column), EffectiveDefault(old), StringComparison.OrdinalIgnoreCase);

    private static string? EffectiveDefault(ColumnOperation column)
        => column.DefaultValue is { } value
            ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)
            : NormalizeSql(column.DefaultValueSql);

    // Where a column stands in its table: the database cannot move a column, and the model's order
    // only matters when a table is created.
    private const string ColumnOrderAnnotation = "Relational:ColumnOrder";

    private static bool SameAnnotations(IMutableAnnotatable current, IMutableAnnotatable old, string[]? ignored = null)
    {
        bool Compared(IAnnotation x) => x.Value is not null && x.Name != ColumnOrderAnnotation && ignored?.Contains(x.Name) != true;
        var a = current.GetAnnotations().Where(Compared).ToDictionary(x => x.Name, x => x.Value);
        var b = old.GetAnnotations().Where(Compared).ToDictionary(x => x.Name, x => x.Value);
        return a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && Equals(Convert.ToString(value), Convert.ToString(pair.Value)));
    }

    /// <summary>The same PostgreSQL type, once aliases, case and spacing are set aside (<c>int4</c> = <c>integer</c>).</summary>
    private static bool SameType(string? type, string? old)
        => string.Equals(type, old, StringComparison.OrdinalIgnoreCase)
           || (type is not null && old is not null && ColumnTypeChange.Classify(old, type).Kind == TypeChangeKind.Same);

    private static string? NormalizeSql(string? sql) => sql?.Trim().TrimStart('(').TrimEnd(')').Replace(" ", "", StringComparison.Ordinal);
}
