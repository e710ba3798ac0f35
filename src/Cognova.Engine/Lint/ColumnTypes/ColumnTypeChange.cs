namespace Cognova.Engine.Lint.ColumnTypes;

/// <summary>
/// Classifies a change of a PostgreSQL column's store type (EF Core's <c>AlterColumnOperation</c>: old column
/// type → new column type) as <see cref="TypeChangeKind.Same"/>, <see cref="TypeChangeKind.Safe"/> (catalog only),
/// <see cref="TypeChangeKind.Rewrite"/> (no data lost, but the table is rewritten under an ACCESS EXCLUSIVE lock)
/// or <see cref="TypeChangeKind.Lossy"/>, with the reason in plain words.
/// </summary>
/// <remarks>
/// Assumes PostgreSQL 13 or later. What decides Safe against Rewrite is ALTER COLUMN TYPE's own test: the table is
/// not rewritten when the conversion is binary-coercible (a relabel, e.g. varchar → text, cidr → inet, xml → text) or
/// a length coercion that the type's planner support function proves is a no-op (a raised or removed limit on
/// varchar, varbit, numeric with the same scale, and the fractional-second precision of timestamp, time and interval).
/// Anything else, including any element-by-element array conversion, rewrites. Deliberately ignored: since
/// PostgreSQL 12, timestamp ↔ timestamptz skips the rewrite when the session time zone is UTC; this check cannot
/// know the session and reports a rewrite (and timestamptz → timestamp as lossy).
/// </remarks>
public static class ColumnTypeChange
{
    public static TypeChange Classify(string? oldType, string? newType)
    {
        var oldText = oldType?.Trim() ?? "";
        var newText = newType?.Trim() ?? "";
        if (oldText.Length == 0 || newText.Length == 0)
        {
            var which = (oldText.Length, newText.Length) switch
            {
                (0, 0) => "neither store type is known",
                (0, _) => "the old store type is unknown",
                _ => "the new store type is unknown",
            };
            return new TypeChange(
                TypeChangeKind.Same,
                oldText,
                newText,
                $"{Shown(oldText)} -> {Shown(newText)}: {which} (EF Core gave no column type), so the change is not classified");
        }

        return Classify(new TypePair(PostgresType.Parse(oldText), PostgresType.Parse(newText), oldText, newText));
    }

    internal static TypeChange Classify(TypePair pair)
    {
        if (pair.From == pair.To)
        {
            return string.Equals(pair.OldText, pair.NewText, StringComparison.Ordinal)
                ? pair.Same("is unchanged")
                : pair.Same($"is the same type once aliases, case and spacing are normalised ({pair.To})");
        }

        if (pair.From.IsArray || pair.To.IsArray)
        {
            return ClassifyArrays(pair);
        }

        return NumberTypeRules.Classify(pair)
            ?? TextTypeRules.Classify(pair)
            ?? TemporalTypeRules.Classify(pair)
            ?? SpecialTypeRules.Classify(pair)
            ?? FamilyChange(pair);
    }

    private static TypeChange ClassifyArrays(TypePair pair)
    {
        var (from, to) = (pair.From, pair.To);
        if (from.IsArray && !to.IsArray)
        {
            return to.Name is "text" or "citext" || (to.Name == "character varying" && to.Modifiers is null)
                ? pair.Rewrite("stores each array's text form (such as {1,2,3}), so nothing is lost")
                : pair.Lossy($"turns an array into a single {to.Name} value: existing arrays cannot be cast automatically, and converting them by hand fails or drops elements");
        }

        if (!from.IsArray)
        {
            return pair.Lossy("turns a single value into an array: PostgreSQL has no cast for that, so existing values must be converted by hand and may fail");
        }

        var element = Classify(new TypePair(from.Element, to.Element, from.Element.ToString(), to.Element.ToString()));
        if (element.Kind != TypeChangeKind.Safe)
        {
            return pair.Make(element.Kind, $"converts every element: {element.Reason}");
        }

        // Only dropping the element's limit leaves the column's type unchanged and needs no conversion at all;
        // any other array conversion runs element by element, which PostgreSQL never skips.
        return to.Element.Name == from.Element.Name && to.Element.Modifiers is null
            ? pair.Safe($"only relaxes the element type ({element.Reason})")
            : pair.Make(
                TypeChangeKind.Rewrite,
                $"converts every element ({element.Reason}), but PostgreSQL converts arrays element by element, "
                + "so it rewrites the table and its indexes, holding an ACCESS EXCLUSIVE lock meanwhile");
    }

    private static TypeChange FamilyChange(TypePair pair)
    {
        var (from, to) = (pair.From, pair.To);
        var unknownNote = (from.Family, to.Family) switch
        {
            (PostgresTypeFamily.UserDefined, PostgresTypeFamily.UserDefined) => "; neither is a built-in type (they are enum, domain or extension types)",
            (PostgresTypeFamily.UserDefined, _) => $"; {from} is not a built-in type (an enum, domain or extension type)",
            (_, PostgresTypeFamily.UserDefined) => $"; {to} is not a built-in type (an enum, domain or extension type)",
            _ => "",
        };
        if (from.Family != to.Family)
        {
            return pair.Lossy($"changes the type family ({Described(from.Family)} to {Described(to.Family)}): existing values must be cast and may fail{unknownNote}");
        }

        var different = from.Family == PostgresTypeFamily.Other ? "a different type" : $"a different {Described(from.Family)} type";
        return pair.Lossy($"changes to {different}: existing values must be cast and may fail{unknownNote}");
    }

    private static string Described(PostgresTypeFamily family) => family switch
    {
        PostgresTypeFamily.Integer => "integer",
        PostgresTypeFamily.Numeric => "numeric",
        PostgresTypeFamily.FloatingPoint => "floating-point",
        PostgresTypeFamily.String => "text",
        PostgresTypeFamily.Boolean => "boolean",
        PostgresTypeFamily.Uuid => "uuid",
        PostgresTypeFamily.Date => "date",
        PostgresTypeFamily.Timestamp => "timestamp",
        PostgresTypeFamily.Time => "time of day",
        PostgresTypeFamily.Interval => "interval",
        PostgresTypeFamily.Json => "JSON",
        PostgresTypeFamily.Binary => "binary",
        PostgresTypeFamily.Network => "network address",
        PostgresTypeFamily.Xml => "XML",
        PostgresTypeFamily.BitString => "bit string",
        PostgresTypeFamily.Money => "money",
        PostgresTypeFamily.Other => "other built-in",
        _ => "user-defined",
    };

    private static string Shown(string storeType) => storeType.Length == 0 ? "(none)" : storeType;
}
