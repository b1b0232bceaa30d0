namespace Store.Domain.Billing;

/// <summary>
/// A one-off fee recorded in the back office (a terminal integrated, an installation appointment missed), billed
/// on the customer's next invoice; it then names that invoice, and is never billed again.
/// </summary>
public sealed class OneOffFeeEntry
{
    private OneOffFeeEntry()
    {
    }

    public OneOffFeeEntry(Guid customerId, Guid? subscriptionId, string catalogVersion, string feeCode, int quantity, DateOnly on, string? note, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feeCode);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        Id = Guid.CreateVersion7(now);
        CustomerId = customerId;
        SubscriptionId = subscriptionId;
        CatalogVersion = catalogVersion;
        FeeCode = feeCode;
        Quantity = quantity;
        On = on;
        Note = note;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid? SubscriptionId { get; private set; }

    public string CatalogVersion { get; private set; } = string.Empty;

    public string FeeCode { get; private set; } = string.Empty;

    public int Quantity { get; private set; }

    public DateOnly On { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public Guid? InvoiceId { get; private set; }

    public OneOffCharge ToCharge() => new(Id, SubscriptionId, CatalogVersion, FeeCode, Quantity, On, Note);

    public void BilledOn(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (InvoiceId is not null && InvoiceId != invoice.Id)
        {
            throw new InvalidOperationException("This fee is already billed.");
        }

        InvoiceId = invoice.Id;
    }
}
