using Store.Domain.Billing;

namespace Store.Domain.Payments;

public enum ReceivableStatus
{
    Open,
    PartiallyPaid,
    Paid,
    Overdue,
}

/// <summary>
/// What a customer owes on one invoice, and how its collection goes: payments and credit notes received, reminders
/// sent. The issued invoice never changes; this record, opened with it, is what moves.
/// </summary>
public sealed class Receivable
{
    private Receivable()
    {
    }

    public Guid InvoiceId { get; private set; }

    public Guid CustomerId { get; private set; }

    public string InvoiceNumber { get; private set; } = string.Empty;

    /// <summary>The ISO 11649 creditor reference to quote with a bank transfer (compact, "RF59F2026000042").</summary>
    public string Reference { get; private set; } = string.Empty;

    public Currency Currency { get; private set; }

    /// <summary>The invoice's total including VAT.</summary>
    public decimal Amount { get; private set; }

    /// <summary>Credit notes issued against the invoice, including VAT.</summary>
    public decimal Credited { get; private set; }

    public decimal Paid { get; private set; }

    /// <summary>Paid money given back (a card or SEPA refund after a credit note).</summary>
    public decimal Refunded { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public DateOnly DueOn { get; private set; }

    /// <summary>The day the balance reached zero (by payments or credit notes); null while something is owed.</summary>
    public DateOnly? SettledOn { get; private set; }

    public DateTimeOffset? FirstReminderAt { get; private set; }

    public DateTimeOffset? SecondReminderAt { get; private set; }

    /// <summary>Changes with each update: two writers of the same receivable cannot both win.</summary>
    public int Version { get; private set; }

    public decimal Outstanding => Amount - Credited - Paid + Refunded;

    public Money OutstandingMoney => new(Outstanding, Currency);

    public static Receivable Of(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new Receivable
        {
            InvoiceId = invoice.Id,
            CustomerId = invoice.CustomerId,
            InvoiceNumber = invoice.Number,
            Reference = CreditorReference.For(invoice.Number),
            Currency = invoice.Currency,
            Amount = invoice.TotalIncludingVat,
            IssuedOn = invoice.IssuedOn,
            DueOn = invoice.DueOn,
            SettledOn = invoice.TotalIncludingVat <= 0m ? invoice.IssuedOn : null,
        };
    }

    public ReceivableStatus StatusOn(DateOnly today) =>
        SettledOn is not null ? ReceivableStatus.Paid
        : today > DueOn ? ReceivableStatus.Overdue
        : Paid > 0m ? ReceivableStatus.PartiallyPaid
        : ReceivableStatus.Open;

    /// <summary>Days past the due date on <paramref name="today"/> (0 when not yet due).</summary>
    public int DaysOverdue(DateOnly today) => Math.Max(0, today.DayNumber - DueOn.DayNumber);

    public void Apply(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.InvoiceId != InvoiceId || payment.Currency != Currency)
        {
            throw new InvalidOperationException($"Payment {payment.Id} is not in {Currency} for invoice {InvoiceNumber}.");
        }

        Paid += payment.Amount;
        Settle(payment.ReceivedOn);
    }

    public void Credit(CreditNote note, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(note);
        Credited += note.TotalIncludingVat;
        Settle(on);
    }

    /// <summary>Records money paid on this invoice and given back to the customer.</summary>
    public void Refund(decimal amount, DateOnly on)
    {
        if (amount <= 0m || amount > Paid - Refunded)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"Between 0 and what was paid on {InvoiceNumber} is refunded.");
        }

        Refunded += amount;
        Settle(on);
    }

    public void Reminded(DunningStep step, DateTimeOffset at)
    {
        switch (step)
        {
            case DunningStep.FirstReminder:
                FirstReminderAt ??= at;
                break;
            case DunningStep.SecondReminder:
                FirstReminderAt ??= at;
                SecondReminderAt ??= at;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "Only reminders are recorded on an invoice.");
        }

        Version++;
    }

    private void Settle(DateOnly on)
    {
        SettledOn = Outstanding <= 0m ? SettledOn ?? on : null;
        Version++;
    }
}
