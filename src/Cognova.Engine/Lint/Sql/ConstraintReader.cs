using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Sql;

/// <summary>
/// Reads a table constraint, <c>[CONSTRAINT name] FOREIGN KEY | UNIQUE | PRIMARY KEY | CHECK … [NOT VALID]</c>,
/// into the operation that adds it.
/// </summary>
internal static class ConstraintReader
{
    public static MigrationOperation? Read(IReadOnlyList<SqlToken> tokens, int i, int to, SqlName table)
    {
        var name = "";
        if (tokens.IsWord(i, "constraint") && SqlName.IsName(tokens, i + 1))
        {
            name = SqlName.Part(tokens[i + 1]);
            i += 2;
        }

        MigrationOperation? operation = tokens.Keyword(i) switch
        {
            "foreign" when tokens.IsWord(i + 1, "key") && tokens.IsPunctuation(i + 2, "(") => ReadForeignKey(tokens, i + 2, to, table, name),
            "unique" => new AddUniqueConstraintOperation { Schema = table.Schema, Table = table.Name, Name = name, Columns = Columns(tokens, i + 1, to) },
            "primary" => new AddPrimaryKeyOperation { Schema = table.Schema, Table = table.Name, Name = name, Columns = Columns(tokens, i + 2, to) },
            "check" => new AddCheckConstraintOperation { Schema = table.Schema, Table = table.Name, Name = name, Sql = CheckSql(tokens, i + 1, to) },
            _ => null,
        };
        if (operation is null)
        {
            return null;
        }

        if (tokens.IndexOfTopLevelWord(i, "valid") is var valid and > 0 && valid < to && tokens.IsWord(valid - 1, "not"))
        {
            operation.AddAnnotation(RawAnnotations.NotValid, true);
        }

        if (tokens.IndexOfTopLevelWord(i, "using") is var usingIndex and > 0 && usingIndex < to && tokens.IsWord(usingIndex + 1, "index"))
        {
            operation.AddAnnotation(RawAnnotations.UsingIndex, true);
        }

        return operation;
    }

    /// <summary><c>REFERENCES table [(columns)] [MATCH …] [ON DELETE action] [ON UPDATE action]</c>, starting after REFERENCES.</summary>
    public static AddForeignKeyOperation ReadReferences(IReadOnlyList<SqlToken> tokens, int i, int to, SqlName table, string name, string[] columns)
    {
        var principal = SqlName.Read(tokens, ref i);
        var key = new AddForeignKeyOperation
        {
            Schema = table.Schema, Table = table.Name, Name = name, Columns = columns,
            PrincipalSchema = principal?.Schema, PrincipalTable = principal?.Name ?? "",
            PrincipalColumns = tokens.IsPunctuation(i, "(") ? DdlStatementReader.ItemsIn(tokens, i).ToArray() : null,
        };
        for (var k = i; k < to; k++)
        {
            if (tokens.IsWord(k, "on") && tokens.IsWord(k + 1, "delete"))
            {
                key.OnDelete = DdlStatementReader.ReadReferentialAction(tokens, k + 2);
            }
            else if (tokens.IsWord(k, "on") && tokens.IsWord(k + 1, "update"))
            {
                key.OnUpdate = DdlStatementReader.ReadReferentialAction(tokens, k + 2);
            }
        }

        return key;
    }

    private static AddForeignKeyOperation ReadForeignKey(IReadOnlyList<SqlToken> tokens, int open, int to, SqlName table, string name)
    {
        var columns = DdlStatementReader.ItemsIn(tokens, open).ToArray();
        var i = tokens.ClosingParenthesis(open) + 1;
        return tokens.IsWord(i, "references")
            ? ReadReferences(tokens, i + 1, to, table, name, columns)
            : new AddForeignKeyOperation { Schema = table.Schema, Table = table.Name, Name = name, Columns = columns, PrincipalTable = "" };
    }

    private static string[] Columns(IReadOnlyList<SqlToken> tokens, int i, int to)
    {
        for (; i < to; i++)
        {
            if (tokens.IsPunctuation(i, "("))
            {
                return DdlStatementReader.ItemsIn(tokens, i).ToArray();
            }
        }

        return [];
    }

    private static string CheckSql(IReadOnlyList<SqlToken> tokens, int open, int to) =>
        tokens.IsPunctuation(open, "(") ? tokens.Render(open + 1, Math.Min(tokens.ClosingParenthesis(open), to)) : tokens.Render(open, to);
}
