using Cognova.Engine.Lint.ColumnTypes;

namespace Cognova.Build.Tests.Lint.ColumnTypes;

public sealed class DateTimeChangeTests
{
    private static TypeChangeKind Kind(string oldType, string newType) => ColumnTypeChange.Classify(oldType, newType).Kind;

    private static string Reason(string oldType, string newType) => ColumnTypeChange.Classify(oldType, newType).Reason;

    [Theory]
    [InlineData("date", "timestamp without time zone")]
    [InlineData("date", "timestamp with time zone")]
    [InlineData("date", "timestamptz")]
    [InlineData("date", "timestamp(0)")]
    [InlineData("timestamp without time zone", "timestamp with time zone")]
    [InlineData("timestamp", "timestamptz")]
    [InlineData("time without time zone", "time with time zone")]
    [InlineData("time", "interval")]
    public void A_conversion_that_keeps_every_value_rewrites(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Rewrite, Kind(oldType, newType));
    }

    [Fact]
    public void Timestamp_to_timestamptz_is_a_rewrite_even_though_postgresql_may_skip_it_under_utc()
    {
        var reason = Reason("timestamp", "timestamptz");

        Assert.Contains("session time zone", reason, StringComparison.Ordinal);
        Assert.Contains("rewrites the table", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("timestamp with time zone", "timestamp without time zone")]
    [InlineData("timestamptz", "timestamp")]
    public void Timestamptz_to_timestamp_is_lossy_because_the_time_zone_information_is_dropped(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
        Assert.Contains("time zone information", Reason(oldType, newType), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("timestamp with time zone", "date")]
    [InlineData("timestamp without time zone", "date")]
    public void A_timestamp_to_a_date_is_lossy_because_the_time_of_day_is_lost(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
        Assert.Contains("drops the time of day", Reason(oldType, newType), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("timestamp with time zone", "time with time zone")]
    [InlineData("timestamp with time zone", "time without time zone")]
    [InlineData("timestamp without time zone", "time")]
    [InlineData("timestamp", "timetz")]
    public void A_timestamp_to_a_time_is_lossy_because_the_date_is_lost(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
        Assert.Contains("drops the date", Reason(oldType, newType), StringComparison.Ordinal);
    }

    [Fact]
    public void Timetz_to_time_is_lossy_because_the_offset_is_dropped()
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind("time with time zone", "time without time zone"));
    }

    [Fact]
    public void Interval_to_time_is_lossy_because_days_are_dropped()
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind("interval", "time"));
    }

    [Theory]
    [InlineData("date", "time")]
    [InlineData("time", "date")]
    [InlineData("time", "timestamp")]
    [InlineData("interval", "timestamp")]
    [InlineData("date", "interval")]
    public void Date_and_time_types_without_a_conversion_are_lossy_family_changes(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("timestamp(3)", "timestamp(6)")]
    [InlineData("timestamp(3)", "timestamp")]
    [InlineData("timestamp(3) with time zone", "timestamp with time zone")]
    [InlineData("timestamptz(0)", "timestamptz(3)")]
    [InlineData("time(0)", "time")]
    [InlineData("timetz(2)", "timetz(4)")]
    [InlineData("interval(0)", "interval")]
    [InlineData("interval day to second", "interval")]
    public void Raising_or_removing_the_fractional_second_precision_is_safe(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Safe, Kind(oldType, newType));
    }

    [Theory]
    [InlineData("timestamp", "timestamp(3)")]
    [InlineData("timestamptz(3)", "timestamptz(0)")]
    [InlineData("time", "time(0)")]
    [InlineData("interval", "interval(2)")]
    public void Lowering_the_fractional_second_precision_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
        Assert.Contains("rounds fractional seconds", Reason(oldType, newType), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rewrite_that_also_lowers_the_precision_is_lossy()
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind("timestamp", "timestamp(0) with time zone"));
    }

    [Theory]
    [InlineData("interval", "interval year to month")]
    [InlineData("interval day to second", "interval year to month")]
    public void Restricting_interval_fields_is_lossy(string oldType, string newType)
    {
        Assert.Equal(TypeChangeKind.Lossy, Kind(oldType, newType));
    }
}
