using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Store.Domain.Payments;
using Store.Domain.Persistence;

namespace Store.Jobs.Payments;

/// <summary>What one collection round did.</summary>
public sealed record CollectionReport(int Queued, int Charged, int Refused, int Refunded, int Retried);

/// <summary>
/// Charges issued invoices to saved cards and SEPA mandates, and sends the refunds of credit notes: each invoice of a
/// customer paying by card or SEPA debit, issued since the method was saved and still unpaid, gets one charge row
/// (unique per invoice), which is sent with an idempotency key derived from the invoice. A round run twice, or again
/// after a crash that lost Stripe's answer, sends the same request and gets the same payment intent: never two charges.
/// </summary>
public sealed partial class StripeCollector(IServiceScopeFactory scopes, StripeGateway gateway, TimeProvider clock, ILogger<StripeCollector> logger)
{
    public async Task<CollectionReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var queued = await QueueChargesAsync(cancellationToken);
        List<Guid> charges, refunds;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            var now = clock.GetUtcNow();
            charges = await db.StripeCharges.AsNoTracking().Where(c => c.Status == StripeChargeStatus.Pending && c.NextAttemptAt <= now).OrderBy(c => c.CreatedAt).Select(c => c.Id).Take(500).ToListAsync(cancellationToken);
            refunds = await db.StripeRefunds.AsNoTracking().Where(r => r.Status == StripeRefundStatus.Pending && r.NextAttemptAt <= now).OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(500).ToListAsync(cancellationToken);
        }

        int charged = 0, refused = 0, refunded = 0, retried = 0;
        foreach (var id in charges)
        {
            switch (await ChargeAsync(id, cancellationToken))
            {
                case true: charged++; break;
                case false: refused++; break;
                default: retried++; break;
            }
        }

        foreach (var id in refunds)
        {
            if (await RefundAsync(id, cancellationToken))
            {
                refunded++;
            }
            else
            {
                retried++;
            }
        }

        var report = new CollectionReport(queued, charged, refused, refunded, retried);
        if (report != new CollectionReport(0, 0, 0, 0, 0))
        {
            Collected(logger, report.Queued, report.Charged, report.Refused, report.Refunded, report.Retried);
        }

        return report;
    }

    /// <summary>One charge row for each unpaid invoice of a customer with a saved method, issued since it was saved.</summary>
    private async Task<int> QueueChargesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var payers = await db.Customers.AsNoTracking()
            .Where(c => c.StripePaymentMethodId != null && c.StripeCustomerId != null && c.PaymentMethodSavedAt != null)
            .Select(c => new { c.Id, c.StripeCustomerId, c.StripePaymentMethodId, c.PaysBy, c.PaymentMethodSavedAt, c.TimeZone })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var queued = 0;
        foreach (var payer in payers)
        {
            var since = DateOnly.FromDateTime(Store.Domain.LocalTime.In(payer.PaymentMethodSavedAt!.Value, payer.TimeZone).DateTime);
            var unpaid = await db.Receivables
                .Where(r => r.CustomerId == payer.Id && r.SettledOn == null && r.IssuedOn >= since && !db.StripeCharges.Any(c => c.InvoiceId == r.InvoiceId))
                .ToListAsync(cancellationToken);
            foreach (var receivable in unpaid.Where(r => r.Outstanding > 0m))
            {
                db.StripeCharges.Add(new StripeCharge(receivable, payer.StripeCustomerId!, payer.StripePaymentMethodId!, payer.PaysBy, now));
                queued++;
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another process queued the same invoices meanwhile (one row per invoice): theirs are the ones sent.
            return 0;
        }

        return queued;
    }

    /// <summary>True: paid or being paid; false: refused; null: Stripe not reached, tried again later.</summary>
    private async Task<bool?> ChargeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var payments = scope.ServiceProvider.GetRequiredService<StripePayments>();
        var charge = await db.StripeCharges.SingleAsync(c => c.Id == id, cancellationToken);
        if (charge.Status != StripeChargeStatus.Pending)
        {
            return true;
        }

        // Paid meanwhile (a transfer, a credit note): nothing to charge.
        var receivable = await db.Receivables.AsNoTracking().SingleAsync(r => r.InvoiceId == charge.InvoiceId, cancellationToken);
        if (receivable.SettledOn is not null && charge.Attempts == 0)
        {
            charge.Refused(null, "settled before it was charged", clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        IntentState intent;
        try
        {
            intent = await gateway.ChargeAsync(charge, cancellationToken);
        }
        catch (Stripe.StripeException e)
        {
            charge.Unreachable(e.Message, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            NotCharged(logger, e, charge.InvoiceNumber);
            return null;
        }
        catch (HttpRequestException e)
        {
            charge.Unreachable(e.Message, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            NotCharged(logger, e, charge.InvoiceNumber);
            return null;
        }

        switch (intent.Status)
        {
            case "succeeded":
                charge.Submitted(intent.Id);
                await db.SaveChangesAsync(cancellationToken);
                await payments.RecordAsync(intent, cancellationToken);
                return true;
            case "processing":
                // A SEPA debit takes days: payment_intent.succeeded or payment_failed tells the end.
                charge.Submitted(intent.Id);
                await db.SaveChangesAsync(cancellationToken);
                return true;
            default:
                await payments.RefusedAsync(intent, cancellationToken);
                return false;
        }
    }

    private async Task<bool> RefundAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var payments = scope.ServiceProvider.GetRequiredService<StripePayments>();
        var refund = await db.StripeRefunds.SingleAsync(r => r.Id == id, cancellationToken);
        try
        {
            var (refundId, status) = await gateway.RefundAsync(refund, cancellationToken);
            await payments.RefundObservedAsync(refundId, status, refund.CreditNoteId, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is Stripe.StripeException or HttpRequestException)
        {
            refund.Unreachable(e.Message, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            NotRefunded(logger, e, refund.CreditNoteNumber);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Information, "Stripe collection: {Queued} invoices queued, {Charged} charged, {Refused} refused, {Refunded} refunds sent, {Retried} to retry")]
    private static partial void Collected(ILogger logger, int queued, int charged, int refused, int refunded, int retried);

    [LoggerMessage(LogLevel.Warning, "Invoice {Invoice} could not be charged now; tried again later with the same idempotency key")]
    private static partial void NotCharged(ILogger logger, Exception exception, string invoice);

    [LoggerMessage(LogLevel.Warning, "The refund of credit note {CreditNote} could not be sent now; tried again later with the same idempotency key")]
    private static partial void NotRefunded(ILogger logger, Exception exception, string creditNote);
}
