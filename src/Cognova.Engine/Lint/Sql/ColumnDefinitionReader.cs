using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Sql;

/// <summary>
/// Reads a column definition, <c>name type [COLLATE c] [column constraints]</c>, into an <see cref="AddColumnOperation"/>
/// (store type, nullability, default or generated expression) and the constraints it declares inline
/// (<c>REFERENCES</c>, <c>UNIQUE</c>, <c>PRIMARY KEY</c>, <c>CHECK</c>) as operations of their own.
/// </summary>
internal static class ColumnDefinitionReader
{
    // Words that end the type or the DEFAULT expression: the start of the next column constraint.
    private static readonly HashSet<string> ConstraintWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "collate", "constraint", "not", "null", "check", "default", "generated", "unique", "primary", "references", "deferrable", "initially",
    };

    /// <summary>Npgsql's annotation for how a column's values are generated; raw identity columns set it too.</summary>
    internal const string ValueGenerationStrategy = "Npgsql:ValueGenerationStrategy";

    private static readonly HashSet<string> SerialTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "serial", "serial4", "bigserial", "serial8", "smallserial", "serial2",
    };

    public static (AddColumnOperation Column, List<MigrationOperation> Constraints)? Read(IReadOnlyList<SqlToken> tokens, int from, int to, SqlName table)
    {
        if (!SqlName.IsName(tokens, from))
        {
            return null;
        }

        var column = new AddColumnOperation
        {
            Schema = table.Schema, Table = table.Name, Name = SqlName.Part(tokens[from]), ClrType = typeof(object), IsNullable = true,
        };
        var i = from + 1;
        var typeEnd = NextConstraintWord(tokens, i, to);
        column.ColumnType = TypeText(tokens, i, typeEnd);
        if (column.ColumnType is { } type && SerialTypes.Contains(type))
        {
            // serial is integer with a nextval() default: a volatile default that fills every existing row.
            column.DefaultValueSql = $"nextval('{table.Name}_{column.Name}_seq')";
        }

        var constraints = new List<MigrationOperation>();
        string? constraintName = null;
        i = typeEnd;
        while (i < to)
        {
            var end = NextConstraintWord(tokens, i + 1, to);
            switch (tokens.Keyword(i))
            {
                case "constraint":
                    constraintName = SqlName.IsName(tokens, i + 1) ? SqlName.Part(tokens[i + 1]) : null;
                    end = Math.Min(i + 2, to);
                    break;
                case "not" when tokens.IsWord(i + 1, "null"):
                    column.IsNullable = false;
                    end = NextConstraintWord(tokens, i + 2, to);
                    break;
                case "default":
                    column.DefaultValueSql = Expression(tokens, i + 1, end);
                    break;
                case "generated":
                    end = ReadGenerated(tokens, i + 1, to, column);
                    break;
                case "primary":
                    column.IsNullable = false;
                    constraints.Add(new AddPrimaryKeyOperation { Schema = table.Schema, Table = table.Name, Name = constraintName ?? "", Columns = [column.Name] });
                    break;
                case "unique":
                    constraints.Add(new AddUniqueConstraintOperation { Schema = table.Schema, Table = table.Name, Name = constraintName ?? "", Columns = [column.Name] });
                    break;
                case "check":
                    constraints.Add(new AddCheckConstraintOperation { Schema = table.Schema, Table = table.Name, Name = constraintName ?? "", Sql = tokens.Render(i + 1, end) });
                    break;
                case "references":
                    constraints.Add(ConstraintReader.ReadReferences(tokens, i + 1, end, table, constraintName ?? "", [column.Name]));
                    break;
            }

            constraintName = tokens.IsWord(i, "constraint") ? constraintName : null;
            i = Math.Max(end, i + 1);
        }

        return (column, constraints);
    }

    /// <summary>
    /// <c>GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(options)]</c> or <c>GENERATED ALWAYS AS (expr) [STORED | VIRTUAL]</c>,
    /// read from after GENERATED; returns where the next constraint starts.
    /// </summary>
    private static int ReadGenerated(IReadOnlyList<SqlToken> tokens, int i, int to, AddColumnOperation column)
    {
        while (i < to && tokens.Keyword(i) is "always" or "by" or "default" or "as")
        {
            i++;
        }

        if (tokens.IsWord(i, "identity"))
        {
            // Every existing row gets the next value, like a serial column: the column is filled, never NULL.
            column.IsNullable = false;
            column.AddAnnotation(ValueGenerationStrategy, "IdentityColumn");
            i++;
        }
        else if (tokens.IsPunctuation(i, "("))
        {
            var close = tokens.ClosingParenthesis(i);
            column.ComputedColumnSql = Expression(tokens, i + 1, close);
            i = close + 1;
            column.IsStored = tokens.IsWord(i, "stored");
            if (tokens.Keyword(i) is "stored" or "virtual")
            {
                i++;
            }
        }

        if (tokens.IsPunctuation(i, "("))
        {
            i = tokens.ClosingParenthesis(i) + 1;
        }

        return Math.Min(Math.Max(i, 0), to);
    }

    /// <summary>The store type as one line (<c>character varying(100)</c>), or null when none is written.</summary>
    internal static string? TypeText(IReadOnlyList<SqlToken> tokens, int from, int to)
    {
        if (to <= from)
        {
            return null;
        }

        return tokens.Render(from, to).Replace(" (", "(", StringComparison.Ordinal).Replace(" [", "[", StringComparison.Ordinal);
    }

    /// <summary>An expression as one line, with a function name glued to its arguments: <c>concat('a', 'b')</c>.</summary>
    internal static string Expression(IReadOnlyList<SqlToken> tokens, int from, int to) =>
        System.Text.RegularExpressions.Regex.Replace(tokens.Render(from, to), @"(?<=\w) \(", "(");

    private static int NextConstraintWord(IReadOnlyList<SqlToken> tokens, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (tokens.IsPunctuation(i, "("))
            {
                i = tokens.ClosingParenthesis(i);
            }
            else if (tokens[i].Kind == SqlTokenKind.Word && ConstraintWords.Contains(tokens[i].Text))
            {
                return i;
            }
        }

        return to;
    }

    private static int IndexOfPunctuation(IReadOnlyList<SqlToken> tokens, int from, int to, string text)
    {
        for (var i = from; i < to; i++)
        {
            if (tokens.IsPunctuation(i, text))
            {
                return i;
            }
        }

        return -1;
    }
}
