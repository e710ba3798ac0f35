namespace Cognova.Engine.Lint.ColumnTypes;

/// <summary>
/// Changes to a string type (text, character varying, character, citext), from a string type or from any other type.
/// A change from a string type to another family is left to the family-change rule.
/// </summary>
internal static class TextTypeRules
{
    private const string CatalogOnly = "PostgreSQL only updates the catalog";

    public static TypeChange? Classify(TypePair pair)
    {
        var (from, to) = (pair.From, pair.To);
        if (to.Family != PostgresTypeFamily.String)
        {
            return null;
        }

        if (from.Family == PostgresTypeFamily.String)
        {
            return StringToString(pair);
        }

        if (from.Family == PostgresTypeFamily.Xml && IsPlainText(to) && Limit(to) is null)
        {
            return pair.Safe($"is binary-coercible (xml is stored as its text): {CatalogOnly}");
        }

        if (Limit(to) is not int limit)
        {
            return pair.Rewrite("stores the text form of each value, so nothing is lost");
        }

        return MaxTextLength(from) is int longest && longest <= limit
            ? pair.Rewrite($"keeps every value: the text form of any {from.Name} value has at most {longest} characters")
            : pair.Lossy($"stores the text form of each value in at most {limit} characters: longer values are rejected");
    }

    private static TypeChange StringToString(TypePair pair)
    {
        var (from, to) = (pair.From, pair.To);
        if (to.Name == "citext")
        {
            return from.Name == "character"
                ? pair.Rewrite(
                    "strips the trailing pad spaces of each value and makes comparisons case-insensitive; "
                    + "a unique index fails if existing values differ only in case")
                : pair.Make(
                    TypeChangeKind.Rewrite,
                    "is binary-coercible, so the rows are not rewritten, but PostgreSQL rebuilds every index on the column with "
                    + "citext's case-insensitive operators, holding an ACCESS EXCLUSIVE lock meanwhile, and a unique index "
                    + "fails if existing values differ only in case");
        }

        if (from.Name == "citext")
        {
            return Limit(to) is int limit
                ? pair.Lossy($"limits values to {limit} characters: longer values are rejected")
                : pair.Make(
                    TypeChangeKind.Rewrite,
                    "is binary-coercible, so the rows are not rewritten, but PostgreSQL rebuilds every index on the column with "
                    + "case-sensitive operators, holding an ACCESS EXCLUSIVE lock meanwhile, and comparisons become case-sensitive");
        }

        if (to.Name == "character")
        {
            return ToCharacter(pair);
        }

        if (from.Name == "character")
        {
            return FromCharacter(pair);
        }

        // text and character varying, with or without a limit, share one representation.
        var (oldLimit, newLimit) = (Limit(from), Limit(to));
        if (newLimit is null)
        {
            return oldLimit is null
                ? pair.Safe($"is binary-coercible: {CatalogOnly}")
                : pair.Safe($"removes the {oldLimit}-character limit: {CatalogOnly}");
        }

        if (oldLimit is null)
        {
            return pair.Lossy($"limits values to {newLimit} characters: longer values are rejected");
        }

        return newLimit >= oldLimit
            ? pair.Safe($"raises the length limit from {oldLimit} to {newLimit}: {CatalogOnly}")
            : pair.Lossy($"lowers the length limit from {oldLimit} to {newLimit}: longer values are rejected");
    }

    /// <summary>To character(n), or to bpchar without a limit, from text, character varying or character.</summary>
    private static TypeChange ToCharacter(TypePair pair)
    {
        var (from, to) = (pair.From, pair.To);
        var (oldLimit, newLimit) = (Limit(from), Limit(to));
        if (from.Name == "character")
        {
            if (newLimit is null)
            {
                return pair.Safe($"removes the {oldLimit}-character limit: {CatalogOnly}");
            }

            if (oldLimit is null)
            {
                return pair.Lossy($"limits values to {newLimit} characters: longer values are rejected");
            }

            return newLimit > oldLimit
                ? pair.Rewrite($"pads every value with spaces to {newLimit} characters")
                : pair.Lossy($"lowers the length limit from {oldLimit} to {newLimit}: values longer than {newLimit} characters (not counting trailing spaces) are rejected");
        }

        if (newLimit is null)
        {
            return pair.Make(
                TypeChangeKind.Rewrite,
                "is binary-coercible, so the rows are not rewritten, but trailing spaces become insignificant in comparisons "
                + "and PostgreSQL rebuilds every index on the column, holding an ACCESS EXCLUSIVE lock meanwhile");
        }

        return oldLimit is int limit && limit <= newLimit
            ? pair.Rewrite($"pads every value with spaces to {newLimit} characters, and trailing spaces become insignificant in comparisons")
            : pair.Lossy($"limits values to {newLimit} characters: longer values are rejected");
    }

    /// <summary>From character(n) or bpchar to text or character varying.</summary>
    private static TypeChange FromCharacter(TypePair pair)
    {
        var (oldLimit, newLimit) = (Limit(pair.From), Limit(pair.To));
        if (newLimit is null)
        {
            return pair.Rewrite("strips the trailing pad spaces of each value (character ignores them anyway, so nothing meaningful is lost)");
        }

        return oldLimit is int limit && limit <= newLimit
            ? pair.Rewrite($"strips the trailing pad spaces of each value, and every value fits in {newLimit} characters")
            : pair.Lossy($"limits values to {newLimit} characters: longer values are rejected");
    }

    private static bool IsPlainText(PostgresType type) => type.Name is "text" or "character varying";

    /// <summary>The length limit of character varying(n) and character(n); null for text, citext and unlimited types.</summary>
    private static int? Limit(PostgresType type)
        => type.Name is "character varying" or "character" ? type.ModifierAt(0) : null;

    /// <summary>The longest text form of a value, for the types where it is fixed and does not depend on settings.</summary>
    private static int? MaxTextLength(PostgresType type) => type.Name switch
    {
        "smallint" => 6,
        "integer" => 11,
        "bigint" => 20,
        "boolean" => 5,
        "uuid" => 36,
        _ => null,
    };
}
