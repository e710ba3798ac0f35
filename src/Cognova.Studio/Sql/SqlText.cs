using System.Globalization;
using System.Text;

namespace Cognova.Studio.Sql;

/// <summary>How names and, for reading only, values are written into SQL text.</summary>
internal static class SqlText
{
    /// <summary>A quoted identifier: <c>"</c> around it and every <c>"</c> inside doubled, so no name can end the quote.</summary>
    public static string Quote(string identifier)
    {
        if (identifier.Contains('\0', StringComparison.Ordinal))
        {
            throw new StudioRequestException(400, "A name cannot contain a NUL character.");
        }

        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary><c>"schema"."table"</c>.</summary>
    public static string QualifiedName(string schema, string table) => Quote(schema) + "." + Quote(table);

    private static readonly HashSet<string> NumericTypes = new(StringComparer.Ordinal)
    {
        "smallint", "integer", "bigint", "real", "double precision", "numeric", "oid",
    };

    /// <summary>
    /// A value as a literal for a person to read (the preview of staged changes). Execution never uses this:
    /// values are always parameters.
    /// </summary>
    public static string Literal(string? value, string type)
    {
        if (value is null)
        {
            return "NULL";
        }

        var baseType = type.Split('(')[0].Trim();
        if (NumericTypes.Contains(baseType) && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            return value;
        }

        if (baseType == "boolean" && value is "true" or "false")
        {
            return value;
        }

        var literal = new StringBuilder("'").Append(value.Replace("'", "''", StringComparison.Ordinal)).Append('\'');
        return baseType is "text" or "character varying" or "character" ? literal.ToString() : literal.Append("::").Append(type).ToString();
    }

    /// <summary>A LIKE/ILIKE pattern matching <paramref name="text"/> literally: <c>\</c>, <c>%</c> and <c>_</c> escaped with <c>\</c>.</summary>
    public static string LikeEscape(string text)
        => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
