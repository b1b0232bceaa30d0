using System.Collections.Concurrent;
using System.Globalization;

namespace Store.Domain.Calls;

/// <summary>
/// The calendar month a call belongs to: the month of its start on the customer's wall clock (Europe/Paris or
/// Europe/Zurich), written "2025-03". A call that starts on 31 March at 23:50 and ends in April is March's.
/// </summary>
public static class UsageMonth
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    public static string Of(DateTimeOffset startedAt, string timeZone) => Of(DayOf(startedAt, timeZone));

    /// <summary>The month of a day, "2025-03".</summary>
    public static string Of(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The calendar day of <paramref name="startedAt"/> on the wall clock of <paramref name="timeZone"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset startedAt, string timeZone)
    {
        var zone = Zones.GetOrAdd(timeZone, TimeZoneInfo.FindSystemTimeZoneById);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(startedAt, zone).DateTime);
    }

    /// <summary>The instants the month starts and ends at in the zone, for queries.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Bounds(string period, string timeZone)
    {
        var zone = Zones.GetOrAdd(timeZone, TimeZoneInfo.FindSystemTimeZoneById);
        var first = DateTime.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var next = first.AddMonths(1);
        return (new DateTimeOffset(first, zone.GetUtcOffset(first)), new DateTimeOffset(next, zone.GetUtcOffset(next)));
    }
}
