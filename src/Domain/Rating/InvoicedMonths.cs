using Microsoft.EntityFrameworkCore;
using Store.Domain.Persistence;

namespace Store.Domain.Rating;

/// <summary>
/// Which usage month bills a charge. Usage is billed in arrears: the invoice of April bills March. A charge of a month
/// already invoiced (a late call record, a later version of a call, a re-rating) is never added to that invoice: it is
/// billed with the first month not yet invoiced, on a line of its own naming its month. Sub-accounts are invoiced on
/// their main account.
/// </summary>
public static class InvoicedMonths
{
    /// <summary>For each customer, the period of the latest invoice of its main account; absent when it has none.</summary>
    public static async Task<Dictionary<Guid, string>> LatestAsync(StoreDb db, IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = customerIds.ToList();
        var mains = await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, Main = c.ParentId ?? c.Id }).ToListAsync(cancellationToken);
        var mainIds = mains.Select(m => m.Main).Distinct().ToList();
        var latest = await db.Invoices.IgnoreQueryFilters().AsNoTracking().Where(i => mainIds.Contains(i.CustomerId))
            .GroupBy(i => i.CustomerId).Select(g => new { CustomerId = g.Key, Period = g.Max(i => i.Period) }).ToDictionaryAsync(g => g.CustomerId, g => g.Period, cancellationToken);
        return mains.Where(m => latest.ContainsKey(m.Main)).ToDictionary(m => m.Id, m => latest[m.Main]!);
    }

    /// <summary>The usage month that bills a charge of <paramref name="period"/>, given the latest invoiced period.</summary>
    public static string BilledWith(string? latestInvoice, string period) =>
        latestInvoice is not null && string.CompareOrdinal(latestInvoice, period) > 0 ? latestInvoice : period;
}
