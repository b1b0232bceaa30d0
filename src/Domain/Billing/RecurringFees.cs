using Store.Domain.Catalog;

namespace Store.Domain.Billing;

/// <summary>
/// Fees billed in advance, monthly or yearly, and prorated by day when a quantity changes within a term.
/// <para>
/// The invoice of month M bills what is known on its first day: each term that starts between the 2nd of M-1 and
/// the 1st of M in full (for a monthly fee, M itself), and each change of quantity from the 2nd to the last day of
/// M-1 (a start, an increase, a reduction, an end) prorated from its day to the end of its term, by day. Every day
/// of service is billed exactly once, whatever the order of changes, and a run on the same timeline gives the same lines.
/// </para>
/// </summary>
internal static class RecurringFees
{
    /// <summary>One thing billed per term: a subscription's base fee or one of its options.</summary>
    internal sealed record Item(
        LineKind Kind,
        Guid SubscriptionId,
        string Code,
        LocalizedText Name,
        PricePeriod Period,
        decimal Price,
        DateOnly Anchor,
        Func<DateOnly, int> Quantity);

    public static IEnumerable<InvoiceLineDraft> Lines(Item item, BillingPeriod period, string language, decimal vatRate)
    {
        var previous = period.Previous;
        for (var day = previous.First.AddDays(1); day <= period.First; day = day.AddDays(1))
        {
            var (termStart, termEnd) = TermOf(item, day);
            var termDays = termEnd.DayNumber - termStart.DayNumber + 1;
            if (day == termStart)
            {
                var quantity = item.Quantity(day);
                if (quantity > 0)
                {
                    yield return new InvoiceLineDraft(
                        item.Kind, item.SubscriptionId, item.Code, item.Name.In(language), quantity, item.Price,
                        termStart, termEnd, null, null, Money.RoundCents(quantity * item.Price), vatRate);
                }

                continue;
            }

            var change = item.Quantity(day) - item.Quantity(day.AddDays(-1));
            if (change != 0)
            {
                var days = termEnd.DayNumber - day.DayNumber + 1;
                var amount = change * item.Price * days / termDays;
                var note = language == "en"
                    ? change > 0 ? "prorated addition" : "prorated reduction"
                    : change > 0 ? "ajout au prorata" : "réduction au prorata";
                yield return new InvoiceLineDraft(
                    item.Kind, item.SubscriptionId, item.Code, $"{item.Name.In(language)} — {note}", change, item.Price,
                    day, termEnd, days, termDays, Money.RoundCents(amount), vatRate);
            }
        }
    }

    /// <summary>The term holding <paramref name="day"/>: its calendar month for a monthly fee, the contract year from the anchor for a yearly one.</summary>
    internal static (DateOnly Start, DateOnly End) TermOf(Item item, DateOnly day)
    {
        if (item.Period == PricePeriod.Monthly)
        {
            var month = BillingPeriod.Of(day);
            return (month.First, month.Last);
        }

        var years = day.Year - item.Anchor.Year;
        var start = item.Anchor.AddYears(years);
        if (start > day)
        {
            start = item.Anchor.AddYears(years - 1);
        }

        var next = item.Anchor.AddYears(start.Year - item.Anchor.Year + 1);
        return (start, next.AddDays(-1));
    }

    /// <summary>
    /// A reduction that takes effect next month (004 art. 4.2: a pack reduction): within a calendar month the
    /// quantity billed never goes below the highest quantity of the month so far; an increase applies at once.
    /// </summary>
    internal static Func<DateOnly, int> ReducedNextMonth(Func<DateOnly, int> quantity) => day =>
    {
        var highest = 0;
        for (var d = BillingPeriod.Of(day).First; d <= day; d = d.AddDays(1))
        {
            highest = Math.Max(highest, quantity(d));
        }

        return highest;
    };
}
