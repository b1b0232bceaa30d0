using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Store.Domain.Billing;
using Store.Domain.Mail;
using Store.Domain.Persistence;

namespace Store.Domain.Payments;

public enum PaymentOutcome
{
    Recorded,

    /// <summary>The same receipt (same source key) was recorded before: nothing changed.</summary>
    AlreadyRecorded,
    InvoiceNotFound,
    WrongCurrency,
    NotPositive,
}

/// <summary>What a bank statement import did.</summary>
public sealed record StatementImport(
    int Credits,
    int New,
    int AlreadyImported,
    int Matched,
    int Debits,
    IReadOnlyList<BankStatementLine> Unmatched,
    IReadOnlyList<RejectedStatementLine> Rejected);

/// <summary>
/// Records money received against invoices: a payment entered in the back office, the credits of a bank statement
/// matched by their reference, a line matched by hand. Each receipt counts once (by its source key); paying the
/// last suspending invoice of a suspended customer lifts the suspension and tells them, in the same transaction.
/// </summary>
public sealed class PaymentBook(StoreDb db, MailOutbox outbox, IOptions<BillingOptions> billing, TimeProvider clock)
{
    public async Task<PaymentOutcome> RecordAsync(Guid invoiceId, Money amount, DateOnly receivedOn, PaymentMethod method, string? reference, string sourceKey, string? recordedBy = null, CancellationToken cancellationToken = default)
    {
        if (amount.Amount <= 0m)
        {
            return PaymentOutcome.NotPositive;
        }

        if (await db.Payments.AnyAsync(p => p.SourceKey == sourceKey, cancellationToken))
        {
            return PaymentOutcome.AlreadyRecorded;
        }

        var receivable = await db.Receivables.SingleOrDefaultAsync(r => r.InvoiceId == invoiceId, cancellationToken);
        if (receivable is null)
        {
            return PaymentOutcome.InvoiceNotFound;
        }

        if (receivable.Currency != amount.Currency)
        {
            return PaymentOutcome.WrongCurrency;
        }

        await ApplyAsync(receivable, new Payment(invoiceId, receivable.CustomerId, amount, receivedOn, method, reference, sourceKey, clock.GetUtcNow(), recordedBy), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Recorded by another request in the meantime (the unique source key kept it single)?
            if (await SourceKnownElsewhereAsync(sourceKey, cancellationToken))
            {
                return PaymentOutcome.AlreadyRecorded;
            }

            throw;
        }

        return PaymentOutcome.Recorded;
    }

    /// <summary>
    /// Imports the credits of a statement file: new lines are kept, those whose reference names an open invoice
    /// (in the same currency) become its payments. A line already imported is skipped. One transaction per file.
    /// </summary>
    public async Task<StatementImport> ImportStatementAsync(string fileName, string content, CancellationToken cancellationToken = default)
    {
        var file = BankStatementFile.Read(content);
        var keys = file.Credits.Select(c => c.Key).ToList();
        var known = (await db.BankStatementLines.Where(l => keys.Contains(l.Key)).Select(l => l.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var unmatched = new List<BankStatementLine>();
        int fresh = 0, matched = 0;
        foreach (var entry in file.Credits.Where(c => !known.Contains(c.Key)))
        {
            fresh++;
            var line = new BankStatementLine(entry, fileName, now);
            db.BankStatementLines.Add(line);
            var receivable = await FindReceivableAsync(entry, cancellationToken);
            if (receivable is null || (entry.Currency is { } currency && currency != receivable.Currency))
            {
                unmatched.Add(line);
                continue;
            }

            var payment = new Payment(receivable.InvoiceId, receivable.CustomerId, new Money(entry.Amount, receivable.Currency), entry.BookedOn, PaymentMethod.BankTransfer, entry.Reference ?? receivable.Reference, "bank:" + entry.Key, now, fileName);
            line.MatchedTo(payment);
            await ApplyAsync(receivable, payment, cancellationToken);
            matched++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new(file.Credits.Count, fresh, file.Credits.Count - fresh, matched, file.Debits, unmatched, file.Rejected);
    }

    /// <summary>Matches a statement line nobody could match automatically to the invoice numbered <paramref name="invoiceNumber"/>.</summary>
    public async Task<PaymentOutcome> MatchLineAsync(Guid lineId, string invoiceNumber, string? recordedBy = null, CancellationToken cancellationToken = default)
    {
        var line = await db.BankStatementLines.SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        var number = invoiceNumber.Trim().ToUpperInvariant();
        var receivable = await db.Receivables.SingleOrDefaultAsync(r => r.InvoiceNumber == number, cancellationToken);
        if (line is null || receivable is null)
        {
            return PaymentOutcome.InvoiceNotFound;
        }

        if (line.Matched)
        {
            return PaymentOutcome.AlreadyRecorded;
        }

        if (line.Currency is { } currency && currency != receivable.Currency)
        {
            return PaymentOutcome.WrongCurrency;
        }

        var payment = new Payment(receivable.InvoiceId, receivable.CustomerId, new Money(line.Amount, receivable.Currency), line.BookedOn, PaymentMethod.BankTransfer, line.Reference, "bank:" + line.Key, clock.GetUtcNow(), recordedBy);
        line.MatchedTo(payment);
        await ApplyAsync(receivable, payment, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return PaymentOutcome.Recorded;
    }

    /// <summary>Adds the payment, settles what it settles, and lifts the customer's suspension when nothing suspending is left.</summary>
    private async Task ApplyAsync(Receivable receivable, Payment payment, CancellationToken cancellationToken)
    {
        db.Payments.Add(payment);
        receivable.Apply(payment);
        await ReinstateIfClearAsync(db, outbox, billing.Value, receivable, clock, cancellationToken);
    }

    /// <summary>
    /// Once <paramref name="settled"/> is paid or credited, lifts the suspension of its customer if no other invoice
    /// keeps it, and queues the mail that says so. Saved by the caller.
    /// </summary>
    public static async Task<bool> ReinstateIfClearAsync(StoreDb db, MailOutbox outbox, BillingOptions billing, Receivable settled, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(settled);
        ArgumentNullException.ThrowIfNull(billing);
        if (settled.SettledOn is null)
        {
            return false;
        }

        var customer = await db.Customers.SingleAsync(c => c.Id == settled.CustomerId, cancellationToken);
        if (!customer.IsSuspended)
        {
            return false;
        }

        var today = LocalTime.Today(clock, customer.TimeZone);
        var others = await db.Receivables.Where(r => r.CustomerId == customer.Id && r.SettledOn == null && r.InvoiceId != settled.InvoiceId).ToListAsync(cancellationToken);
        var pending = db.Receivables.Local.Where(r => r.CustomerId == customer.Id && r.InvoiceId != settled.InvoiceId);
        if (others.Concat(pending).Distinct().Any(r => DunningSchedule.Suspends(r, today)))
        {
            return false;
        }

        customer.Reinstate();
        PaymentMail.Enqueue(outbox, PaymentMail.ReinstatementKind, settled, LegalDetails.Of(customer), billing.SellerFor(customer.Market));
        return true;
    }

    private async Task<Receivable?> FindReceivableAsync(StatementEntry entry, CancellationToken cancellationToken)
    {
        if (BankStatementFile.FindReference(entry.Reference, entry.Label) is { } reference)
        {
            var byReference = db.Receivables.Local.FirstOrDefault(r => r.Reference == reference)
                ?? await db.Receivables.SingleOrDefaultAsync(r => r.Reference == reference, cancellationToken);
            if (byReference is not null)
            {
                return byReference;
            }
        }

        if (BankStatementFile.FindInvoiceNumber(entry.Reference, entry.Label) is { } number)
        {
            return db.Receivables.Local.FirstOrDefault(r => r.InvoiceNumber == number)
                ?? await db.Receivables.SingleOrDefaultAsync(r => r.InvoiceNumber == number, cancellationToken);
        }

        return null;
    }

    private async Task<bool> SourceKnownElsewhereAsync(string sourceKey, CancellationToken cancellationToken)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            entry.State = EntityState.Detached;
        }

        return await db.Payments.AnyAsync(p => p.SourceKey == sourceKey, cancellationToken);
    }
}
