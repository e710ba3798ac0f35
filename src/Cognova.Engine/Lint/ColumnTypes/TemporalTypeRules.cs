namespace Cognova.Engine.Lint.ColumnTypes;

/// <summary>Changes between date, timestamp, timestamptz, time, timetz and interval, and of their fractional-second precision.</summary>
internal static class TemporalTypeRules
{
    private const string Timestamp = "timestamp without time zone";
    private const string TimestampTz = "timestamp with time zone";
    private const string Time = "time without time zone";
    private const string TimeTz = "time with time zone";
    private const int MaxPrecision = 6;

    public static TypeChange? Classify(TypePair pair)
    {
        var (from, to) = (pair.From, pair.To);
        if (!IsTemporal(from.Family) || !IsTemporal(to.Family))
        {
            return null;
        }

        if (from.Family == PostgresTypeFamily.Interval && to.Family == PostgresTypeFamily.Interval)
        {
            return IntervalToInterval(pair);
        }

        if (from.Name == to.Name)
        {
            return PrecisionChange(pair, "");
        }

        var (kind, why) = (from.Name, to.Name) switch
        {
            ("date", Timestamp) => (TypeChangeKind.Rewrite, "turns each date into midnight of that day"),
            ("date", TimestampTz) => (TypeChangeKind.Rewrite, "turns each date into midnight of that day in the session time zone"),
            (Timestamp, TimestampTz) => (TypeChangeKind.Rewrite,
                "reads each value as local time in the session time zone (PostgreSQL 12+ skips the rewrite only when that "
                + "time zone is UTC, which this check cannot know)"),
            (TimestampTz, Timestamp) => (TypeChangeKind.Lossy,
                "turns each instant into local time in the session time zone: the time zone information is dropped, so a "
                + "value no longer says which absolute point in time it is"),
            (Timestamp or TimestampTz, "date") => (TypeChangeKind.Lossy, "drops the time of day from each value"),
            (Timestamp or TimestampTz, Time or TimeTz) => (TypeChangeKind.Lossy, "drops the date from each value, keeping only the time of day"),
            (Time, TimeTz) => (TypeChangeKind.Rewrite, "attaches the session time zone's current UTC offset to each value"),
            (TimeTz, Time) => (TypeChangeKind.Lossy, "drops the UTC offset of each value"),
            (Time, _) when to.Family == PostgresTypeFamily.Interval => (TypeChangeKind.Rewrite, "turns each time of day into the interval since midnight"),
            (_, Time) when from.Family == PostgresTypeFamily.Interval => (TypeChangeKind.Lossy,
                "keeps only the time-of-day part of each interval: months, days and whole multiples of 24 hours are dropped"),
            _ => (TypeChangeKind.Same, ""),
        };

        if (why.Length == 0)
        {
            return null;
        }

        if (kind != TypeChangeKind.Lossy && Precision(to) < Precision(from))
        {
            return pair.Lossy($"{why} and rounds fractional seconds to {Precision(to)} digits");
        }

        return kind == TypeChangeKind.Lossy ? pair.Lossy(why) : pair.Rewrite(why);
    }

    private static TypeChange IntervalToInterval(TypePair pair)
    {
        var (oldFields, newFields) = (Fields(pair.From), Fields(pair.To));
        if (newFields is not null && newFields != oldFields)
        {
            return pair.Lossy($"restricts each interval to the fields {newFields}: the other fields of existing values are dropped");
        }

        return PrecisionChange(pair, newFields is null && oldFields is not null ? "removes the field restriction" : "");
    }

    /// <summary>Same type (or a relaxed interval), different fractional-second precision.</summary>
    private static TypeChange PrecisionChange(TypePair pair, string relaxed)
    {
        var (oldPrecision, newPrecision) = (Precision(pair.From), Precision(pair.To));
        if (newPrecision < oldPrecision)
        {
            return pair.Lossy($"rounds fractional seconds to {newPrecision} digits (was {oldPrecision})");
        }

        var what = new List<string>();
        if (relaxed.Length > 0)
        {
            what.Add(relaxed);
        }

        if (newPrecision > oldPrecision)
        {
            what.Add(pair.To.Modifiers is null
                ? "removes the fractional-second precision limit"
                : $"raises the fractional-second precision from {oldPrecision} to {newPrecision}");
        }

        if (what.Count == 0)
        {
            what.Add("changes only the type modifier");
        }

        return pair.Safe($"{string.Join(" and ", what)}: PostgreSQL only updates the catalog");
    }

    private static bool IsTemporal(PostgresTypeFamily family) => family is
        PostgresTypeFamily.Date or PostgresTypeFamily.Timestamp or PostgresTypeFamily.Time or PostgresTypeFamily.Interval;

    /// <summary>Digits of fractional seconds a value has: the modifier, or 6 (microseconds) without one; none for a date.</summary>
    private static int Precision(PostgresType type)
        => type.Family == PostgresTypeFamily.Date ? 0 : type.ModifierAt(0) ?? MaxPrecision;

    /// <summary>An interval's field restriction ("day to second"), or null when it has none.</summary>
    private static string? Fields(PostgresType interval)
        => interval.Name.Length > "interval ".Length ? interval.Name["interval ".Length..] : null;
}
