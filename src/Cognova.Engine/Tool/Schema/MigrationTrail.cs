using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Tool.Schema;

/// <summary>
/// What the applied migrations' operations left in the database that their target models do not
/// record, found by walking the operations in order (renames and drops followed): the default an
/// <c>AddColumn(defaultValue:)</c> or <c>AlterColumn</c> set last, the delete action each foreign key was
/// created with (EF Core 2.x wrote <c>ReferentialAction.Restrict</c> where today's model says NO ACTION),
/// the sequence each serial column got when it was created (it keeps that name when the table or
/// column is renamed), and the names the migrations' raw SQL changes the schema of.
/// </summary>
internal sealed class MigrationTrail
{
    private const string ValueGenerationStrategy = "Npgsql:ValueGenerationStrategy";

    // Npgsql 2.0 marked a serial column this way, before the value generation strategies.
    private const string LegacyValueGeneratedOnAdd = "Npgsql:ValueGeneratedOnAdd";

    private readonly Dictionary<ObjectKey, (ColumnOperation Column, string Migration)> _defaults = [];
    private readonly Dictionary<ObjectKey, (string Sequence, string Migration)> _serialSequences = [];
    private readonly Dictionary<ObjectKey, ForeignKeyAsCreated> _foreignKeys = [];
    private readonly HashSet<string> _rawSqlNames = new(StringComparer.Ordinal);

    /// <summary>Walks <paramref name="operations"/>, the Up operations of the applied migrations in the order they ran, each with its migration's id.</summary>
    public static MigrationTrail Walk(IEnumerable<(string Migration, MigrationOperation Operation)> operations)
    {
        var trail = new MigrationTrail();
        foreach (var (migration, operation) in operations)
        {
            trail.Apply(migration, operation);
        }

        return trail;
    }

    /// <summary>The column's default as the last operation that created or altered it left it, and its migration; null when none set one.</summary>
    public (ColumnOperation Column, string Migration)? DefaultSetBy(string? schema, string table, string column)
        => _defaults.TryGetValue(ObjectKey.Of(schema, table, column), out var set) ? set : null;

    /// <summary>The name of the sequence the column got when a migration created it as a serial column, and that migration.</summary>
    public (string Sequence, string Migration)? SerialSequenceOf(string? schema, string table, string column)
        => _serialSequences.TryGetValue(ObjectKey.Of(schema, table, column), out var serial) ? serial : null;

    /// <summary>The migration that created the foreign key as <paramref name="live"/> has it (the same columns, principal and delete action), or null.</summary>
    public string? MigrationThatCreated(AddForeignKeyOperation live)
        => _foreignKeys.TryGetValue(ObjectKey.Of(live.Schema, live.Table, live.Name), out var created) && created.Matches(live) ? created.Migration : null;

    /// <summary>Whether a raw SQL statement of the migrations that can change the schema names <paramref name="name"/>.</summary>
    public bool RawSqlMentions(string name) => _rawSqlNames.Contains(name);

    private void Apply(string migration, MigrationOperation operation)
    {
        switch (operation)
        {
            case CreateTableOperation table:
                foreach (var column in table.Columns)
                {
                    SetColumn(migration, column, column.Schema ?? table.Schema, table.Name);
                }

                foreach (var foreignKey in table.ForeignKeys)
                {
                    _foreignKeys[ObjectKey.Of(foreignKey.Schema ?? table.Schema, table.Name, foreignKey.Name)] = ForeignKeyAsCreated.From(foreignKey, migration);
                }

                break;
            case AddColumnOperation column:
                SetColumn(migration, column, column.Schema, column.Table);
                break;
            case AlterColumnOperation column:
                SetColumn(migration, column, column.Schema, column.Table);
                break;
            case DropColumnOperation column:
                var dropped = ObjectKey.Of(column.Schema, column.Table, column.Name);
                _defaults.Remove(dropped);
                _serialSequences.Remove(dropped);
                break;
            case RenameColumnOperation column:
                var renamed = ObjectKey.Of(column.Schema, column.Table, column.Name);
                Move(_defaults, key => key == renamed, key => key with { Name = column.NewName });
                Move(_serialSequences, key => key == renamed, key => key with { Name = column.NewName });
                foreach (var (key, foreignKey) in _foreignKeys.ToList())
                {
                    _foreignKeys[key] = foreignKey.WithColumnRenamed(key.IsIn(column.Schema, column.Table), column.Schema, column.Table, column.Name, column.NewName);
                }
                break;
            case RenameTableOperation table:
                var (schema, name) = (table.NewSchema ?? table.Schema, table.NewName ?? table.Name);
                Move(key => key.IsIn(table.Schema, table.Name), key => ObjectKey.Of(schema, name, key.Name));
                foreach (var (key, foreignKey) in _foreignKeys.Where(entry => entry.Value.References(table.Schema, table.Name)).ToList())
                {
                    _foreignKeys[key] = foreignKey with { PrincipalSchema = schema ?? "", PrincipalTable = name };
                }
                break;
            case DropTableOperation table:
                Remove(key => key.IsIn(table.Schema, table.Name));
                break;
            case AddForeignKeyOperation foreignKey:
                _foreignKeys[ObjectKey.Of(foreignKey.Schema, foreignKey.Table, foreignKey.Name)] = ForeignKeyAsCreated.From(foreignKey, migration);
                break;
            case DropForeignKeyOperation foreignKey:
                _foreignKeys.Remove(ObjectKey.Of(foreignKey.Schema, foreignKey.Table, foreignKey.Name));
                break;
            case SqlOperation sql:
                _rawSqlNames.UnionWith(RawSqlNames.SchemaChangedBy(sql.Sql));
                break;
        }
    }

    private void SetColumn(string migration, ColumnOperation column, string? schema, string table)
    {
        var key = ObjectKey.Of(schema, table, column.Name);
        if (column.DefaultValue is not null || column.DefaultValueSql is not null)
        {
            _defaults[key] = (column, migration);
        }
        else
        {
            _defaults.Remove(key);
        }

        if (IsSerial(column))
        {
            // PostgreSQL names a serial column's sequence <table>_<column>_seq, once: renames keep it.
            _serialSequences.TryAdd(key, ($"{table}_{key.Name}_seq", migration));
        }
        else
        {
            _serialSequences.Remove(key);
        }
    }

    private static bool IsSerial(ColumnOperation column)
        => string.Equals(Convert.ToString(column[ValueGenerationStrategy]), "SerialColumn", StringComparison.Ordinal)
           || column[LegacyValueGeneratedOnAdd] is true;

    private void Remove(Func<ObjectKey, bool> matches)
    {
        foreach (var key in _defaults.Keys.Where(matches).ToList())
        {
            _defaults.Remove(key);
        }

        foreach (var key in _serialSequences.Keys.Where(matches).ToList())
        {
            _serialSequences.Remove(key);
        }

        foreach (var key in _foreignKeys.Keys.Where(matches).ToList())
        {
            _foreignKeys.Remove(key);
        }
    }

    private void Move(Func<ObjectKey, bool> matches, Func<ObjectKey, ObjectKey> rename)
    {
        Move(_defaults, matches, rename);
        Move(_serialSequences, matches, rename);
        Move(_foreignKeys, matches, rename);
    }

    private static void Move<T>(Dictionary<ObjectKey, T> entries, Func<ObjectKey, bool> matches, Func<ObjectKey, ObjectKey> rename)
    {
        foreach (var (key, value) in entries.Where(entry => matches(entry.Key)).ToList())
        {
            entries.Remove(key);
            entries[rename(key)] = value;
        }
    }

    /// <summary>A column or a foreign key: its table (the default schema as null) and its own name.</summary>
    private readonly record struct ObjectKey(string Schema, string Table, string Name)
    {
        public static ObjectKey Of(string? schema, string table, string name) => new(schema ?? "", table, name);

        public bool IsIn(string? schema, string table) => Schema == (schema ?? "") && Table == table;
    }

    /// <summary>A foreign key as a migration created it (no principal columns: the principal's primary key).</summary>
    private sealed record ForeignKeyAsCreated(string[] Columns, string PrincipalSchema, string PrincipalTable, string[] PrincipalColumns, ReferentialAction OnDelete, string Migration)
    {
        public static ForeignKeyAsCreated From(AddForeignKeyOperation operation, string migration)
            => new(operation.Columns, operation.PrincipalSchema ?? "", operation.PrincipalTable, operation.PrincipalColumns ?? [], operation.OnDelete, migration);

        public bool References(string? schema, string table) => PrincipalSchema == (schema ?? "") && PrincipalTable == table;

        public ForeignKeyAsCreated WithColumnRenamed(bool inDependent, string? schema, string table, string name, string newName)
            => this with
            {
                Columns = inDependent ? Rename(Columns, name, newName) : Columns,
                PrincipalColumns = References(schema, table) ? Rename(PrincipalColumns, name, newName) : PrincipalColumns,
            };

        public bool Matches(AddForeignKeyOperation live)
            => Columns.SequenceEqual(live.Columns)
               && References(live.PrincipalSchema, live.PrincipalTable)
               && (PrincipalColumns.Length == 0 || PrincipalColumns.SequenceEqual(live.PrincipalColumns ?? []))
               && OnDelete == live.OnDelete;

        private static string[] Rename(string[] columns, string name, string newName)
            => columns.Select(column => column == name ? newName : column).ToArray();
    }
}
