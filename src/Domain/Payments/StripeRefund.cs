using Store.Domain.Billing;

namespace Store.Domain.Payments;

public enum StripeRefundStatus
{
    Pending,
    Processing,
    Succeeded,
    Failed,
}

/// <summary>
/// The outbox row of the refund a credit note calls for when its invoice was paid by card or SEPA debit: made in
/// the credit note's transaction, sent by the collection job with an idempotency key derived from the credit note.
/// </summary>
public sealed class StripeRefund
{
    private StripeRefund()
    {
    }

    public StripeRefund(CreditNote note, string paymentIntentId, decimal amount, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(note);
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentIntentId);
        if (amount <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A refund is a positive amount.");
        }

        Id = Guid.CreateVersion7(now);
        CreditNoteId = note.Id;
        CreditNoteNumber = note.Number;
        InvoiceId = note.InvoiceId;
        CustomerId = note.CustomerId;
        PaymentIntentId = paymentIntentId;
        Amount = amount;
        Currency = note.Currency;
        IdempotencyKey = $"store-credit-note-{note.Id:N}-refund";
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>Unique: a credit note refunds once.</summary>
    public Guid CreditNoteId { get; private set; }

    public string CreditNoteNumber { get; private set; } = string.Empty;

    public Guid InvoiceId { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>The payment refunded.</summary>
    public string PaymentIntentId { get; private set; } = string.Empty;

    public decimal Amount { get; private set; }

    public Currency Currency { get; private set; }

    public string IdempotencyKey { get; private set; } = string.Empty;

    public string? RefundId { get; private set; }

    public StripeRefundStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SucceededAt { get; private set; }

    /// <summary>Takes Stripe's state of the refund; true when it just succeeded (the money is recorded as given back once).</summary>
    public bool Observed(string refundId, string stripeStatus, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refundId);
        RefundId ??= refundId;
        if (Status == StripeRefundStatus.Succeeded)
        {
            return false;
        }

        Status = stripeStatus switch
        {
            "succeeded" => StripeRefundStatus.Succeeded,
            "failed" or "canceled" => StripeRefundStatus.Failed,
            _ => StripeRefundStatus.Processing,
        };
        if (Status == StripeRefundStatus.Succeeded)
        {
            SucceededAt = now;
            return true;
        }

        return false;
    }

    public void Unreachable(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        NextAttemptAt = now + (TimeSpan.FromMinutes(1) * Math.Pow(2, Math.Min(Attempts - 1, 10)));
    }
}
