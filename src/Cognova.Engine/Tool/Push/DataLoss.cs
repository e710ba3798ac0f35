using System.Data.Common;
using System.Globalization;
using Cognova.Engine.Lint.ColumnTypes;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cognova.Engine.Tool.Push;

/// <summary>One step of a push that can lose data, and how much: the rows it touches, or null when they cannot be counted.</summary>
public sealed record DataLoss(string What, long? Rows, string RowsMean)
{
    /// <summary>Data is lost unless the count says there is none.</summary>
    public bool LosesData => Rows is not 0;

    /// <summary>"drops column `color` of `tags`, 1,204 rows have a value".</summary>
    public override string ToString()
        => Rows is { } rows
            ? $"{What}, {rows.ToString("N0", CultureInfo.InvariantCulture)} {(rows == 1 ? "row" : "rows")} {(rows == 1 ? Singular(RowsMean) : RowsMean)}"
            : $"{What} ({RowsMean})";

    private static string Singular(string text) => text.StartsWith("have ", StringComparison.Ordinal) ? "has " + text[5..] : text;
}

/// <summary>
/// Finds the steps of a push plan that lose data and counts what they would lose on the live database:
/// the rows of a dropped table, the values in a dropped column, the values a narrowing type change may
/// cut or reject. Counting runs before anything changes, so the question to the user carries numbers.
/// </summary>
internal static class DataLossEstimator
{
    public static IReadOnlyList<DataLoss> Estimate(IEnumerable<MigrationOperation> operations, DbConnection connection, ISqlGenerationHelper sql)
    {
        var losses = new List<DataLoss>();
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case DropTableOperation table:
                    losses.Add(new DataLoss(
                        $"drops table `{Name(table.Schema, table.Name)}`",
                        Count(connection, $"SELECT count(*) FROM {sql.DelimitIdentifier(table.Name, table.Schema)}"),
                        "are deleted"));
                    break;
                case DropColumnOperation column:
                    losses.Add(new DataLoss(
                        $"drops column `{column.Name}` of `{Name(column.Schema, column.Table)}`",
                        Count(connection, $"SELECT count(*) FROM {sql.DelimitIdentifier(column.Table, column.Schema)} WHERE {sql.DelimitIdentifier(column.Name)} IS NOT NULL"),
                        "have a value"));
                    break;
                case AlterColumnOperation alter when ColumnTypeChange.Classify(alter.OldColumn.ColumnType, alter.ColumnType) is { Kind: TypeChangeKind.Lossy } change:
                    losses.Add(new DataLoss(
                        $"changes the type of column `{alter.Name}` of `{Name(alter.Schema, alter.Table)}`: {change.Reason}",
                        Count(connection, $"SELECT count(*) FROM {sql.DelimitIdentifier(alter.Table, alter.Schema)} WHERE {sql.DelimitIdentifier(alter.Name)} IS NOT NULL"),
                        "have a value that may be cut, rounded or rejected"));
                    break;
                case DropSequenceOperation sequence:
                    losses.Add(new DataLoss($"drops sequence `{Name(sequence.Schema, sequence.Name)}`", null, "its current value is lost"));
                    break;
                case DropSchemaOperation schema:
                    losses.Add(new DataLoss($"drops schema `{schema.Name}`", null, "with everything still in it"));
                    break;
            }
        }

        return losses;
    }

    private static long? Count(DbConnection connection, string query)
    {
        using var command = connection.CreateCommand();
        command.CommandText = query;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string Name(string? schema, string name) => string.IsNullOrEmpty(schema) ? name : schema + "." + name;
}
