namespace Store.Domain.Payments;

public enum PaymentMethod
{
    BankTransfer,
    Card,
    SepaDebit,
    Cheque,
    Other,
}

/// <summary>
/// Money received for an invoice: a fact recorded once. <see cref="SourceKey"/> names where it came from (a bank
/// statement line, a back-office entry, a Stripe payment) and is unique, so the same receipt is never counted twice.
/// </summary>
public sealed class Payment
{
    private Payment()
    {
    }

    public Payment(Guid invoiceId, Guid customerId, Money amount, DateOnly receivedOn, PaymentMethod method, string? reference, string sourceKey, DateTimeOffset now, string? recordedBy = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceKey);
        if (amount.Amount <= 0m)
        {
            throw new ArgumentException("A payment is a positive amount.", nameof(amount));
        }

        Id = Guid.CreateVersion7(now);
        InvoiceId = invoiceId;
        CustomerId = customerId;
        Amount = amount.Amount;
        Currency = amount.Currency;
        ReceivedOn = receivedOn;
        Method = method;
        Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        SourceKey = sourceKey;
        RecordedAt = now;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }

    public Guid InvoiceId { get; private set; }

    public Guid CustomerId { get; private set; }

    public decimal Amount { get; private set; }

    public Currency Currency { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public PaymentMethod Method { get; private set; }

    /// <summary>The reference the payer gave (the invoice's creditor reference, a cheque number, ...).</summary>
    public string? Reference { get; private set; }

    /// <summary>"bank:…", "manual:…", "stripe:pi_…": unique.</summary>
    public string SourceKey { get; private set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; private set; }

    public string? RecordedBy { get; private set; }

    public Money Money => new(Amount, Currency);
}
