using Store.Domain.Catalog;

namespace Store.Domain.Billing.Statements;

/// <summary>
/// A rated part of a call to a premium Smart Number, as a statement reads it: the number and tariff called, and the
/// caller revenue and holder share of that part. <paramref name="IsCall"/> is false for an adjustment row, which
/// changes the figures of a call already counted.
/// </summary>
public sealed record StatementCharge(Guid NumberId, string Number, PayoutKind Payout, int Tariff, bool IsCall, int Seconds, decimal CallerAmount, decimal RevenueShare, Currency Currency);

/// <summary>The figures of one number and tariff over the month.</summary>
public sealed record StatementFigures(string Number, int Tariff, PayoutKind Payout, int Calls, int Seconds, decimal CallerRevenue, decimal HolderShare, DateOnly PayoutOn);

/// <summary>What a month's statement says before it is numbered: lines by number and tariff, totals, payouts by date.</summary>
public sealed record StatementDraft(Guid CustomerId, BillingPeriod Period, Currency Currency, IReadOnlyList<StatementFigures> Lines)
{
    public int Calls => Lines.Sum(l => l.Calls);

    public int Seconds => Lines.Sum(l => l.Seconds);

    public decimal CallerRevenue => Lines.Sum(l => l.CallerRevenue);

    public decimal HolderShare => Lines.Sum(l => l.HolderShare);

    /// <summary>The share paid on each date (a holder may have Standard and PayFast numbers).</summary>
    public IReadOnlyList<(DateOnly On, decimal Amount)> Payouts =>
        [.. Lines.GroupBy(l => l.PayoutOn).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(l => l.HolderShare)))];
}

/// <summary>
/// The Smart Number monthly statement ("décompte", 001): for one holder and month, the calls to its premium numbers
/// by number and tariff, what callers paid and the holder's share, and when it is paid out. A pure function.
/// </summary>
public static class SmartNumberStatements
{
    /// <summary>Standard payouts: within six weeks of the period's end.</summary>
    public const int StandardDays = 42;

    /// <summary>PayFast payouts: within five working days of the period's end.</summary>
    public const int PayFastWorkingDays = 5;

    /// <summary>The day the share of <paramref name="period"/> is paid at the latest.</summary>
    public static DateOnly PayoutOn(PayoutKind payout, BillingPeriod period) => payout switch
    {
        PayoutKind.Standard => period.Last.AddDays(StandardDays),
        PayoutKind.PayFast => FrenchCalendar.AddWorkingDays(period.Last, PayFastWorkingDays),
        _ => throw new ArgumentOutOfRangeException(nameof(payout), payout, null),
    };

    /// <summary>
    /// The statement of <paramref name="customerId"/> for <paramref name="period"/>, or null when none of its
    /// premium numbers earned anything. Each line's amounts are the exact sums rounded to the cent once.
    /// </summary>
    public static StatementDraft? Build(Guid customerId, BillingPeriod period, IEnumerable<StatementCharge> charges)
    {
        ArgumentNullException.ThrowIfNull(charges);
        var rows = charges.ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var currencies = rows.Select(r => r.Currency).Distinct().ToList();
        if (currencies.Count != 1)
        {
            throw new InvalidOperationException($"The Smart Number charges of {customerId} for {period} are in several currencies.");
        }

        var lines = rows
            .GroupBy(r => (r.Number, r.Tariff, r.Payout))
            .Select(g => new StatementFigures(
                g.Key.Number,
                g.Key.Tariff,
                g.Key.Payout,
                g.Count(r => r.IsCall),
                g.Sum(r => r.Seconds),
                Money.RoundCents(g.Sum(r => r.CallerAmount)),
                Money.RoundCents(g.Sum(r => r.RevenueShare)),
                PayoutOn(g.Key.Payout, period)))
            .Where(l => l.Calls != 0 || l.CallerRevenue != 0m || l.HolderShare != 0m)
            .OrderBy(l => l.Number, StringComparer.Ordinal).ThenBy(l => l.Tariff)
            .ToList();
        return lines.Count == 0 ? null : new StatementDraft(customerId, period, currencies[0], lines);
    }
}
