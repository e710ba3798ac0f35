using Cognova.Build.Design.Lint.Sql;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Design.Lint;

/// <summary>
/// What a migration has done to tables so far, operation by operation: the tables it created (those are
/// not existing tables with rows) and the tables it emptied with an unconditional DELETE or TRUNCATE.
/// Names compare without case, and the <c>public</c> schema is the same as no schema, since raw SQL folds
/// unquoted names and EF Core leaves the default schema out.
/// </summary>
public sealed class MigrationTables
{
    private readonly HashSet<string> _created = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _emptied = new(StringComparer.OrdinalIgnoreCase);

    public bool WasCreated(string? schema, string table) => _created.Contains(Key(schema, table));

    public bool WasEmptied(string? schema, string table) => _emptied.Contains(Key(schema, table));

    /// <summary>Records what an operation that has just been checked did.</summary>
    public void Track(MigrationOperation operation)
    {
        switch (operation)
        {
            case CreateTableOperation create:
                _created.Add(Key(create.Schema, create.Name));
                break;
            case RawHazardOperation { Hazard.Kind: RawSqlHazardKind.DeleteWithoutWhere or RawSqlHazardKind.Truncate } emptied:
                foreach (var name in emptied.Hazard.Target.Split(", ", StringSplitOptions.RemoveEmptyEntries))
                {
                    _emptied.Add(Key(null, name));
                }

                break;
        }
    }

    public static string Key(string? schema, string table)
    {
        var qualified = string.IsNullOrEmpty(schema) ? table : schema + "." + table;
        return qualified.StartsWith("public.", StringComparison.OrdinalIgnoreCase) ? qualified["public.".Length..] : qualified;
    }
}
