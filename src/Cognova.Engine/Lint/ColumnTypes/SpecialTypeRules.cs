namespace Cognova.Engine.Lint.ColumnTypes;

/// <summary>
/// Changes within the JSON, network-address and bit-string families, and modifier changes of types this check
/// has no specific rule for. Anything else falls through to the family-change rule.
/// </summary>
internal static class SpecialTypeRules
{
    private const string CatalogOnly = "PostgreSQL only updates the catalog";

    public static TypeChange? Classify(TypePair pair)
    {
        var (from, to) = (pair.From, pair.To);
        switch (from.Name, to.Name)
        {
            case ("json", "jsonb"):
                // Counted as lossy rather than a plain rewrite: jsonb keeps the meaning but not the document.
                return pair.Lossy(
                    "parses every document into jsonb: of duplicate object keys only the last is kept, key order, whitespace "
                    + "and number formatting are lost, and strings containing \\u0000 are rejected; the table is also rewritten "
                    + "under an ACCESS EXCLUSIVE lock");
            case ("jsonb", "json"):
                return pair.Rewrite("stores each document's text form, so nothing is lost");
            case ("cidr", "inet"):
                return pair.Safe($"is binary-coercible (every cidr is a valid inet): {CatalogOnly}");
            case ("inet", "cidr"):
                return pair.Lossy("zeroes the host bits to the right of each value's netmask (192.168.1.5/24 becomes 192.168.1.0/24)");
            case ("macaddr", "macaddr8"):
                return pair.Rewrite("widens each address to the 8-byte EUI-64 form, so nothing is lost");
            case ("macaddr8", "macaddr"):
                return pair.Lossy("rejects addresses that are not EUI-48 addresses in EUI-64 form (fourth and fifth bytes FF and FE)");
        }

        if (from.Family == PostgresTypeFamily.BitString && to.Family == PostgresTypeFamily.BitString)
        {
            return BitStrings(pair);
        }

        if (from.Name == to.Name)
        {
            // A type with a modifier this check does not know the meaning of (PostGIS geometry(Point,4326), vector(3)...).
            return to.Modifiers is null
                ? pair.Rewrite($"removes the type modifier ({from.Modifiers}), which this check cannot prove PostgreSQL does without converting every value")
                : from.Modifiers is null
                    ? pair.Lossy($"adds the type modifier ({to.Modifiers}): existing values that do not satisfy it are rejected")
                    : pair.Lossy($"changes the type modifier from ({from.Modifiers}) to ({to.Modifiers}): existing values that do not satisfy it are rejected");
        }

        return null;
    }

    private static TypeChange BitStrings(TypePair pair)
    {
        var fromFixed = pair.From.Name == "bit";
        var (oldLength, newLength) = (pair.From.ModifierAt(0), pair.To.ModifierAt(0));
        if (pair.To.Name == "bit")
        {
            return pair.Lossy($"requires every value to have exactly {newLength} bits: bit strings of any other length are rejected");
        }

        if (newLength is null)
        {
            return pair.Safe(fromFixed ? $"is binary-coercible: {CatalogOnly}" : $"removes the length limit: {CatalogOnly}");
        }

        if (oldLength is null || newLength < oldLength)
        {
            return pair.Lossy($"limits bit strings to {newLength} bits: longer values are rejected");
        }

        return fromFixed
            ? pair.Rewrite($"keeps every value (each has {oldLength} bits)")
            : pair.Safe($"raises the length limit from {oldLength} to {newLength} bits: {CatalogOnly}");
    }
}
