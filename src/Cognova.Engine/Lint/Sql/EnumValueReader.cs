using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint.Sql;

/// <summary>Reads <c>ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'v' [BEFORE | AFTER 'w']</c>.</summary>
internal static class EnumValueReader
{
    public static IReadOnlyList<MigrationOperation>? Read(IReadOnlyList<SqlToken> tokens)
    {
        var i = 2;
        var type = SqlName.Read(tokens, ref i);
        if (type is null || !DdlStatementReader.SkipIf(tokens, ref i, "add", "value"))
        {
            return null;
        }

        DdlStatementReader.SkipIf(tokens, ref i, "if", "not", "exists");
        if (i >= tokens.Count || tokens[i].Kind is not (SqlTokenKind.String or SqlTokenKind.DollarString))
        {
            return null;
        }

        var value = SqlLiteral.Content(tokens[i++]);
        string? position = null;
        if (tokens.Keyword(i) is "before" or "after" && i + 1 < tokens.Count)
        {
            position = $"{tokens[i].Text.ToUpperInvariant()} '{SqlLiteral.Content(tokens[i + 1])}'";
        }

        return [new AddEnumValueOperation { Schema = type.Schema, Type = type.Name, Value = value, Position = position }];
    }
}
