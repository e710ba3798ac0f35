using Cognova.Engine.Lint.Sql;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

/// <summary>
/// Dropped sequences, also the <c>DROP SEQUENCE … CASCADE</c> that Npgsql emits for an <c>AlterColumn</c> whose
/// column loses its serial strategy, and PostgreSQL enum types that the model no longer has (Npgsql records
/// enums as <c>Npgsql:Enum:name</c> annotations on the database, so a removal shows in AlterDatabase).
/// </summary>
public sealed class DropSequenceOrTypeRule : IMigrationRule
{
    private const string EnumAnnotationPrefix = "Npgsql:Enum:";

    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        switch (context.Operation)
        {
            case DropSequenceOperation drop:
                yield return new RuleHit(RuleCatalog.DropSequenceOrType, $"drops sequence {ObjectNames.Table(drop.Schema, drop.Name)}", context.Sql);
                break;
            case AlterColumnOperation alter when context.RawSource is null:
                foreach (var read in RawSqlAnalyzer.Read(context.Sql))
                {
                    if (read.Operation is DropSequenceOperation sequence)
                    {
                        yield return new RuleHit(
                            RuleCatalog.DropSequenceOrType,
                            $"drops sequence {ObjectNames.Table(sequence.Schema, sequence.Name)} of column {ObjectNames.Column(alter.Schema, alter.Table, alter.Name)}, which loses its serial default",
                            context.Sql);
                    }
                }

                break;
            case AlterDatabaseOperation alter:
                var remaining = alter.GetAnnotations().Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var old in alter.OldDatabase.GetAnnotations().Where(a => a.Name.StartsWith(EnumAnnotationPrefix, StringComparison.Ordinal)))
                {
                    if (!remaining.Contains(old.Name))
                    {
                        var type = old.Name[EnumAnnotationPrefix.Length..].Replace(':', '.');
                        yield return new RuleHit(RuleCatalog.DropSequenceOrType, $"drops enum type {type}", context.Sql);
                    }
                }

                break;
        }
    }
}
