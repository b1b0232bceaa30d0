namespace Store.Domain.Billing;

/// <summary>A line of an issued invoice. Never changed.</summary>
public sealed class InvoiceLine : IIssuedDocument
{
    private InvoiceLine()
    {
    }

    internal InvoiceLine(Guid invoiceId, int position, InvoiceLineDraft draft)
    {
        Id = Guid.NewGuid();
        InvoiceId = invoiceId;
        Position = position;
        Kind = draft.Kind;
        SubscriptionId = draft.SubscriptionId;
        Code = draft.Code;
        Description = draft.Description;
        Quantity = draft.Quantity;
        UnitPrice = draft.UnitPrice;
        ServiceFrom = draft.ServiceFrom;
        ServiceTo = draft.ServiceTo;
        ProratedDays = draft.ProratedDays;
        PeriodDays = draft.PeriodDays;
        Amount = draft.Amount;
        VatRate = draft.VatRate;
    }

    public Guid Id { get; private set; }

    public Guid InvoiceId { get; private set; }

    public int Position { get; private set; }

    public LineKind Kind { get; private set; }

    public Guid? SubscriptionId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    public decimal Quantity { get; private set; }

    public decimal? UnitPrice { get; private set; }

    public DateOnly? ServiceFrom { get; private set; }

    public DateOnly? ServiceTo { get; private set; }

    public int? ProratedDays { get; private set; }

    public int? PeriodDays { get; private set; }

    /// <summary>Excluding VAT, rounded to the cent.</summary>
    public decimal Amount { get; private set; }

    public decimal VatRate { get; private set; }
}
