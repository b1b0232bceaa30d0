using Microsoft.EntityFrameworkCore;
using Store.Domain.Persistence;

namespace Store.Domain.Billing;

/// <summary>
/// Issues invoices and credit notes: the number is taken, the document saved, and whatever goes with it (its
/// outbox mail, the fees it billed) saved too, in one transaction. If anything fails nothing is kept, and the
/// number is given back.
/// </summary>
public static class DocumentIssuing
{
    /// <param name="alongside">Changes saved with the invoice, in the same transaction (outbox mail, billed fees).</param>
    public static async Task<Invoice> IssueInvoiceAsync(StoreDb db, InvoiceDraft draft, DateTimeOffset now, int paymentTermDays, Guid? billingRunId, Action<Invoice>? alongside = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var issued = await IssueInvoicesAsync(db, [draft], now, paymentTermDays, billingRunId, alongside is null ? null : (_, invoice) => alongside(invoice), cancellationToken);
        return issued[0];
    }

    /// <summary>
    /// Issues several invoices in one transaction, numbered in the order given: all of them are kept, or none and
    /// their numbers are given back. A billing run issues its customers' invoices by chunks this way.
    /// </summary>
    /// <param name="alongside">Changes saved with each invoice (its outbox mail, its billed fees), told the draft's index.</param>
    public static Task<IReadOnlyList<Invoice>> IssueInvoicesAsync(StoreDb db, IReadOnlyList<InvoiceDraft> drafts, DateTimeOffset now, int paymentTermDays, Guid? billingRunId, Action<int, Invoice>? alongside = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(drafts);
        return InTransactionAsync<IReadOnlyList<Invoice>>(db, async () =>
        {
            var invoices = new List<Invoice>(drafts.Count);
            for (var index = 0; index < drafts.Count; index++)
            {
                var draft = drafts[index];
                var number = await DocumentSequence.NextAsync(db, Invoice.Series, LocalTime.In(now, draft.Buyer.TimeZone).Year, cancellationToken);
                var invoice = Invoice.Issue(draft, number, now, paymentTermDays, billingRunId);
                db.Invoices.Add(invoice);
                db.Receivables.Add(Payments.Receivable.Of(invoice));
                alongside?.Invoke(index, invoice);
                invoices.Add(invoice);
            }

            return invoices;
        }, cancellationToken);
    }

    /// <summary>
    /// Issues a credit note of the given lines of <paramref name="invoice"/> (all of them when none is given). When the
    /// invoice was paid by card or SEPA debit beyond what is left to pay, the refund is queued in the same transaction.
    /// </summary>
    /// <param name="alongside">Changes saved with the note (its outbox mail); told whether a refund goes with it.</param>
    public static Task<CreditNote> IssueCreditNoteAsync(StoreDb db, Invoice invoice, string reason, DateTimeOffset now, IReadOnlyCollection<int>? positions = null, Action<CreditNote, bool>? alongside = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoice);
        var year = LocalTime.In(now, invoice.Buyer.TimeZone).Year;
        return InTransactionAsync(db, async () =>
        {
            var number = await DocumentSequence.NextAsync(db, CreditNote.Series, year, cancellationToken);
            var note = CreditNote.For(invoice, number, reason, now, positions);
            db.CreditNotes.Add(note);

            // What the customer owes goes down by the credit, in the same transaction; a fully credited invoice is settled.
            var receivable = await db.Receivables.SingleOrDefaultAsync(r => r.InvoiceId == invoice.Id, cancellationToken);
            receivable?.Credit(note, DateOnly.FromDateTime(LocalTime.In(now, invoice.Buyer.TimeZone).DateTime));
            var refund = receivable is null ? null : await Payments.StripePayments.RefundForAsync(db, note, receivable, now, cancellationToken);
            alongside?.Invoke(note, refund is not null);
            return note;
        }, cancellationToken);
    }

    private static async Task<T> InTransactionAsync<T>(StoreDb db, Func<Task<T>> issue, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // Inside the caller's transaction (a contract's activation): saved with it, kept or given back with it.
            var inside = await issue();
            await db.SaveChangesAsync(cancellationToken);
            return inside;
        }

        // On SQLite the writers of this process take turns rather than sleep in its busy loop.
        using var turn = await WriteTurns.TakeAsync(db, cancellationToken);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var document = await issue();
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return document;
            }
            catch
            {
                // Forget what was added: a retry starts clean, and the rolled-back number is taken again.
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
                {
                    entry.State = EntityState.Detached;
                }

                throw;
            }
        });
    }
}
