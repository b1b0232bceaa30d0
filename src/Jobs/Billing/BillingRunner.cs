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

        // Customers are billed by chunks, side by side: a chunk's inputs are read in a few queries for all its
        // customers, drafted, and issued in one transaction (SQLite has one writer; one commit a chunk instead of one
        // a customer). A chunk that cannot be issued whole is billed customer by customer, so that one customer's
        // failure leaves the others invoiced. Numbers stay without gaps whatever the order of the commits.
        var sinceSave = 0;
        using var progressSave = new SemaphoreSlim(1, 1);
        var chunks = mainAccounts.Where(id => !invoiced.Contains(id)).Chunk(Math.Max(1, options.Value.ChunkSize));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(chunks, parallel, async (chunk, token) =>
        {
            IReadOnlyList<(Guid CustomerId, bool? Outcome, string? Error)> outcomes;
            try
            {
                outcomes = await BillChunkAsync(chunk, subAccounts, period, run.Id, token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Billing run {Period}: a chunk of {Count} customers could not be issued at once; billing them one by one.", key, chunk.Length);
                var oneByOne = new List<(Guid, bool?, string?)>(chunk.Length);
                foreach (var customerId in chunk)
                {
                    oneByOne.Add(await BillOneAsync(customerId, subAccounts, period, run.Id, token));
                }

                outcomes = oneByOne;
            }

            bool save;
            lock (run)
            {
                foreach (var (customerId, outcome, error) in outcomes)
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

                    afterEachCustomer?.Invoke(run);
                }

                sinceSave += outcomes.Count;
                save = sinceSave >= ProgressEvery;
                if (save)
                {
                    sinceSave = 0;
                }
            }

            if (save && await progressSave.WaitAsync(0, token))
            {
                try
                {
                    using var turn = await WriteTurns.TakeAsync(db, token);
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

    /// <summary>
    /// Bills a chunk of main accounts: their inputs read together, each one's invoice drafted, and every invoice of the
    /// chunk issued with its mail in one transaction. Throws when the chunk cannot be issued whole (nothing is kept).
    /// </summary>
    private async Task<IReadOnlyList<(Guid CustomerId, bool? Outcome, string? Error)>> BillChunkAsync(Guid[] chunk, ILookup<Guid, Guid> subAccounts, BillingPeriod period, Guid runId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var inputs = await LoadAsync(scope.ServiceProvider, db, chunk, subAccounts, period, cancellationToken);

        var outcomes = new List<(Guid CustomerId, bool? Outcome, string? Error)>(chunk.Length);
        var drafts = new List<(InvoiceDraft Draft, IReadOnlyList<OneOffFeeEntry> Fees)>(chunk.Length);
        foreach (var customerId in chunk)
        {
            var (input, fees) = inputs[customerId];
            try
            {
                var draft = Invoicing.Draft(catalogs.Get, input);
                if (draft.IsEmpty)
                {
                    outcomes.Add((customerId, false, null));
                }
                else
                {
                    drafts.Add((draft, fees));
                    outcomes.Add((customerId, true, null));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Billing run {Period}: customer {CustomerId} could not be invoiced.", period, customerId);
                outcomes.Add((customerId, null, e.Message));
            }
        }

        if (drafts.Count > 0)
        {
            var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
            await DocumentIssuing.IssueInvoicesAsync(db, [.. drafts.Select(d => d.Draft)], clock.GetUtcNow(), options.Value.PaymentTermDays, runId, (index, invoice) =>
            {
                foreach (var fee in drafts[index].Fees)
                {
                    fee.BilledOn(invoice);
                }

                InvoiceMail.Enqueue(outbox, invoice);
            }, cancellationToken);
        }

        return outcomes;
    }

    /// <summary>Bills one main account on its own: a chunk of one, so that only its own failure can stop it.</summary>
    private async Task<(Guid CustomerId, bool? Outcome, string? Error)> BillOneAsync(Guid customerId, ILookup<Guid, Guid> subAccounts, BillingPeriod period, Guid runId, CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                return (await BillChunkAsync([customerId], subAccounts, period, runId, cancellationToken))[0];
            }
            catch (DbUpdateException)
            {
                // Another process issued it in the meantime: the unique (customer, period) index kept it single.
                if (!await AlreadyInvoicedAsync(customerId, period, cancellationToken))
                {
                    throw;
                }

                return (customerId, true, null);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Billing run {Period}: customer {CustomerId} could not be invoiced.", period, customerId);
            return (customerId, null, e.Message);
        }
    }

    /// <summary>
    /// What the invoices of <paramref name="mainAccounts"/> are computed from, read for all of them at once (each main
    /// account with its sub-accounts), with the unbilled one-off fees tracked so that issuing marks them billed.
    /// </summary>
    private async Task<Dictionary<Guid, (BillingInput Input, IReadOnlyList<OneOffFeeEntry> Fees)>> LoadAsync(IServiceProvider services, StoreDb db, Guid[] mainAccounts, ILookup<Guid, Guid> subAccounts, BillingPeriod period, CancellationToken cancellationToken)
    {
        var mainOf = new Dictionary<Guid, Guid>();
        foreach (var main in mainAccounts)
        {
            mainOf[main] = main;
            foreach (var sub in subAccounts[main])
            {
                mainOf[sub] = main;
            }
        }

        var accountIds = mainOf.Keys.ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => mainAccounts.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);

        // From the contracts down, by their indexes (a filter on subscriptions would scan them all).
        var contracts = await db.Contracts.Where(c => accountIds.Contains(c.CustomerId)).Select(c => new { c.Id, c.CustomerId }).ToListAsync(cancellationToken);
        var contractIds = contracts.Select(c => c.Id).ToList();
        var accountOfContract = contracts.ToDictionary(c => c.Id, c => c.CustomerId);
        var subscriptions = await db.Subscriptions.AsNoTracking().Include(s => s.Options).Include(s => s.QuantityChanges).AsSplitQuery()
            .Where(s => contractIds.Contains(s.ContractId))
            .ToListAsync(cancellationToken);
        var mainOfSubscription = subscriptions.ToDictionary(s => s.Id, s => mainOf[accountOfContract[s.ContractId]]);
        var fees = await db.OneOffFees
            .Where(f => accountIds.Contains(f.CustomerId) && f.InvoiceId == null && f.On < period.First)
            .ToListAsync(cancellationToken);
        var yearAgo = new DateTimeOffset(period.First.AddYears(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var incidents = await db.ServiceIncidents.AsNoTracking()
            .Where(i => accountIds.Contains(i.CustomerId) && i.End > yearAgo)
            .ToListAsync(cancellationToken);
        var usage = await services.GetRequiredService<IUsageSource>().ByCustomerAsync(accountIds, period.Previous, cancellationToken);
        var spans = (await InvoicedSpans.ForAsync(db, mainAccounts, period, period.Previous.First, cancellationToken))
            .Where(s => mainOfSubscription.ContainsKey(s.SubscriptionId))
            .ToLookup(s => mainOfSubscription[s.SubscriptionId]);
        var subscriptionsOf = subscriptions.ToLookup(s => mainOfSubscription[s.Id]);
        var feesOf = fees.ToLookup(f => mainOf[f.CustomerId]);
        var incidentsOf = incidents.ToLookup(i => mainOf[i.CustomerId]);

        var inputs = new Dictionary<Guid, (BillingInput, IReadOnlyList<OneOffFeeEntry>)>(mainAccounts.Length);
        foreach (var main in mainAccounts)
        {
            var customer = customers[main];
            IReadOnlyList<OneOffFeeEntry> own = [.. feesOf[main]];
            inputs[main] = (new BillingInput(
                LegalDetails.Of(customer),
                options.Value.SellerFor(customer.Market),
                period,
                [.. subscriptionsOf[main].Select(SubscriptionTimeline.Of)],
                [.. usage[main], .. subAccounts[main].SelectMany(sub => usage[sub])],
                [.. own.Select(f => f.ToCharge())],
                [.. incidentsOf[main].Select(i => i.ToIncident())],
                [.. spans[main]]), own);
        }

        return inputs;
    }

    private async Task<bool> AlreadyInvoicedAsync(Guid customerId, BillingPeriod period, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var key = period.ToString();
        return await scope.ServiceProvider.GetRequiredService<StoreDb>().Invoices.AnyAsync(i => i.CustomerId == customerId && i.Period == key, cancellationToken);
    }
}
