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

    /// <summary>
    /// A range of start times sure to hold every call whose day (in any customer's zone) is from <paramref name="first"/>
    /// to <paramref name="last"/>: a day wider on each side than the days at UTC. Queries narrow by it first, on the
    /// (customer, start) index, then by the exact day or month; call records keep no index of their own on either.
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset To) Around(DateOnly first, DateOnly last) =>
        (new DateTimeOffset(first.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(last.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    /// <summary><see cref="Around(DateOnly, DateOnly)"/> for whole months ("2025-03"), from the first of the first to the end of the last.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Around(IEnumerable<string> periods)
    {
        var days = periods.Select(p => DateOnly.ParseExact(p + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        return Around(days.Min(), days.Max().AddMonths(1).AddDays(-1));
    }
}
