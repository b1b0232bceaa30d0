using Microsoft.EntityFrameworkCore;
using Store.Domain.Calls;
using Store.Domain.Catalog;
using Store.Domain.Persistence;

namespace Store.Domain.Rating;

/// <summary>
/// Rates a customer's month again with the catalog as it stands now (after a correction): the month's calls in the
/// order they started, from empty counters, as ingestion rates them. Where a call's new charge differs from what was
/// booked for it (charges and adjustments), an adjustment with <see cref="AdjustmentReason.Rerated"/> books the
/// difference; nothing is rewritten or deleted, and a second run finds nothing to add. The month's counters and
/// correspondents are saved again, so that later calls continue from them. One transaction per customer and month.
/// When the month's usage was already invoiced, the adjustments are billed with the first month not yet invoiced,
/// on lines of their own that name the month they regularise (<see cref="CallCharge.CallPeriod"/>).
/// </summary>
public sealed class MonthRerating(StoreDb db, CatalogRegistry catalogs, TimeProvider clock)
{
    private readonly CustomerMonths _months = new(db, catalogs);

    /// <summary>Re-rates the month ("2025-03") of every customer with a subscription signed on a version that has since been corrected.</summary>
    public async Task<IReadOnlyList<Rerating>> RerateCorrectedAsync(string period, CancellationToken cancellationToken)
    {
        var corrected = catalogs.Versions.Where(v => catalogs.ForRating(v.Version).Version != v.Version).Select(v => v.Version).ToList();
        if (corrected.Count == 0)
        {
            return [];
        }

        var customers = await db.Subscriptions.IgnoreQueryFilters().AsNoTracking().Where(s => corrected.Contains(s.CatalogVersion))
            .Join(db.Contracts.IgnoreQueryFilters(), s => s.ContractId, c => c.Id, (s, c) => c.CustomerId)
            .Distinct().ToListAsync(cancellationToken);
        var results = new List<Rerating>(customers.Count);
        foreach (var customerId in customers.Order())
        {
            results.Add(await RerateAsync(customerId, period, cancellationToken));
        }

        return results;
    }

    /// <summary>Re-rates one customer's month ("2025-03", in the customer's zone).</summary>
    public Task<Rerating> RerateAsync(Guid customerId, string period, CancellationToken cancellationToken)
    {
        var month = Billing.BillingPeriod.Parse(period).ToString();
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            // A retried attempt starts again from what the database holds.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await AttemptAsync(customerId, month, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
    }

    private async Task<Rerating> AttemptAsync(Guid customerId, string period, CancellationToken cancellationToken)
    {
        var (startsAfter, startsBefore) = UsageMonth.Around([period]);
        var records = await db.CallRecords.IgnoreQueryFilters().AsNoTracking().Where(c => c.CustomerId == customerId && c.StartedAt >= startsAfter && c.StartedAt < startsBefore && c.Period == period).ToListAsync(cancellationToken);
        var billedWith = await FirstMonthNotInvoicedAsync(customerId, period, cancellationToken);
        if (records.Count == 0)
        {
            return new Rerating(customerId, period, 0, 0, 0, 0m, billedWith);
        }

        // In the order they started, as ingestion rates a batch; the id settles calls that started together.
        records.Sort((a, b) => a.StartedAt != b.StartedAt ? a.StartedAt.CompareTo(b.StartedAt) : a.Id.CompareTo(b.Id));
        var booked = await db.CallCharges.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.CustomerId == customerId && (c.Period == period || c.CallPeriod == period))
            .ToListAsync(cancellationToken);
        var bookedOf = booked.ToLookup(c => c.CallRecordId);
        var month = (await _months.LoadAsync([(customerId, period)], restoreCounters: false, cancellationToken))[(customerId, period)];

        var rateable = new List<CallRecord>(records.Count);
        var toRate = new List<CallToRate>(records.Count);
        foreach (var record in records)
        {
            var call = month.ToRate(record);
            if (Rater.CannotRate(month.Tariff, call) is null)
            {
                rateable.Add(record);
                toRate.Add(call);
            }
        }

        var rated = MonthRating.Rate(month.Tariff, toRate, month.Counters);
        var now = clock.GetUtcNow();
        var adjustments = new List<CallCharge>();
        var callsAdjusted = 0;
        for (var i = 0; i < rateable.Count; i++)
        {
            var record = rateable[i];
            var before = bookedOf[record.Id];
            var lines = MonthRating.Adjustments(before.Select(c => c.ToLine()), rated[i]);
            callsAdjusted += lines.Count > 0 ? 1 : 0;
            foreach (var line in lines)
            {
                // A subscription no longer in the month (a line taken back) keeps the version its charge was rated with.
                var version = month.CatalogVersions.GetValueOrDefault(line.SubscriptionId) ?? before.First(c => c.SubscriptionId == line.SubscriptionId).CatalogVersion;
                adjustments.Add(new CallCharge(record.Id, customerId, billedWith, record.StartedAt, line, version, now, AdjustmentReason.Rerated, period));
            }
        }

        // The counters are counted again from zero: those the month no longer uses go back to zero.
        foreach (var counter in month.Stored.Values)
        {
            counter.Value = 0;
        }

        await db.MonthlyCorrespondents.IgnoreQueryFilters().Where(c => c.CustomerId == customerId && c.Period == period).ExecuteDeleteAsync(cancellationToken);
        BulkInsert.Rows(db, adjustments);
        _months.WriteCounters([month]);
        await db.SaveChangesAsync(cancellationToken);
        return new Rerating(customerId, period, rateable.Count, callsAdjusted, adjustments.Count, adjustments.Sum(a => a.Amount), billedWith);
    }

    private async Task<string> FirstMonthNotInvoicedAsync(Guid customerId, string period, CancellationToken cancellationToken) =>
        InvoicedMonths.BilledWith((await InvoicedMonths.LatestAsync(db, [customerId], cancellationToken)).GetValueOrDefault(customerId), period);
}

/// <summary>What re-rating a customer's month did: calls rated, calls adjusted, adjustment rows, their sum, and the month whose usage bills them.</summary>
public sealed record Rerating(Guid CustomerId, string Period, int Calls, int CallsAdjusted, int Adjustments, decimal Difference, string BilledWith);
