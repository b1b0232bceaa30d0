namespace Store.Domain.Rating;

/// <summary>Rates a customer's month from scratch, and tells what a re-rating changes.</summary>
public static class MonthRating
{
    /// <summary>
    /// Rates the month's calls in the order given (the order they started), from empty counters: new ones, or
    /// <paramref name="counters"/> (empty) when the caller keeps what they count at the end.
    /// </summary>
    public static RatedLines[] Rate(RatingTariff tariff, IReadOnlyList<CallToRate> calls, PeriodCounters? counters = null)
    {
        ArgumentNullException.ThrowIfNull(calls);
        counters ??= new PeriodCounters();
        var rated = new RatedLines[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            rated[i] = Rater.Rate(tariff, counters, calls[i]);
        }

        return rated;
    }

    /// <summary>
    /// The adjustment lines that bring what a call was charged (<paramref name="before"/>, every line booked so far,
    /// adjustments included) to what it is charged now: one line per subscription, category and rule whose amount or seconds
    /// changed, with the difference. Nothing when nothing changed; a charge is never rewritten.
    /// </summary>
    public static List<ChargeLine> Adjustments(IEnumerable<ChargeLine> before, in RatedLines after)
    {
        ArgumentNullException.ThrowIfNull(before);
        var totals = new Dictionary<(Guid, Currency, ChargeCategory, RatingRule), ChargeLine>();
        foreach (var line in before)
        {
            var key = (line.SubscriptionId, line.Currency, line.Category, line.Rule);
            totals[key] = totals.TryGetValue(key, out var sum)
                ? sum with { Seconds = sum.Seconds - line.Seconds, Amount = sum.Amount - line.Amount, CallerAmount = sum.CallerAmount - line.CallerAmount, RevenueShare = sum.RevenueShare - line.RevenueShare }
                : line with { Seconds = -line.Seconds, Amount = -line.Amount, CallerAmount = -line.CallerAmount, RevenueShare = -line.RevenueShare };
        }

        for (var i = 0; i < after.Count; i++)
        {
            var line = after[i];
            var key = (line.SubscriptionId, line.Currency, line.Category, line.Rule);
            totals[key] = totals.TryGetValue(key, out var sum)
                ? line with { Seconds = sum.Seconds + line.Seconds, Amount = sum.Amount + line.Amount, CallerAmount = sum.CallerAmount + line.CallerAmount, RevenueShare = sum.RevenueShare + line.RevenueShare }
                : line;
        }

        var adjustments = new List<ChargeLine>();
        foreach (var delta in totals.Values)
        {
            if (delta.Amount != 0 || delta.Seconds != 0 || delta.CallerAmount != 0 || delta.RevenueShare != 0)
            {
                adjustments.Add(delta);
            }
        }

        return adjustments;
    }
}
