namespace Store.Domain.Billing;

public enum LineKind
{
    /// <summary>A subscription fee, in advance, or its prorated change within the month.</summary>
    Subscription,

    /// <summary>An option's fee, in advance, or its prorated change within the month.</summary>
    Option,

    /// <summary>Usage of the previous month, in arrears.</summary>
    Usage,

    /// <summary>A one-off fee of the catalog.</summary>
    OneOffFee,

    /// <summary>The termination fee of a subscription that ended.</summary>
    TerminationFee,

    /// <summary>A credit for a missed availability commitment (negative).</summary>
    SlaCredit,
}

/// <summary>
/// One line of an invoice: what is billed, for which service dates, and its amount excluding VAT rounded to the
/// cent. Prorated lines say how many days of how many they cover.
/// </summary>
public sealed record InvoiceLineDraft(
    LineKind Kind,
    Guid? SubscriptionId,
    string Code,
    string Description,
    decimal Quantity,
    decimal? UnitPrice,
    DateOnly? ServiceFrom,
    DateOnly? ServiceTo,
    int? ProratedDays,
    int? PeriodDays,
    decimal Amount,
    decimal VatRate);

/// <summary>The VAT of one rate: on the sum of the lines of that rate, rounded once.</summary>
public sealed record VatBreakdown(decimal Rate, decimal Base, decimal Amount);

/// <summary>An invoice as computed, before it is numbered and issued.</summary>
public sealed record InvoiceDraft(
    LegalDetails Buyer,
    Seller Seller,
    BillingPeriod Period,
    Currency Currency,
    VatTreatment Vat,
    IReadOnlyList<InvoiceLineDraft> Lines,
    IReadOnlyList<VatBreakdown> VatBreakdown)
{
    public decimal TotalExcludingVat => Lines.Sum(l => l.Amount);

    public decimal TotalVat => VatBreakdown.Sum(v => v.Amount);

    public decimal TotalIncludingVat => TotalExcludingVat + TotalVat;

    public bool IsEmpty => Lines.Count == 0;
}
