using Cognova.Engine.Lint.ColumnTypes;
using Cognova.Engine.Lint.Sql;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

/// <summary>
/// A column type change that can lose or reject data (COG2105), or that only rewrites the table (COG2303).
/// The types are the ones the provider emits, not the operation's optional arguments: the new type is read
/// from the generated <c>ALTER COLUMN … TYPE</c>; a missing old type (EF Core 1.x/2.x never wrote <c>type:</c>/
/// <c>oldType:</c>) is the column's store type in the model before the migration (the previous migration's
/// target model, the same source the generator reads the new type from), else the provider's default mapping of
/// the old CLR type and facets. A raw <c>ALTER COLUMN … TYPE</c> whose old type stays unknown is reported as a rewrite.
/// </summary>
public sealed class LossyColumnTypeChangeRule : IMigrationRule
{
    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        if (context.Operation is not AlterColumnOperation alter || !context.IsExistingTable(alter.Schema, alter.Table))
        {
            yield break;
        }

        var newType = alter.ColumnType ?? EmittedType(context.Sql, alter) ?? context.StoreTypes.Of(alter);
        if (newType is null)
        {
            yield break;
        }

        var oldType = alter.OldColumn.ColumnType
                      ?? context.StoreTypes.BeforeMigration(alter.Schema, alter.Table, alter.Name)
                      ?? context.StoreTypes.Of(alter.OldColumn);
        var column = ObjectNames.Column(alter.Schema, alter.Table, alter.Name);
        var table = ObjectNames.Table(alter.Schema, alter.Table);
        if (oldType is null)
        {
            if (context.RawSource is not null)
            {
                yield return new RuleHit(RuleCatalog.TableRewrite, $"changes the type of column {column} to {newType}, which rewrites {table} unless the old type converts to it without one (the old type is not known here)", context.Sql);
            }

            yield break;
        }

        var change = ColumnTypeChange.Classify(oldType, newType);
        if (change.Kind == TypeChangeKind.Lossy)
        {
            yield return new RuleHit(RuleCatalog.LossyTypeChange, $"changes column {column} from {change.OldType} to {change.NewType} ({change.Reason})", context.Sql);
        }
        else if (change.Kind == TypeChangeKind.Rewrite)
        {
            // The rule's own text says what the rewrite and its lock do; the reason keeps only the why.
            var reason = change.Reason.Replace(TypePair.RewriteConsequence, "", StringComparison.Ordinal);
            yield return new RuleHit(RuleCatalog.TableRewrite, $"changes column {column} from {change.OldType} to {change.NewType}, which rewrites {table} ({reason})", context.Sql);
        }
    }

    /// <summary>The type in the provider's <c>ALTER TABLE … ALTER COLUMN c TYPE t</c> for this column, if it emitted one.</summary>
    private static string? EmittedType(string sql, AlterColumnOperation alter) =>
        RawSqlAnalyzer.Read(sql)
            .Select(read => read.Operation)
            .OfType<AlterColumnOperation>()
            .FirstOrDefault(emitted => emitted.ColumnType is not null && string.Equals(emitted.Name, alter.Name, StringComparison.OrdinalIgnoreCase))
            ?.ColumnType;
}
