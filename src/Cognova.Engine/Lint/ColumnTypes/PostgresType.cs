using System.Globalization;
using System.Text;

namespace Cognova.Engine.Lint.ColumnTypes;

/// <summary>
/// A PostgreSQL store type as EF Core / Npgsql write it in a migration, parsed and normalised: case and
/// spacing are normalised, aliases resolved to the names PostgreSQL itself prints (<c>int4</c> → <c>integer</c>,
/// <c>varchar</c> → <c>character varying</c>, <c>timestamptz</c> → <c>timestamp with time zone</c>...), the type
/// modifier is split from the name and array brackets become <see cref="IsArray"/>.
/// </summary>
/// <param name="Name">The canonical name without modifier or brackets: <c>numeric</c>, <c>character varying</c>,
/// <c>interval day to second</c>, or a user type's name (lower case unless it was quoted with capitals).</param>
/// <param name="Modifiers">The type modifier without parentheses or spaces (<c>10,2</c>, <c>200</c>), or null when there is none.
/// <c>numeric(p)</c> becomes <c>p,0</c>, a bare <c>char</c> and <c>bit</c> get their implicit length 1, and a fractional-second
/// precision of 6 (the maximum) is dropped because it is what the unconstrained type stores anyway.</param>
/// <param name="IsArray">Whether the column is an array of the type. PostgreSQL ignores array sizes and dimensions, so they are not kept.</param>
public sealed record PostgresType(string Name, string? Modifiers, bool IsArray)
{
    private const int MaxFractionalSecondDigits = 6;

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["int"] = "integer",
        ["int4"] = "integer",
        ["integer"] = "integer",
        ["serial"] = "integer",
        ["serial4"] = "integer",
        ["int8"] = "bigint",
        ["bigint"] = "bigint",
        ["bigserial"] = "bigint",
        ["serial8"] = "bigint",
        ["int2"] = "smallint",
        ["smallint"] = "smallint",
        ["smallserial"] = "smallint",
        ["serial2"] = "smallint",
        ["decimal"] = "numeric",
        ["dec"] = "numeric",
        ["numeric"] = "numeric",
        ["float8"] = "double precision",
        ["double precision"] = "double precision",
        ["float4"] = "real",
        ["real"] = "real",
        ["bool"] = "boolean",
        ["boolean"] = "boolean",
        ["varchar"] = "character varying",
        ["char varying"] = "character varying",
        ["character varying"] = "character varying",
        ["char"] = "character",
        ["character"] = "character",
        ["bpchar"] = "character",
        ["timestamptz"] = "timestamp with time zone",
        ["timestamp with time zone"] = "timestamp with time zone",
        ["timestamp"] = "timestamp without time zone",
        ["timestamp without time zone"] = "timestamp without time zone",
        ["timetz"] = "time with time zone",
        ["time with time zone"] = "time with time zone",
        ["time"] = "time without time zone",
        ["time without time zone"] = "time without time zone",
        ["varbit"] = "bit varying",
        ["bit varying"] = "bit varying",
    };

    private static readonly HashSet<string> OtherKnownTypes = new(StringComparer.Ordinal)
    {
        "point", "line", "lseg", "box", "path", "polygon", "circle",
        "tsvector", "tsquery",
        "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange",
        "int4multirange", "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange",
        "oid", "name", "\"char\"", "pg_lsn", "pg_snapshot", "txid_snapshot", "xid", "xid8", "regclass", "regtype",
        "hstore", "ltree", "lquery", "geometry", "geography", "vector", "halfvec", "sparsevec", "cube",
    };

    /// <summary>The broad group of the type, from its name (arrays report their element's family).</summary>
    public PostgresTypeFamily Family => Name switch
    {
        "smallint" or "integer" or "bigint" => PostgresTypeFamily.Integer,
        "numeric" => PostgresTypeFamily.Numeric,
        "real" or "double precision" => PostgresTypeFamily.FloatingPoint,
        "text" or "character varying" or "character" or "citext" => PostgresTypeFamily.String,
        "boolean" => PostgresTypeFamily.Boolean,
        "uuid" => PostgresTypeFamily.Uuid,
        "date" => PostgresTypeFamily.Date,
        "timestamp without time zone" or "timestamp with time zone" => PostgresTypeFamily.Timestamp,
        "time without time zone" or "time with time zone" => PostgresTypeFamily.Time,
        "json" or "jsonb" => PostgresTypeFamily.Json,
        "bytea" => PostgresTypeFamily.Binary,
        "inet" or "cidr" or "macaddr" or "macaddr8" => PostgresTypeFamily.Network,
        "xml" => PostgresTypeFamily.Xml,
        "bit" or "bit varying" => PostgresTypeFamily.BitString,
        "money" => PostgresTypeFamily.Money,
        _ when IsInterval(Name) => PostgresTypeFamily.Interval,
        _ when OtherKnownTypes.Contains(Name) => PostgresTypeFamily.Other,
        _ => PostgresTypeFamily.UserDefined,
    };

    /// <summary>The type of one element: the type itself without <see cref="IsArray"/>.</summary>
    public PostgresType Element => this with { IsArray = false };

    /// <summary>The integer at the given position of the modifier (<c>numeric(10,2)</c>: 0 → 10, 1 → 2), or null.</summary>
    public int? ModifierAt(int index)
    {
        if (Modifiers is null)
        {
            return null;
        }

        var parts = Modifiers.Split(',');
        return index < parts.Length
            && int.TryParse(parts[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>The type as PostgreSQL would print it: <c>numeric(10,2)</c>, <c>timestamp(3) with time zone</c>, <c>text[]</c>.</summary>
    public override string ToString()
    {
        var name = Name;
        if (Modifiers is not null)
        {
            var modifier = "(" + Modifiers + ")";
            var space = name.IndexOf(' ', StringComparison.Ordinal);
            name = space > 0 && (name.StartsWith("timestamp ", StringComparison.Ordinal) || name.StartsWith("time ", StringComparison.Ordinal))
                ? name[..space] + modifier + name[space..]
                : name + modifier;
        }

        return IsArray ? name + "[]" : name;
    }

    /// <summary>Parses a store type; throws when it is null or blank (the classifier deals with those first).</summary>
    public static PostgresType Parse(string storeType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storeType);

        var text = Tidy(storeType);
        var isArray = false;
        while (true)
        {
            if (text.EndsWith(']'))
            {
                var open = text.LastIndexOf('[');
                if (open <= 0 || !IsDigits(text[(open + 1)..^1]))
                {
                    break;
                }

                text = text[..open].TrimEnd();
                isArray = true;
            }
            else if (text.EndsWith(" array", StringComparison.Ordinal))
            {
                text = text[..^" array".Length].TrimEnd();
                isArray = true;
            }
            else
            {
                break;
            }
        }

        string? modifiers = null;
        var openParen = IndexOutsideQuotes(text, '(');
        var closeParen = openParen > 0 ? text.IndexOf(')', openParen) : -1;
        if (closeParen > openParen)
        {
            modifiers = text[(openParen + 1)..closeParen];
            text = (text[..openParen] + text[(closeParen + 1)..]).Trim();
        }

        if (text.StartsWith("pg_catalog.", StringComparison.Ordinal))
        {
            text = text["pg_catalog.".Length..];
        }

        return Normalise(text, string.IsNullOrEmpty(modifiers) ? null : modifiers, isArray);
    }

    private static PostgresType Normalise(string written, string? modifiers, bool isArray)
    {
        if (written == "float")
        {
            // float(p) is real up to 24 binary digits of precision and double precision above; plain float is double.
            var bits = modifiers is not null && int.TryParse(modifiers, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 53;
            return new PostgresType(bits <= 24 ? "real" : "double precision", null, isArray);
        }

        var name = Aliases.GetValueOrDefault(written, written);
        switch (name)
        {
            case "numeric" when modifiers is not null && !modifiers.Contains(','):
                modifiers += ",0";
                break;
            case "character" when modifiers is null && written != "bpchar":
            case "bit" when modifiers is null:
                modifiers = "1";
                break;
            case "timestamp without time zone" or "timestamp with time zone" or "time without time zone" or "time with time zone"
                when IsAtLeastMaxPrecision(modifiers):
            case var _ when IsInterval(name) && IsAtLeastMaxPrecision(modifiers):
                modifiers = null;
                break;
        }

        return new PostgresType(name, modifiers, isArray);
    }

    private static bool IsDigits(string text) => text.All(char.IsAsciiDigit);

    private static bool IsInterval(string name)
        => name == "interval" || name.StartsWith("interval ", StringComparison.Ordinal);

    private static bool IsAtLeastMaxPrecision(string? modifiers)
        => modifiers is not null
            && int.TryParse(modifiers, NumberStyles.None, CultureInfo.InvariantCulture, out var precision)
            && precision >= MaxFractionalSecondDigits;

    /// <summary>
    /// Lower-cases everything outside double quotes, collapses white space, and drops the spaces around
    /// parentheses, commas and brackets (but keeps the one after a closing parenthesis, as in
    /// <c>timestamp(3) with time zone</c>). A quoted name keeps its quotes only when they matter (capitals, odd characters).
    /// </summary>
    private static string Tidy(string storeType)
    {
        var builder = new StringBuilder(storeType.Length);
        var i = 0;
        while (i < storeType.Length)
        {
            var c = storeType[i];
            if (c == '"')
            {
                var identifier = new StringBuilder();
                i++;
                while (i < storeType.Length)
                {
                    if (storeType[i] == '"')
                    {
                        if (i + 1 < storeType.Length && storeType[i + 1] == '"')
                        {
                            identifier.Append('"');
                            i += 2;
                            continue;
                        }

                        break;
                    }

                    identifier.Append(storeType[i]);
                    i++;
                }

                i++;
                var name = identifier.ToString();
                builder.Append(IsPlainIdentifier(name) ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
            }
            else if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] is not (' ' or '(' or ',' or '['))
                {
                    builder.Append(' ');
                }

                i++;
            }
            else
            {
                if ((c is '(' or ')' or ',' or '[' or ']') && builder.Length > 0 && builder[^1] == ' ')
                {
                    builder.Length--;
                }

                builder.Append(char.ToLowerInvariant(c));
                i++;
            }
        }

        return builder.ToString().Trim();
    }

    // "char" in quotes is PostgreSQL's internal one-byte type, not character(1), so its quotes are kept.
    private static bool IsPlainIdentifier(string name)
        => name.Length > 0
            && name != "char"
            && (name[0] is (>= 'a' and <= 'z') or '_')
            && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '$');

    private static int IndexOutsideQuotes(string text, char wanted)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && text[i] == wanted)
            {
                return i;
            }
        }

        return -1;
    }
}
