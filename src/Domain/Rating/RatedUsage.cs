using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Billing;
using Store.Domain.Persistence;

namespace Store.Domain.Rating;

/// <summary>
/// The usage a billing run bills in arrears: the month's call charges and adjustments, summed per subscription and
/// category in SQL. Included and unanswered calls cost nothing and make no line. Adjustments of an earlier month
/// that was already invoiced (a re-rating after a tariff correction) come on lines of their own that name that month.
/// </summary>
public sealed class RatedUsage(StoreDb db) : IUsageSource
{
    public async Task<ILookup<Guid, UsageCharge>> ByCustomerAsync(IReadOnlyCollection<Guid> customerIds, BillingPeriod month, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var period = month.ToString();
        var ids = customerIds.ToList();
        var sums = await db.CallCharges.AsNoTracking()
            .Where(c => ids.Contains(c.CustomerId) && c.Period == period && c.Category != ChargeCategory.NotCharged && c.Category != ChargeCategory.Included)
            .GroupBy(c => new { c.CustomerId, c.SubscriptionId, c.Category, c.Currency, c.CallPeriod, Rerated = c.Reason == AdjustmentReason.Rerated })
            .Select(g => new { g.Key.CustomerId, g.Key.SubscriptionId, g.Key.Category, g.Key.Currency, g.Key.CallPeriod, g.Key.Rerated, Seconds = g.Sum(c => (long)c.Seconds), Amount = g.Sum(c => c.Amount) })
            .ToListAsync(cancellationToken);
        return sums.Where(s => s.Amount != 0m).ToLookup(s => s.CustomerId, s => s.CallPeriod is null
            ? new UsageCharge(s.SubscriptionId, s.Category.ToString(), Describe(s.Category), s.Seconds, UsageUnit.Seconds, s.Amount, s.Currency)
            : new UsageCharge(s.SubscriptionId, s.Category.ToString(), DescribeRegularisation(s.Category, BillingPeriod.Parse(s.CallPeriod), s.Rerated), s.Seconds, UsageUnit.Seconds, s.Amount, s.Currency, BillingPeriod.Parse(s.CallPeriod)));
    }

    /// <summary>
    /// "Régularisation après correction tarifaire — mars 2025 (…) / Adjustment after a tariff correction — March 2025 (…)",
    /// or, for calls reported after their month was invoiced, "Appels de mars 2025 reçus après sa facture (…) / ...".
    /// </summary>
    internal static string DescribeRegularisation(ChargeCategory category, BillingPeriod month, bool rerated = true)
    {
        var (fr, en) = Names(category);
        var first = month.First.ToDateTime(TimeOnly.MinValue);
        var frMonth = first.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"));
        var enMonth = first.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        return rerated
            ? $"Régularisation après correction tarifaire — {frMonth} ({fr}) / Adjustment after a tariff correction — {enMonth} ({en})"
            : $"Régularisation — appels de {frMonth} reçus après sa facture ({fr}) / Adjustment — calls of {enMonth} reported after its invoice ({en})";
    }

    private static string Describe(ChargeCategory category)
    {
        var (fr, en) = Names(category);
        return fr == en ? fr : $"{fr} / {en}";
    }

    private static (string Fr, string En) Names(ChargeCategory category) => category switch
    {
        ChargeCategory.DomesticOverage => ("Appels hors forfait — France métropolitaine", "Calls beyond the plan — metropolitan France"),
        ChargeCategory.InternationalOverage => ("Appels internationaux hors forfait", "International calls beyond the plan"),
        ChargeCategory.SpecialNumber => ("Appels vers numéros spéciaux", "Calls to special numbers"),
        ChargeCategory.Forwarding => ("Renvois vers numéros externes", "Forwarding to external numbers"),
        ChargeCategory.InboundOverage => ("Minutes entrantes au-delà du volume", "Inbound minutes beyond the volume"),
        ChargeCategory.TextToSpeech => ("Synthèse vocale au-delà du volume", "Text to speech beyond the volume"),
        ChargeCategory.Recording => ("Enregistrement au-delà des packs", "Recording beyond the packs"),
        ChargeCategory.WebCallBack => ("Rappels web", "Web call-backs"),
        ChargeCategory.SmartNumberTraffic => ("Trafic Smart Number à la charge du titulaire", "Smart Number traffic paid by the holder"),
        _ => (category.ToString(), category.ToString()),
    };
}
