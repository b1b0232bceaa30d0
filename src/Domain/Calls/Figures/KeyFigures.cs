using Store.Domain.Persistence;

namespace Store.Domain.Calls.Figures;

/// <summary>Revenue over a period: what callers paid, and the holder's share of it (what is paid out), excluding VAT.</summary>
public sealed record Revenue(decimal CallerRevenue, decimal HolderShare)
{
    public Revenue Rounded => new(Money.RoundCents(CallerRevenue), Money.RoundCents(HolderShare));
}

/// <summary>
/// The key figures of the customer area's home (001, "Chiffres clés"): calls and minutes today, yesterday and this
/// month, and for a Smart Number holder the revenue of yesterday, the month and the year, with the month's projection.
/// Days and months are calendar ones on the customer's wall clock.
/// </summary>
public sealed record KeyFigures(
    DateOnly Today,
    DayFigures TodayCalls,
    DayFigures YesterdayCalls,
    DayFigures MonthCalls,
    DayFigures MonthProjection,
    Revenue YesterdayRevenue,
    Revenue MonthRevenue,
    Revenue YearRevenue,
    Revenue MonthRevenueProjection)
{
    public int ElapsedDays => Today.Day;

    public int DaysInMonth => DateTime.DaysInMonth(Today.Year, Today.Month);

    /// <summary>
    /// The month to date extrapolated linearly: what the days from the 1st to today (today counted as a whole day)
    /// brought, divided by those days and multiplied by the days of the month.
    /// </summary>
    public static decimal Project(decimal monthToDate, DateOnly today) => monthToDate / today.Day * DateTime.DaysInMonth(today.Year, today.Month);

    /// <summary>The figures of <paramref name="customerId"/> at <paramref name="now"/> in <paramref name="timeZone"/>, summed in the database.</summary>
    public static async Task<KeyFigures> ComputeAsync(StoreDb db, Guid customerId, string timeZone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = UsageMonth.DayOf(now, timeZone);
        var yesterday = today.AddDays(-1);
        var first = new DateOnly(today.Year, today.Month, 1);
        var days = (await CallFigures.ByNumberAndDayAsync(db, [customerId], yesterday < first ? yesterday : first, today, cancellationToken))
            .GroupBy(d => d.Day).ToDictionary(g => g.Key, g => DayFigures.Sum(g.Select(d => d.Figures)));
        var todayCalls = days.GetValueOrDefault(today, DayFigures.None);
        var yesterdayCalls = days.GetValueOrDefault(yesterday, DayFigures.None);
        var month = DayFigures.Sum(days.Where(d => d.Key >= first).Select(d => d.Value));
        var projection = new DayFigures(
            (int)Math.Round(Project(month.Calls, today), MidpointRounding.AwayFromZero),
            (int)Math.Round(Project(month.Missed, today), MidpointRounding.AwayFromZero),
            (long)Math.Round(Project(month.Seconds, today), MidpointRounding.AwayFromZero),
            Project(month.CallerRevenue, today),
            Project(month.HolderShare, today));
        var (yearCaller, yearShare) = await CallFigures.RevenueAsync(db, customerId, [.. Enumerable.Range(1, 12).Select(m => UsageMonth.Of(new DateOnly(today.Year, m, 1)))], cancellationToken);
        return new KeyFigures(
            today,
            todayCalls,
            yesterdayCalls,
            month,
            projection,
            new Revenue(yesterdayCalls.CallerRevenue, yesterdayCalls.HolderShare).Rounded,
            new Revenue(month.CallerRevenue, month.HolderShare).Rounded,
            new Revenue(yearCaller, yearShare).Rounded,
            new Revenue(projection.CallerRevenue, projection.HolderShare).Rounded);
    }
}
