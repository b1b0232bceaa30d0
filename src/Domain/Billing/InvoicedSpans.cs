using Microsoft.EntityFrameworkCore;
using Store.Domain.Persistence;

namespace Store.Domain.Billing;

/// <summary>Reads back the fees in advance that issued invoices billed, so that a later invoice does not bill them again.</summary>
public static class InvoicedSpans
{
    /// <summary>
    /// The fees in advance, for service from <paramref name="since"/> on, billed to <paramref name="customerIds"/> by
    /// invoices of other periods than <paramref name="period"/> (a signup's first invoice, before the periodic one).
    /// </summary>
    public static async Task<IReadOnlyList<InvoicedSpan>> ForAsync(StoreDb db, IReadOnlyCollection<Guid> customerIds, BillingPeriod period, DateOnly since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = period.ToString();

        // The callers name the customers; what the request may see does not narrow a bill.
        var lines = await db.Invoices.IgnoreQueryFilters()
            .Where(i => customerIds.Contains(i.CustomerId) && i.Period != key)
            .SelectMany(i => i.Lines)
            .Where(l => (l.Kind == LineKind.Subscription || l.Kind == LineKind.Option) && l.SubscriptionId != null && l.ServiceFrom >= since)
            .Select(l => new { l.SubscriptionId, l.Code, l.ServiceFrom, l.ServiceTo, l.Quantity })
            .ToListAsync(cancellationToken);
        return [.. lines.Select(l => new InvoicedSpan(l.SubscriptionId!.Value, l.Code, l.ServiceFrom!.Value, l.ServiceTo!.Value, l.Quantity))];
    }
}
