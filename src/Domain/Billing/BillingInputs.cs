namespace Store.Domain.Billing;

public enum UsageUnit
{
    Seconds,
    Count,
}

/// <summary>
/// Usage of a subscription in the month billed in arrears, already rated: the exact amount, excluding VAT.
/// Rated calls map to it (one per call, or already summed per category). <paramref name="ServiceMonth"/> is set for the
/// regularisation of an earlier month, already invoiced: the line's service period is that month.
/// </summary>
public sealed record UsageCharge(Guid SubscriptionId, string Category, string Description, long Quantity, UsageUnit Unit, decimal Amount, Currency Currency, BillingPeriod? ServiceMonth = null);

/// <summary>A one-off fee of the catalog to bill (terminal integration, missed installation appointment, ...), recorded in the back office.</summary>
public sealed record OneOffCharge(Guid Id, Guid? SubscriptionId, string CatalogVersion, string FeeCode, int Quantity, DateOnly On, string? Note = null);

/// <summary>
/// An interruption of a subscription's service, recorded in the back office from the customer's notification to
/// the restoration. Excusable interruptions (force majeure, planned maintenance, the customer's own doing) do not count.
/// </summary>
public sealed record SlaIncident(Guid SubscriptionId, DateTimeOffset Start, DateTimeOffset End, bool Excusable = false);

/// <summary>
/// A fee in advance an earlier invoice already billed (the first invoice of a signup, issued at once): which fee of
/// which subscription, the service dates of its line, and how many.
/// </summary>
public sealed record InvoicedSpan(Guid SubscriptionId, string Code, DateOnly From, DateOnly To, decimal Quantity);

/// <summary>Everything one customer's periodic invoice is computed from.</summary>
/// <param name="AlreadyInvoiced">Fees in advance already billed by another invoice: left out, or reduced to what was added since.</param>
public sealed record BillingInput(
    LegalDetails Buyer,
    Seller Seller,
    BillingPeriod Period,
    IReadOnlyList<SubscriptionTimeline> Subscriptions,
    IReadOnlyList<UsageCharge> Usage,
    IReadOnlyList<OneOffCharge> Fees,
    IReadOnlyList<SlaIncident> Incidents,
    IReadOnlyList<InvoicedSpan>? AlreadyInvoiced = null);
