namespace Store.Domain.Payments;

public enum StripeChargeStatus
{
    /// <summary>To be sent to Stripe (or sent, and the answer lost: sent again with the same idempotency key).</summary>
    Pending,

    /// <summary>Stripe took the payment intent and is processing it (a SEPA debit takes days).</summary>
    Processing,
    Succeeded,

    /// <summary>Refused (card declined, mandate revoked): the invoice stays open and dunning goes on.</summary>
    Failed,
}

/// <summary>
/// The outbox row of an off-session charge of one invoice to the customer's saved card or SEPA mandate. Its
/// idempotency key is derived from the invoice: sent twice (a retry, a crash after the call), Stripe answers with
/// the same payment intent, so the invoice is never charged twice.
/// </summary>
public sealed class StripeCharge
{
    private StripeCharge()
    {
    }

    public StripeCharge(Receivable receivable, string stripeCustomerId, string paymentMethodId, PaymentMethod method, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(receivable);
        Id = Guid.CreateVersion7(now);
        InvoiceId = receivable.InvoiceId;
        CustomerId = receivable.CustomerId;
        InvoiceNumber = receivable.InvoiceNumber;
        Amount = receivable.Outstanding;
        Currency = receivable.Currency;
        StripeCustomerId = stripeCustomerId;
        PaymentMethodId = paymentMethodId;
        Method = method;
        IdempotencyKey = KeyFor(receivable.InvoiceId);
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public static string KeyFor(Guid invoiceId) => $"store-invoice-{invoiceId:N}-charge";

    public Guid Id { get; private set; }

    /// <summary>Unique: one off-session charge per invoice.</summary>
    public Guid InvoiceId { get; private set; }

    public Guid CustomerId { get; private set; }

    public string InvoiceNumber { get; private set; } = string.Empty;

    /// <summary>What is charged, fixed when the row is made: a retry sends exactly the same request.</summary>
    public decimal Amount { get; private set; }

    public Currency Currency { get; private set; }

    public string StripeCustomerId { get; private set; } = string.Empty;

    public string PaymentMethodId { get; private set; } = string.Empty;

    public PaymentMethod Method { get; private set; }

    public string IdempotencyKey { get; private set; } = string.Empty;

    public string? PaymentIntentId { get; private set; }

    public StripeChargeStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? FailedAt { get; private set; }

    public Money Money => new(Amount, Currency);

    /// <summary>Stripe answered with its payment intent.</summary>
    public void Submitted(string paymentIntentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentIntentId);
        Attempts++;
        PaymentIntentId = paymentIntentId;
        LastError = null;
        if (Status == StripeChargeStatus.Pending)
        {
            Status = StripeChargeStatus.Processing;
        }
    }

    public void Succeeded(string paymentIntentId)
    {
        PaymentIntentId ??= paymentIntentId;
        Status = StripeChargeStatus.Succeeded;
        LastError = null;
    }

    /// <summary>Refused by Stripe; true the first time (the customer is told once), false if it already failed or succeeded.</summary>
    public bool Refused(string? paymentIntentId, string reason, DateTimeOffset now)
    {
        if (Status is StripeChargeStatus.Succeeded or StripeChargeStatus.Failed)
        {
            return false;
        }

        PaymentIntentId ??= paymentIntentId;
        Status = StripeChargeStatus.Failed;
        FailedAt = now;
        LastError = Trim(reason);
        return true;
    }

    /// <summary>Stripe could not be reached or answered with an error of its own: tried again later, with the same key.</summary>
    public void Unreachable(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = Trim(error);
        NextAttemptAt = now + (TimeSpan.FromMinutes(1) * Math.Pow(2, Math.Min(Attempts - 1, 10)));
    }

    private static string Trim(string text) => text.Length > 500 ? text[..500] : text;
}
