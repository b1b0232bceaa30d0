using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Store.Domain.Billing;
using Store.Domain.Catalog;
using Store.Domain.Mail;
using Store.Domain.Persistence;

namespace Store.Jobs.Billing;

/// <summary>
/// Runs the billing of one month: for each main account, loads what the invoice is computed from, calls the pure
/// <see cref="Invoicing"/>, and issues the invoice with its mail in one transaction. Run again after an
/// interruption, it skips the customers already invoiced: one invoice per customer, and no gap in the numbers.
/// </summary>
public sealed class BillingRunner(
    IServiceScopeFactory scopes,
    CatalogRegistry catalogs,
    IOptions<BillingOptions> options,
    TimeProvider clock,
    ILogger<BillingRunner> logger)
{
    private const int ProgressEvery = 25;

    /// <param name="afterEachCustomer">Told of the progress after each customer (the back office shows it).</param>
    public async Task<BillingRun> RunAsync(BillingPeriod period, Action<BillingRun>? afterEachCustomer = null, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var run = await OpenRunAsync(db, period, cancellationToken);

        // Sub-accounts are billed on their main account's invoice.
        var accounts = await db.Customers.AsNoTracking().Select(c => new { c.Id, c.ParentId }).ToListAsync(cancellationToken);
        var subAccounts = accounts.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value, a => a.Id);
        var mainAccounts = accounts.Where(a => a.ParentId is null).Select(a => a.Id).Order().ToList();
        var key = period.ToString();
        var invoiced = (await db.Invoices.AsNoTracking().Where(i => i.Period == key).Select(i => i.CustomerId).ToListAsync(cancellationToken)).ToHashSet();

        run.Start(mainAccounts.Count, clock.GetUtcNow());
        run.Resume(invoiced.Count, 0);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Billing run {Period}: {Total} accounts, {Done} already invoiced (attempt {Attempt}).", key, mainAccounts.Count, invoiced.Count, run.Attempts);

        // Customers are billed side by side (the drafting and the PDF use the processors); each one's invoice is
        // still its own transaction, and the numbers stay without gaps whatever the order of the commits.
        var sinceSave = 0;
        using var progressSave = new SemaphoreSlim(1, 1);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(mainAccounts.Where(id => !invoiced.Contains(id)), parallel, async (customerId, token) =>
        {
            bool? outcome;
            string? error = null;
            try
            {
                outcome = await BillCustomerAsync(customerId, [customerId, .. subAccounts[customerId]], period, run.Id, token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Billing run {Period}: customer {CustomerId} could not be invoiced.", key, customerId);
                outcome = null;
                error = e.Message;
            }

            bool save;
            lock (run)
            {
                if (outcome == true)
                {
                    run.Invoiced();
                }
                else if (outcome == false)
                {
                    run.NothingToBill();
                }
                else
                {
                    run.Failed(customerId, error!);
                }

                save = ++sinceSave % ProgressEvery == 0;
                afterEachCustomer?.Invoke(run);
            }

            if (save && await progressSave.WaitAsync(0, token))
            {
                try
                {
                    await db.SaveChangesAsync(token);
                }
                finally
                {
                    progressSave.Release();
                }
            }
        });

        await progressSave.WaitAsync(cancellationToken);
        run.Complete(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Billing run {Period} {Status}: {Issued} invoices, {Nothing} with nothing to bill, {Failed} failed.", key, run.Status, run.InvoicesIssued, run.CustomersWithNothingToBill, run.CustomersFailed);
        return run;
    }

    private static async Task<BillingRun> OpenRunAsync(StoreDb db, BillingPeriod period, CancellationToken cancellationToken)
    {
        var key = period.ToString();
        var run = await db.BillingRuns.SingleOrDefaultAsync(r => r.Period == key, cancellationToken);
        if (run is not null)
        {
            return run;
        }

        run = new BillingRun(period, DateTimeOffset.UtcNow);
        db.BillingRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return run;
        }
        catch (DbUpdateException)
        {
            // Another process opened the same run at the same moment: take theirs.
            db.Entry(run).State = EntityState.Detached;
            return await db.BillingRuns.SingleAsync(r => r.Period == key, cancellationToken);
        }
    }

    /// <summary>Issues the customer's invoice for the period; false when there is nothing to bill.</summary>
    private async Task<bool> BillCustomerAsync(Guid customerId, IReadOnlyCollection<Guid> accountIds, BillingPeriod period, Guid runId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId, cancellationToken);

        // From the contracts down, by their indexes (a filter on subscriptions would scan them all for each customer).
        var contractIds = accountIds.Count == 1
            ? await db.Contracts.Where(c => c.CustomerId == customerId).Select(c => c.Id).ToListAsync(cancellationToken)
            : await db.Contracts.Where(c => accountIds.Contains(c.CustomerId)).Select(c => c.Id).ToListAsync(cancellationToken);
        var subscriptions = await db.Subscriptions.AsNoTracking().Include(s => s.Options).Include(s => s.QuantityChanges).AsSplitQuery()
            .Where(s => contractIds.Contains(s.ContractId))
            .ToListAsync(cancellationToken);
        var fees = await db.OneOffFees
            .Where(f => accountIds.Contains(f.CustomerId) && f.InvoiceId == null && f.On < period.First)
            .ToListAsync(cancellationToken);
        var yearAgo = new DateTimeOffset(period.First.AddYears(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var incidents = await db.ServiceIncidents.AsNoTracking()
            .Where(i => accountIds.Contains(i.CustomerId) && i.End > yearAgo)
            .ToListAsync(cancellationToken);
        var charges = await scope.ServiceProvider.GetRequiredService<IUsageSource>().ForAsync(accountIds, period.Previous, cancellationToken);

        var input = new BillingInput(
            LegalDetails.Of(customer),
            options.Value.SellerFor(customer.Market),
            period,
            [.. subscriptions.Select(SubscriptionTimeline.Of)],
            charges,
            [.. fees.Select(f => f.ToCharge())],
            [.. incidents.Select(i => i.ToIncident())],
            await InvoicedSpans.ForAsync(db, [customerId], period, period.Previous.First, cancellationToken));
        var draft = Invoicing.Draft(catalogs.Get, input);
        if (draft.IsEmpty)
        {
            return false;
        }

        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        try
        {
            await DocumentIssuing.IssueInvoiceAsync(db, draft, clock.GetUtcNow(), options.Value.PaymentTermDays, runId, invoice =>
            {
                foreach (var fee in fees)
                {
                    fee.BilledOn(invoice);
                }

                InvoiceMail.Enqueue(outbox, invoice);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another process issued it in the meantime: the unique (customer, period) index kept it single.
            if (!await AlreadyInvoicedAsync(customerId, period, cancellationToken))
            {
                throw;
            }
        }

        return true;
    }

    private async Task<bool> AlreadyInvoicedAsync(Guid customerId, BillingPeriod period, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var key = period.ToString();
        return await scope.ServiceProvider.GetRequiredService<StoreDb>().Invoices.AnyAsync(i => i.CustomerId == customerId && i.Period == key, cancellationToken);
    }
}
