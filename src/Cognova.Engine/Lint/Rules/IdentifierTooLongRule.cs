using System.Text;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Rules;

/// <summary>
/// Names a migration gives to new tables, columns, indexes, keys, constraints, sequences and schemas that are
/// longer than PostgreSQL's NAMEDATALEN - 1 = 63 bytes (UTF-8), which PostgreSQL truncates without an error.
/// </summary>
public sealed class IdentifierTooLongRule : IMigrationRule
{
    private const int MaxBytes = 63;

    public IEnumerable<RuleHit> Check(OperationContext context)
    {
        foreach (var (kind, name) in Names(context.Operation))
        {
            var bytes = Encoding.UTF8.GetByteCount(name);
            if (bytes > MaxBytes)
            {
                yield return new RuleHit(RuleCatalog.IdentifierTooLong, $"names {kind} {name} ({bytes} bytes; PostgreSQL keeps the first {MaxBytes})", context.Sql);
            }
        }
    }

    private static IEnumerable<(string Kind, string Name)> Names(MigrationOperation operation)
    {
        switch (operation)
        {
            case CreateTableOperation table:
                yield return ("table", table.Name);
                foreach (var column in table.Columns)
                {
                    yield return ("column", column.Name);
                }

                if (table.PrimaryKey is { } primaryKey)
                {
                    yield return ("primary key", primaryKey.Name);
                }

                foreach (var name in table.ForeignKeys.Select(k => k.Name).Concat(table.UniqueConstraints.Select(u => u.Name)).Concat(table.CheckConstraints.Select(c => c.Name)))
                {
                    yield return ("constraint", name);
                }

                break;
            case AddColumnOperation column:
                yield return ("column", column.Name);
                break;
            case RenameTableOperation rename when rename.NewName is not null:
                yield return ("table", rename.NewName);
                break;
            case RenameColumnOperation rename:
                yield return ("column", rename.NewName);
                break;
            case RenameIndexOperation rename:
                yield return ("index", rename.NewName);
                break;
            case CreateIndexOperation index:
                yield return ("index", index.Name);
                break;
            case AddForeignKeyOperation foreignKey:
                yield return ("constraint", foreignKey.Name);
                break;
            case AddPrimaryKeyOperation primary:
                yield return ("primary key", primary.Name);
                break;
            case AddUniqueConstraintOperation unique:
                yield return ("constraint", unique.Name);
                break;
            case AddCheckConstraintOperation check:
                yield return ("constraint", check.Name);
                break;
            case CreateSequenceOperation sequence:
                yield return ("sequence", sequence.Name);
                break;
            case EnsureSchemaOperation schema:
                yield return ("schema", schema.Name);
                break;
        }
    }
}
