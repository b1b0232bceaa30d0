using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Store.Domain.Billing;
using Store.Domain.Customers;
using Store.Domain.Mail;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;

namespace Store.Domain.Payments;

/// <summary>Sends the welcome mail of a contract that just became active (the site knows its texts).</summary>
public interface IActivationMail
{
    Task EnqueueAsync(Customer customer, Contract contract, CancellationToken cancellationToken);
}

/// <summary>
/// What Stripe's news does to Store, whichever way and order it arrives (the customer back from Checkout, a
/// webhook, the charging job's answer): a confirmed card or SEPA mandate saved and the pending contracts activated
/// once, a succeeded payment intent recorded once (by its id), a refusal noted and told once, a refund recorded once.
/// Each reads the object's state, never the order of arrival.
/// </summary>
public sealed class StripePayments(StoreDb db, PaymentBook book, MailOutbox outbox, IOptions<BillingOptions> billing, TimeProvider clock, IActivationMail? welcome = null, FirstInvoice? firstInvoice = null)
{
    /// <summary>Saves the confirmed method on its customer and activates the customer's pending contracts; answers how many were activated now.</summary>
    public async Task<(Customer? Customer, int Activated)> ConfirmSetupAsync(ConfirmedSetup setup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.StripeCustomerId == setup.StripeCustomerId, cancellationToken);
        if (customer is null && setup.CustomerId is { } id)
        {
            customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (customer is not null && customer.StripeCustomerId is not null)
            {
                // Metadata naming one account, Stripe customer another's: trust neither.
                return (null, 0);
            }

            customer?.LinkStripeCustomer(setup.StripeCustomerId);
        }

        if (customer is null || setup.Kind is not (PaymentMethod.Card or PaymentMethod.SepaDebit))
        {
            return (null, 0);
        }

        var now = clock.GetUtcNow();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            // Inside the webhook's transaction when there is one; its own otherwise.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            customer.SavePaymentMethod(setup.PaymentMethodId, setup.Kind, now);
            var activated = 0;
            var pending = await db.Contracts.Where(c => c.CustomerId == customer.Id && c.Status == ContractStatus.Pending).ToListAsync(cancellationToken);
            foreach (var contract in pending)
            {
                // Whichever confirmation comes first activates; the one that comes second finds it active and does nothing.
                var changed = await db.Contracts.Where(c => c.Id == contract.Id && c.Status == ContractStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ContractStatus.Active), cancellationToken);
                if (changed == 1)
                {
                    activated++;
                    contract.Activate();
                    db.Entry(contract).State = EntityState.Unchanged;
                    if (welcome is not null)
                    {
                        await welcome.EnqueueAsync(customer, contract, cancellationToken);
                    }

                    if (firstInvoice is not null)
                    {
                        await firstInvoice.IssueAsync(contract, cancellationToken);
                    }
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return (customer, activated);
        });
    }

    /// <summary>Records a succeeded payment intent against its invoice (once, by the intent's id); anything else changes nothing.</summary>
    public async Task<PaymentOutcome?> RecordAsync(IntentState intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (intent.Status != "succeeded" || intent.InvoiceId is not { } invoiceId || intent.AmountReceived <= 0)
        {
            return null;
        }

        if (!Enum.TryParse<Currency>(intent.Currency, ignoreCase: true, out var currency))
        {
            return PaymentOutcome.WrongCurrency;
        }

        var charge = await db.StripeCharges.SingleOrDefaultAsync(c => c.InvoiceId == invoiceId, cancellationToken);
        charge?.Succeeded(intent.Id);
        var receivable = await db.Receivables.AsNoTracking().SingleOrDefaultAsync(r => r.InvoiceId == invoiceId, cancellationToken);
        if (receivable is null)
        {
            return PaymentOutcome.InvoiceNotFound;
        }

        var timeZone = await db.Customers.Where(c => c.Id == receivable.CustomerId).Select(c => c.TimeZone).SingleAsync(cancellationToken);
        var method = intent.Method is PaymentMethod.Card or PaymentMethod.SepaDebit ? intent.Method : charge?.Method ?? PaymentMethod.Card;
        var outcome = await book.RecordAsync(invoiceId, new Money(StripeGateway.FromMinor(intent.AmountReceived), currency), LocalTime.Today(clock, timeZone), method, intent.Id, "stripe:" + intent.Id, "stripe", cancellationToken);
        if (outcome != PaymentOutcome.Recorded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// Notes that the off-session charge of an invoice was refused; the customer is mailed the first time. The
    /// invoice stays open and dunning goes on. A refusal after a recorded success changes nothing.
    /// </summary>
    public async Task<bool> RefusedAsync(IntentState intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var charge = intent.InvoiceId is { } invoiceId
            ? await db.StripeCharges.SingleOrDefaultAsync(c => c.InvoiceId == invoiceId, cancellationToken)
            : await db.StripeCharges.SingleOrDefaultAsync(c => c.PaymentIntentId == intent.Id, cancellationToken);
        if (charge is null || (intent.Id.Length > 0 && await db.Payments.AnyAsync(p => p.SourceKey == "stripe:" + intent.Id, cancellationToken)))
        {
            return false;
        }

        if (!charge.Refused(intent.Id.Length > 0 ? intent.Id : null, intent.FailureMessage ?? intent.Status, clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        var receivable = await db.Receivables.AsNoTracking().SingleAsync(r => r.InvoiceId == charge.InvoiceId, cancellationToken);
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == charge.CustomerId, cancellationToken);
        PaymentMail.Enqueue(outbox, PaymentMail.ChargeFailedKind, receivable, LegalDetails.Of(customer), billing.Value.SellerFor(customer.Market));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Takes Stripe's state of a refund; money given back is recorded on the invoice once, when the refund succeeds.</summary>
    public async Task<bool> RefundObservedAsync(string refundId, string status, Guid? creditNoteId, CancellationToken cancellationToken = default)
    {
        var refund = await db.StripeRefunds.SingleOrDefaultAsync(r => r.RefundId == refundId, cancellationToken)
            ?? (creditNoteId is { } noteId ? await db.StripeRefunds.SingleOrDefaultAsync(r => r.CreditNoteId == noteId, cancellationToken) : null);
        if (refund is null)
        {
            return false;
        }

        var succeeded = refund.Observed(refundId, status, clock.GetUtcNow());
        if (succeeded)
        {
            var receivable = await db.Receivables.SingleAsync(r => r.InvoiceId == refund.InvoiceId, cancellationToken);
            var timeZone = await db.Customers.Where(c => c.Id == refund.CustomerId).Select(c => c.TimeZone).SingleAsync(cancellationToken);
            receivable.Refund(refund.Amount, LocalTime.Today(clock, timeZone));
        }

        await db.SaveChangesAsync(cancellationToken);
        return succeeded;
    }

    /// <summary>
    /// The refund a credit note calls for: what the customer paid by card or SEPA beyond what they still owe after the
    /// credit, not more than those payments less what was already refunded. Added to the unit of work; null when none.
    /// </summary>
    public static async Task<StripeRefund?> RefundForAsync(StoreDb db, CreditNote note, Receivable receivable, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(receivable);
        var paidByStripe = await db.Payments.AsNoTracking().Where(p => p.InvoiceId == note.InvoiceId && p.SourceKey.StartsWith("stripe:")).ToListAsync(cancellationToken);
        if (paidByStripe.Count == 0)
        {
            return null;
        }

        var refunds = await db.StripeRefunds.AsNoTracking().Where(r => r.InvoiceId == note.InvoiceId).ToListAsync(cancellationToken);
        var pending = refunds.Where(r => r.Status is StripeRefundStatus.Pending or StripeRefundStatus.Processing).Sum(r => r.Amount);
        var overpaid = -receivable.Outstanding - pending;
        var payment = paidByStripe.OrderByDescending(p => p.Amount).First();
        var refundable = payment.Amount - refunds.Where(r => r.PaymentIntentId == payment.Reference && r.Status != StripeRefundStatus.Failed).Sum(r => r.Amount);
        var amount = Math.Min(Math.Min(note.TotalIncludingVat, overpaid), refundable);
        if (amount <= 0m)
        {
            return null;
        }

        var refund = new StripeRefund(note, payment.Reference!, amount, now);
        db.StripeRefunds.Add(refund);
        return refund;
    }
}
