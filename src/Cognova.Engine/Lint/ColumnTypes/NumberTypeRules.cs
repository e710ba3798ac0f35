namespace Cognova.Engine.Lint.ColumnTypes;

/// <summary>Changes between integer, numeric and floating-point types.</summary>
internal static class NumberTypeRules
{
    public static TypeChange? Classify(TypePair pair)
    {
        var (from, to) = (pair.From, pair.To);
        return (from.Family, to.Family) switch
        {
            (PostgresTypeFamily.Integer, PostgresTypeFamily.Integer) => IntegerToInteger(pair),
            (PostgresTypeFamily.Integer, PostgresTypeFamily.Numeric) => IntegerToNumeric(pair),
            (PostgresTypeFamily.Integer, PostgresTypeFamily.FloatingPoint) => IntegerToFloat(pair),
            (PostgresTypeFamily.Numeric, PostgresTypeFamily.Integer) => NumericToInteger(pair),
            (PostgresTypeFamily.Numeric, PostgresTypeFamily.Numeric) => NumericToNumeric(pair),
            (PostgresTypeFamily.Numeric, PostgresTypeFamily.FloatingPoint) => pair.Lossy(
                $"keeps only about {SignificantDigits(to)} significant digits: longer numeric values are rounded and values beyond its range are rejected"),
            (PostgresTypeFamily.FloatingPoint, PostgresTypeFamily.Integer) => pair.Lossy(
                $"loses fractions (values are rounded to whole numbers) and rejects values outside {Range(to)}"),
            (PostgresTypeFamily.FloatingPoint, PostgresTypeFamily.Numeric) => FloatToNumeric(pair),
            (PostgresTypeFamily.FloatingPoint, PostgresTypeFamily.FloatingPoint) => to.Name == "double precision"
                ? pair.Rewrite("widens real to double precision, so every value fits exactly")
                : pair.Lossy("rounds values to about 6 significant digits and rejects values beyond the range of real (about 3.4e38)"),
            _ => null,
        };
    }

    private static TypeChange IntegerToInteger(TypePair pair)
    {
        var (from, to) = (Integer(pair.From), Integer(pair.To));
        return to.Max > from.Max
            ? pair.Rewrite("widens the integer range, so every value fits")
            : pair.Lossy(FormattableString.Invariant($"narrows the integer range: values above {to.Max} or below {to.Min} are rejected"));
    }

    private static TypeChange IntegerToNumeric(TypePair pair)
    {
        var from = Integer(pair.From);
        if (pair.To.Modifiers is null)
        {
            return pair.Rewrite("keeps every value: numeric holds any integer exactly");
        }

        var (precision, scale) = (pair.To.ModifierAt(0), pair.To.ModifierAt(1));
        if (precision is not int p || scale is not int s)
        {
            return pair.Lossy($"limits values to numeric({pair.To.Modifiers}): values that do not fit are rejected");
        }

        if (s < 0)
        {
            return pair.Lossy($"rounds values to multiples of {PowerOfTen(-s)} (the scale is {s})");
        }

        var digits = p - s;
        return digits >= from.Digits
            ? pair.Rewrite($"keeps every value: {digits} integer digits hold any {pair.From.Name}")
            : pair.Lossy($"keeps only {Math.Max(digits, 0)} integer digits: values of {PowerOfTen(Math.Max(digits, 0))} or more (in absolute value) are rejected");
    }

    private static TypeChange IntegerToFloat(TypePair pair)
    {
        var from = Integer(pair.From);
        var mantissaBits = pair.To.Name == "real" ? 24 : 53;
        var limit = 1L << mantissaBits;
        return from.Max < limit
            ? pair.Rewrite($"keeps every value: {pair.To.Name} holds any {pair.From.Name} exactly")
            : pair.Lossy($"keeps {mantissaBits} bits of precision: integers beyond ±{limit} are rounded");
    }

    private static TypeChange NumericToInteger(TypePair pair)
    {
        var to = Integer(pair.To);
        var (precision, scale) = (pair.From.ModifierAt(0), pair.From.ModifierAt(1));
        if (precision is int p && scale is int s && s <= 0 && p - s < to.Digits)
        {
            return pair.Rewrite($"keeps every value: whole numbers of at most {p - s} digits fit in {pair.To.Name}");
        }

        var fractions = scale is not int known || known > 0;
        return pair.Lossy(fractions
            ? $"loses fractions (values are rounded to whole numbers) and rejects values outside {Range(pair.To)}"
            : $"rejects values outside {Range(pair.To)}");
    }

    private static TypeChange NumericToNumeric(TypePair pair)
    {
        var (from, to) = (pair.From, pair.To);
        if (to.Modifiers is null)
        {
            return pair.Safe("removes the precision limit: PostgreSQL only updates the catalog");
        }

        var (p2, s2) = (to.ModifierAt(0), to.ModifierAt(1));
        if (p2 is not int newPrecision || s2 is not int newScale)
        {
            return pair.Lossy($"limits values to numeric({to.Modifiers}): values that do not fit are rejected");
        }

        if (from.Modifiers is null)
        {
            return pair.Lossy(
                $"limits values that had no limit: they are rounded to {newScale} decimal places and values of "
                + $"{PowerOfTen(newPrecision - newScale)} or more (in absolute value) are rejected");
        }

        var (p1, s1) = (from.ModifierAt(0), from.ModifierAt(1));
        if (p1 is not int oldPrecision || s1 is not int oldScale)
        {
            return pair.Lossy($"limits values to numeric({to.Modifiers}): values that do not fit are rejected");
        }

        var (oldDigits, newDigits) = (oldPrecision - oldScale, newPrecision - newScale);
        var losses = new List<string>();
        if (newScale < oldScale)
        {
            losses.Add($"rounds values to {newScale} decimal places (was {oldScale})");
        }

        if (newDigits < oldDigits)
        {
            losses.Add($"keeps {Math.Max(newDigits, 0)} integer digits (was {oldDigits}), so values of {PowerOfTen(newDigits)} or more (in absolute value) are rejected");
        }

        if (losses.Count > 0)
        {
            return pair.Lossy(string.Join(" and ", losses));
        }

        return newScale == oldScale
            ? pair.Safe($"raises the precision from {oldPrecision} to {newPrecision} with the same scale: PostgreSQL only updates the catalog")
            : pair.Rewrite($"keeps every value but changes the scale from {oldScale} to {newScale}");
    }

    private static TypeChange FloatToNumeric(TypePair pair)
    {
        // float8 → numeric keeps DBL_DIG (15) significant digits, float4 → numeric FLT_DIG (6). Numeric has
        // infinities only since PostgreSQL 14, so on 13 an Infinity value makes the conversion fail.
        var limit = pair.To.Modifiers is null ? "" : $", and values that do not fit numeric({pair.To.Modifiers}) are rejected";
        return pair.Lossy(
            $"converts each value with only {SignificantDigits(pair.From)} significant digits, so digits are lost; "
            + $"Infinity is rejected on PostgreSQL 13{limit}");
    }

    private static int SignificantDigits(PostgresType floatingPoint) => floatingPoint.Name == "real" ? 6 : 15;

    private static string Range(PostgresType integer)
    {
        var range = Integer(integer);
        return FormattableString.Invariant($"{range.Min} to {range.Max}");
    }

    /// <summary>Range of an integer type and the number of decimal digits of its largest value.</summary>
    private static (long Min, long Max, int Digits) Integer(PostgresType type) => type.Name switch
    {
        "smallint" => (short.MinValue, short.MaxValue, 5),
        "integer" => (int.MinValue, int.MaxValue, 10),
        _ => (long.MinValue, long.MaxValue, 19),
    };

    /// <summary>10 to the given power, written out: 1000, 1, 0.01.</summary>
    private static string PowerOfTen(int exponent) => exponent >= 0
        ? "1" + new string('0', exponent)
        : "0." + new string('0', -exponent - 1) + "1";
}
