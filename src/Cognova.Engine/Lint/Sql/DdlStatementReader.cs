using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Sql;

/// <summary>
/// Reads a raw DDL statement into the EF Core operations that do the same thing (<c>ALTER TABLE t RENAME TO u</c>
/// is a <see cref="RenameTableOperation"/>), so that the rules written for operations apply to raw SQL unchanged.
/// Facts an operation has no property for (<c>NOT VALID</c>, <c>CONCURRENTLY</c>) go into
/// <see cref="RawAnnotations"/>. Reads <c>CREATE TABLE</c>, <c>CREATE INDEX</c>, <c>ALTER TABLE</c> actions,
/// <c>ALTER TYPE … ADD VALUE</c> and <c>DROP TABLE | SCHEMA | SEQUENCE | INDEX</c>; anything else gives null.
/// </summary>
internal static class DdlStatementReader
{
    public static IReadOnlyList<MigrationOperation>? Read(IReadOnlyList<SqlToken> tokens) => tokens.Keyword(0) switch
    {
        "create" => ReadCreate(tokens),
        "alter" when tokens.IsWord(1, "table") => ReadAlterTable(tokens),
        "alter" when tokens.IsWord(1, "type") => EnumValueReader.Read(tokens),
        "drop" => ReadDrop(tokens),
        _ => null,
    };

    private static IReadOnlyList<MigrationOperation>? ReadCreate(IReadOnlyList<SqlToken> tokens)
    {
        var i = 1;
        var unique = tokens.IsWord(i, "unique");
        if (unique)
        {
            i++;
        }

        if (tokens.IsWord(i, "index"))
        {
            return ReadCreateIndex(tokens, i + 1, unique);
        }

        while (tokens.Keyword(i) is "global" or "local" or "temp" or "temporary" or "unlogged")
        {
            i++;
        }

        return tokens.IsWord(i, "table") ? ReadCreateTable(tokens, i + 1) : null;
    }

    /// <summary><c>CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table [USING method] (columns) …</c>.</summary>
    private static IReadOnlyList<MigrationOperation>? ReadCreateIndex(IReadOnlyList<SqlToken> tokens, int i, bool unique)
    {
        var concurrently = tokens.IsWord(i, "concurrently");
        if (concurrently)
        {
            i++;
        }

        SkipIf(tokens, ref i, "if", "not", "exists");
        var name = tokens.IsWord(i, "on") ? null : SqlName.Read(tokens, ref i);
        if (!tokens.IsWord(i++, "on"))
        {
            return null;
        }

        SkipIf(tokens, ref i, "only");
        var table = SqlName.Read(tokens, ref i);
        if (table is null)
        {
            return null;
        }

        if (tokens.IsWord(i, "using"))
        {
            i += 2;
        }

        string[] columns = tokens.IsPunctuation(i, "(") ? [.. ItemsIn(tokens, i)] : [];
        var index = new CreateIndexOperation
        {
            Name = name?.Name ?? "",
            Schema = table.Schema,
            Table = table.Name,
            Columns = columns,
            IsUnique = unique,
        };
        if (concurrently)
        {
            index.AddAnnotation(RawAnnotations.Concurrently, true);
        }

        return [index];
    }

    /// <summary><c>CREATE TABLE [IF NOT EXISTS] name (column definitions and constraints) …</c>; also <c>AS</c>, <c>OF</c> and <c>PARTITION OF</c> forms, by name only.</summary>
    private static IReadOnlyList<MigrationOperation>? ReadCreateTable(IReadOnlyList<SqlToken> tokens, int i)
    {
        SkipIf(tokens, ref i, "if", "not", "exists");
        var name = SqlName.Read(tokens, ref i);
        if (name is null)
        {
            return null;
        }

        var create = new CreateTableOperation { Schema = name.Schema, Name = name.Name };
        if (tokens.IsPunctuation(i, "("))
        {
            var close = tokens.ClosingParenthesis(i);
            foreach (var (from, to) in ListItems(tokens, i + 1, close))
            {
                if (IsConstraintStart(tokens, from))
                {
                    continue;
                }

                if (ColumnDefinitionReader.Read(tokens, from, to, name) is { } column)
                {
                    create.Columns.Add(column.Column);
                }
            }
        }

        return [create];
    }

    /// <summary><c>ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, …]</c>.</summary>
    private static IReadOnlyList<MigrationOperation>? ReadAlterTable(IReadOnlyList<SqlToken> tokens)
    {
        var i = 2;
        SkipIf(tokens, ref i, "if", "exists");
        SkipIf(tokens, ref i, "only");
        var table = SqlName.Read(tokens, ref i);
        if (table is null)
        {
            return null;
        }

        if (i < tokens.Count && tokens[i].Kind == SqlTokenKind.Operator && tokens[i].Text == "*")
        {
            i++;
        }

        var operations = new List<MigrationOperation>();
        foreach (var (from, to) in ListItems(tokens, i, tokens.Count))
        {
            operations.AddRange(AlterTableActionReader.Read(tokens, from, to, table));
        }

        return operations;
    }

    /// <summary><c>DROP TABLE | SCHEMA | SEQUENCE | INDEX [CONCURRENTLY] [IF EXISTS] name [, …] [CASCADE | RESTRICT]</c>.</summary>
    private static IReadOnlyList<MigrationOperation>? ReadDrop(IReadOnlyList<SqlToken> tokens)
    {
        var kind = tokens.Keyword(1);
        if (kind is not ("table" or "schema" or "sequence" or "index"))
        {
            return null;
        }

        var i = 2;
        var concurrently = kind == "index" && tokens.IsWord(i, "concurrently");
        if (concurrently)
        {
            i++;
        }

        var conditional = SkipIf(tokens, ref i, "if", "exists");
        var operations = new List<MigrationOperation>();
        while (SqlName.Read(tokens, ref i) is { } name)
        {
            MigrationOperation drop = kind switch
            {
                "table" => new DropTableOperation { Schema = name.Schema, Name = name.Name },
                "schema" => new DropSchemaOperation { Name = name.Name },
                "sequence" => new DropSequenceOperation { Schema = name.Schema, Name = name.Name },
                _ => new DropIndexOperation { Schema = name.Schema, Name = name.Name },
            };
            if (concurrently)
            {
                drop.AddAnnotation(RawAnnotations.Concurrently, true);
            }

            if (conditional)
            {
                drop.AddAnnotation(RawAnnotations.Conditional, true);
            }

            operations.Add(drop);
            if (!tokens.IsPunctuation(i, ","))
            {
                break;
            }

            i++;
        }

        return operations.Count > 0 ? operations : null;
    }

    /// <summary>Whether a table element or an added item starts a table constraint rather than a column.</summary>
    internal static bool IsConstraintStart(IReadOnlyList<SqlToken> tokens, int i) =>
        tokens.Keyword(i) is "constraint" or "check" or "unique" or "primary" or "foreign" or "exclude" or "like";

    /// <summary>The comma-separated items of the parenthesized list opening at <paramref name="open"/>, as written (names unquoted and folded).</summary>
    internal static List<string> ItemsIn(IReadOnlyList<SqlToken> tokens, int open)
    {
        var close = tokens.ClosingParenthesis(open);
        return ListItems(tokens, open + 1, close)
            .Select(item => item.To - item.From == 1 && SqlName.IsName(tokens, item.From)
                ? SqlName.Part(tokens[item.From])
                : tokens.Render(item.From, item.To))
            .ToList();
    }

    /// <summary>The ranges [from, to) of the top-level comma-separated items between <paramref name="from"/> and <paramref name="end"/>.</summary>
    internal static IEnumerable<(int From, int To)> ListItems(IReadOnlyList<SqlToken> tokens, int from, int end)
    {
        var start = from;
        for (var i = from; i < end; i++)
        {
            if (tokens.IsPunctuation(i, "("))
            {
                i = tokens.ClosingParenthesis(i);
            }
            else if (tokens.IsPunctuation(i, ","))
            {
                if (i > start)
                {
                    yield return (start, i);
                }

                start = i + 1;
            }
        }

        if (end > start)
        {
            yield return (start, Math.Min(end, tokens.Count));
        }
    }

    /// <summary>Moves past the given words if they are next, and says whether they were.</summary>
    internal static bool SkipIf(IReadOnlyList<SqlToken> tokens, ref int i, params string[] words)
    {
        for (var k = 0; k < words.Length; k++)
        {
            if (!tokens.IsWord(i + k, words[k]))
            {
                return false;
            }
        }

        i += words.Length;
        return true;
    }

    internal static ReferentialAction ReadReferentialAction(IReadOnlyList<SqlToken> tokens, int i) => tokens.Keyword(i) switch
    {
        "cascade" => ReferentialAction.Cascade,
        "restrict" => ReferentialAction.Restrict,
        "set" when tokens.IsWord(i + 1, "null") => ReferentialAction.SetNull,
        "set" => ReferentialAction.SetDefault,
        _ => ReferentialAction.NoAction,
    };
}
