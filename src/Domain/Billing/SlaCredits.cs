using Store.Domain.Catalog;
using Store.Domain.Subscriptions;

namespace Store.Domain.Billing;

/// <summary>
/// Credits for missed availability, from the interruptions recorded in the back office.
/// Hosted telephony (002 art. 11): availability over the calendar year (from the go-live, to the termination),
/// 18 % of the monthly fee below 99.85 %, credited on the invoice after the year closes.
/// Contact Experience (004 art. 7): availability over the calendar month, a credit of 5, 10 or 20 % of the month's
/// fee by band, capped at 20 %, on the next month's invoice.
/// </summary>
internal static class SlaCredits
{
    public static InvoiceLineDraft? For(SubscriptionTimeline subscription, CatalogVersion catalog, Money monthlyFee, IReadOnlyList<SlaIncident> incidents, BillingPeriod period, string timeZone, string language, decimal vatRate)
    {
        var previous = period.Previous;
        var mine = incidents.Where(i => i.SubscriptionId == subscription.SubscriptionId && !i.Excusable).ToList();
        if (mine.Count == 0)
        {
            return null;
        }

        switch (subscription.Kind)
        {
            case ProductKind.Plan:
                {
                    // The reference period closes at the end of December, or at the termination.
                    var endsInPrevious = subscription.EndsOn is { } end && previous.Contains(end);
                    if (previous.Month != 12 && !endsInPrevious)
                    {
                        return null;
                    }

                    var year = previous.Year;
                    var from = Max(new DateOnly(year, 1, 1), subscription.StartsOn);
                    var to = Min(new DateOnly(year, 12, 31), subscription.EndsOn ?? DateOnly.MaxValue);
                    if (to < from)
                    {
                        return null;
                    }

                    var availability = Availability(mine, from, to, timeZone);
                    var sla = catalog.HostedTelephonySla;
                    return availability < sla.Availability
                        ? Credit(subscription, sla.CreditRate, availability, monthlyFee, from, to, language, vatRate)
                        : null;
                }

            case ProductKind.ContactExperience:
                {
                    var from = Max(previous.First, subscription.StartsOn);
                    var to = Min(previous.Last, subscription.EndsOn ?? DateOnly.MaxValue);
                    if (to < from)
                    {
                        return null;
                    }

                    // The month's minutes, all of them (004 art. 7's formula), whatever part was in service.
                    var availability = Availability(mine, previous.First, previous.Last, timeZone);
                    var offer = catalog.ContactExperience;
                    var band = offer.Sla.FirstOrDefault(b => availability < b.AvailabilityBelow && availability >= b.AvailabilityFrom);
                    return band is null
                        ? null
                        : Credit(subscription, Math.Min(band.CreditRate, offer.SlaCapRate), availability, monthlyFee, from, to, language, vatRate);
                }

            default:
                return null;
        }
    }

    /// <summary>The share of the minutes from the start of <paramref name="from"/> to the end of <paramref name="to"/> (local days) without interruption.</summary>
    internal static decimal Availability(IEnumerable<SlaIncident> incidents, DateOnly from, DateOnly to, string timeZone)
    {
        var start = LocalMidnight(from, timeZone);
        var end = LocalMidnight(to.AddDays(1), timeZone);
        var total = (decimal)(end - start).Ticks;
        var down = incidents.Sum(i => (decimal)Overlap(i, start, end).Ticks);
        return (total - Math.Min(down, total)) / total;
    }

    internal static DateTimeOffset LocalMidnight(DateOnly day, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static TimeSpan Overlap(SlaIncident incident, DateTimeOffset from, DateTimeOffset until)
    {
        var start = incident.Start > from ? incident.Start : from;
        var end = incident.End < until ? incident.End : until;
        return end > start ? end - start : TimeSpan.Zero;
    }

    private static InvoiceLineDraft Credit(SubscriptionTimeline subscription, decimal rate, decimal availability, Money monthlyFee, DateOnly from, DateOnly to, string language, decimal vatRate)
    {
        var shown = Math.Round(availability * 100m, 3, MidpointRounding.ToZero);
        var percent = Math.Round(rate * 100m, 2);
        var description = language == "en"
            ? $"Service-level credit: availability {shown} %, {percent} % of the monthly fee"
            : $"Avoir de niveau de service : disponibilité {shown} %, {percent} % de l'abonnement mensuel";
        return new InvoiceLineDraft(
            LineKind.SlaCredit, subscription.SubscriptionId, $"sla-{subscription.ProductCode}", description,
            -rate, monthlyFee.Amount, from, to, null, null, -Money.RoundCents(rate * monthlyFee.Amount), vatRate);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
