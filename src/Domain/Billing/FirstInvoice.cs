using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Store.Domain.Catalog;
using Store.Domain.Mail;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;

namespace Store.Domain.Billing;

/// <summary>
/// Issues the first invoice of a contract as soon as it is active (a signup paid by bank transfer at once, by card
/// or SEPA debit on Stripe's confirmation): the fees in advance from the first day to the end of that month, or the
/// first year of a yearly price, numbered in the invoice series and mailed with its PDF like any invoice. The next
/// billing run leaves these fees out.
/// </summary>
public sealed class FirstInvoice(StoreDb db, CatalogRegistry catalogs, MailOutbox outbox, IOptions<BillingOptions> options, TimeProvider clock)
{
    /// <summary>The invoice issued, or null when there is nothing left to bill (a billing run already did).</summary>
    public async Task<Invoice?> IssueAsync(Contract contract, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contract);

        // The contract was just made for this customer: what the request may see does not narrow its bill.
        var customer = await db.Customers.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == contract.CustomerId, cancellationToken);
        var billedTo = customer.ParentId ?? customer.Id;
        var subscriptions = await db.Subscriptions.IgnoreQueryFilters().AsNoTracking().Include(s => s.Options).Include(s => s.QuantityChanges).AsSplitQuery()
            .Where(s => s.ContractId == contract.Id)
            .ToListAsync(cancellationToken);
        if (subscriptions.Count == 0)
        {
            return null;
        }

        var startsOn = subscriptions.Min(s => s.StartsOn);
        var month = BillingPeriod.Of(startsOn);
        var key = month.ToString();
        if (await db.Invoices.IgnoreQueryFilters().AnyAsync(i => i.CustomerId == billedTo && i.Period == key, cancellationToken))
        {
            return null;
        }

        var buyer = billedTo == customer.Id ? customer : await db.Customers.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == billedTo, cancellationToken);
        var input = new BillingInput(
            LegalDetails.Of(buyer),
            options.Value.SellerFor(buyer.Market),
            month,
            [.. subscriptions.Select(SubscriptionTimeline.Of)],
            [],
            [],
            [],
            await InvoicedSpans.ForAsync(db, [billedTo], month, month.First, cancellationToken));
        var draft = Invoicing.FirstInvoice(catalogs.Get, input, startsOn);
        if (draft.IsEmpty)
        {
            return null;
        }

        return await DocumentIssuing.IssueInvoiceAsync(db, draft, clock.GetUtcNow(), options.Value.PaymentTermDays, null, invoice => InvoiceMail.Enqueue(outbox, invoice), cancellationToken);
    }
}
