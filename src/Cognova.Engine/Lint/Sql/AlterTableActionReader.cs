using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Sql;

/// <summary>
/// Reads one action of <c>ALTER TABLE</c> into operations: <c>ADD [COLUMN]</c>, <c>ADD</c> a constraint,
/// <c>DROP [COLUMN]</c>, <c>ALTER [COLUMN] … TYPE | SET NOT NULL | DROP NOT NULL</c>, <c>RENAME [COLUMN] … TO</c>
/// and <c>RENAME TO</c>. Other actions (defaults, constraints dropped or validated, storage settings) give none.
/// </summary>
internal static class AlterTableActionReader
{
    public static IEnumerable<MigrationOperation> Read(IReadOnlyList<SqlToken> tokens, int from, int to, SqlName table) => tokens.Keyword(from) switch
    {
        "add" => ReadAdd(tokens, from + 1, to, table),
        "drop" => ReadDropColumn(tokens, from + 1, to, table),
        "alter" => ReadAlterColumn(tokens, from + 1, to, table),
        "rename" => ReadRename(tokens, from + 1, to, table),
        _ => [],
    };

    private static IEnumerable<MigrationOperation> ReadAdd(IReadOnlyList<SqlToken> tokens, int i, int to, SqlName table)
    {
        if (DdlStatementReader.IsConstraintStart(tokens, i))
        {
            return ConstraintReader.Read(tokens, i, to, table) is { } constraint ? [constraint] : [];
        }

        DdlStatementReader.SkipIf(tokens, ref i, "column");
        var conditional = DdlStatementReader.SkipIf(tokens, ref i, "if", "not", "exists");
        if (ColumnDefinitionReader.Read(tokens, i, to, table) is not { } definition)
        {
            return [];
        }

        if (conditional)
        {
            definition.Column.AddAnnotation(RawAnnotations.Conditional, true);
        }

        return [definition.Column, .. definition.Constraints];
    }

    private static IEnumerable<MigrationOperation> ReadDropColumn(IReadOnlyList<SqlToken> tokens, int i, int to, SqlName table)
    {
        if (tokens.Keyword(i) is "constraint" or "default" or "not" or "identity" or "expression")
        {
            return [];
        }

        DdlStatementReader.SkipIf(tokens, ref i, "column");
        DdlStatementReader.SkipIf(tokens, ref i, "if", "exists");
        return i < to && SqlName.IsName(tokens, i)
            ? [new DropColumnOperation { Schema = table.Schema, Table = table.Name, Name = SqlName.Part(tokens[i]) }]
            : [];
    }

    /// <summary><c>ALTER [COLUMN] c [SET DATA] TYPE t [COLLATE …] [USING …]</c>, <c>SET NOT NULL</c>, <c>DROP NOT NULL</c>.</summary>
    private static IEnumerable<MigrationOperation> ReadAlterColumn(IReadOnlyList<SqlToken> tokens, int i, int to, SqlName table)
    {
        DdlStatementReader.SkipIf(tokens, ref i, "column");
        if (i >= to || !SqlName.IsName(tokens, i))
        {
            return [];
        }

        var name = SqlName.Part(tokens[i++]);
        var alter = new AlterColumnOperation
        {
            Schema = table.Schema, Table = table.Name, Name = name, ClrType = typeof(object), IsNullable = true,
            OldColumn = new AddColumnOperation { Schema = table.Schema, Table = table.Name, Name = name, ClrType = typeof(object), IsNullable = true },
        };
        DdlStatementReader.SkipIf(tokens, ref i, "set", "data");
        if (DdlStatementReader.SkipIf(tokens, ref i, "type"))
        {
            var end = i;
            while (end < to && tokens.Keyword(end) is not ("collate" or "using"))
            {
                end++;
            }

            alter.ColumnType = ColumnDefinitionReader.TypeText(tokens, i, end);
            return [alter];
        }

        if (DdlStatementReader.SkipIf(tokens, ref i, "set", "not", "null"))
        {
            alter.IsNullable = false;
            return [alter];
        }

        if (DdlStatementReader.SkipIf(tokens, ref i, "drop", "not", "null"))
        {
            alter.OldColumn.IsNullable = false;
            return [alter];
        }

        return [];
    }

    /// <summary><c>RENAME TO new</c>, <c>RENAME [COLUMN] old TO new</c>; <c>RENAME CONSTRAINT</c> gives none.</summary>
    private static IEnumerable<MigrationOperation> ReadRename(IReadOnlyList<SqlToken> tokens, int i, int to, SqlName table)
    {
        if (DdlStatementReader.SkipIf(tokens, ref i, "to"))
        {
            return SqlName.IsName(tokens, i)
                ? [new RenameTableOperation { Schema = table.Schema, Name = table.Name, NewSchema = table.Schema, NewName = SqlName.Part(tokens[i]) }]
                : [];
        }

        if (tokens.IsWord(i, "constraint"))
        {
            return [];
        }

        DdlStatementReader.SkipIf(tokens, ref i, "column");
        if (!SqlName.IsName(tokens, i) || !tokens.IsWord(i + 1, "to") || !SqlName.IsName(tokens, i + 2))
        {
            return [];
        }

        return [new RenameColumnOperation { Schema = table.Schema, Table = table.Name, Name = SqlName.Part(tokens[i]), NewName = SqlName.Part(tokens[i + 2]) }];
    }
}
