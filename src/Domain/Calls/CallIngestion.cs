using Microsoft.EntityFrameworkCore;
using Store.Domain.Catalog;
using Store.Domain.Persistence;
using Store.Domain.Rating;

namespace Store.Domain.Calls;

/// <summary>
/// Takes a batch of call records from the platform: checks each, quarantines the bad ones with their reason, ignores
/// duplicates, applies later versions of a call as adjustments, rates the new calls and stores records, charges and
/// counters in one transaction. Look-ups are loaded once per batch; rows are inserted without change tracking.
/// Calls are records of the operator's platform: the look-ups ignore tenant filters.
/// </summary>
public sealed class CallIngestion(StoreDb db, CatalogRegistry catalogs, TimeProvider clock)
{
    private readonly CustomerMonths _months = new(db, catalogs);

    public Task<IngestionResult> IngestAsync(string format, IReadOnlyList<ReceivedCall> batch, CancellationToken cancellationToken) =>
        IngestCoreAsync(format, batch, null, cancellationToken);

    /// <summary>Replays a quarantined record, corrected or as it was (after its number was added, say).</summary>
    public async Task<Outcome<QuarantinedCall>> ReplayAsync(Guid quarantineId, CallRecordInput? corrected, CancellationToken cancellationToken)
    {
        var quarantined = await db.QuarantinedCalls.IgnoreQueryFilters().SingleOrDefaultAsync(q => q.Id == quarantineId, cancellationToken);
        if (quarantined is null)
        {
            return Outcome<QuarantinedCall>.Failure(new Problem("id", "No quarantined call has this id.", "NOT_FOUND"));
        }

        if (quarantined.ReplayedAt is not null)
        {
            return Outcome<QuarantinedCall>.Failure(new Problem("id", "This call was already replayed and taken.", "ALREADY_REPLAYED"));
        }

        if (corrected is not null)
        {
            quarantined.Correct(corrected);
        }

        var result = await IngestCoreAsync(quarantined.Format, [new ReceivedCall(quarantined.Input(), quarantined.Raw)], quarantined, cancellationToken);
        return result.Quarantined.Count > 0
            ? Outcome<QuarantinedCall>.Failure(new Problem(result.Quarantined[0].Field, result.Quarantined[0].Message, result.Quarantined[0].Code))
            : Outcome<QuarantinedCall>.Success(quarantined);
    }

    /// <summary>
    /// The batch is read and checked first, outside any transaction: record by record, then the numbers and their
    /// customers. Rating and storing then run in one transaction, from the counters' loading to the last insert. Batches
    /// of this process take turns (<see cref="WriteTurns"/>) without holding a thread; SQLite's BEGIN IMMEDIATE keeps other processes
    /// out, so that no two batches rate from the same counters.
    /// </summary>
    private async Task<IngestionResult> IngestCoreAsync(string format, IReadOnlyList<ReceivedCall> batch, QuarantinedCall? replaying, CancellationToken cancellationToken)
    {
        var checkedBatch = await CheckAsync(batch, cancellationToken);
        await using (await WriteTurns.TakeForBulkAsync(db, cancellationToken))
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                // A retried attempt starts again from what the database holds.
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is CallRecord || (e.Entity is QuarantinedCall && e.State == EntityState.Added)).ToList())
                {
                    entry.State = EntityState.Detached;
                }

                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await AttemptAsync(format, batch, checkedBatch, replaying, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            });
        }
    }

    /// <summary>What the batch holds before rating: the records refused on their own, the good ones with their customer.</summary>
    private sealed record CheckedBatch(List<(int Index, Problem Problem)> Refused, List<(int Index, ValidCall Call, Guid NumberId, Guid CustomerId, string Period, DateOnly Day)> Valid);

    private async Task<CheckedBatch> CheckAsync(IReadOnlyList<ReceivedCall> batch, CancellationToken cancellationToken)
    {
        var refused = new List<(int, Problem)>();

        // The customers' numbers, then the customers, in one query each.
        var accounts = new ClassifiedNumber?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Unreadable is { } unreadable)
            {
                refused.Add((i, unreadable));
                continue;
            }

            var account = CallValidation.Account(batch[i].Input);
            if (account.Succeeded)
            {
                accounts[i] = account.Value;
            }
            else
            {
                refused.Add((i, account.Problems[0]));
            }
        }

        var e164s = accounts.OfType<ClassifiedNumber>().Select(a => a.Number).Distinct().ToList();
        var numbers = await db.Numbers.IgnoreQueryFilters().AsNoTracking().Where(n => EF.Parameter(e164s).Contains(n.E164))
            .Select(n => new { n.Id, n.CustomerId, n.E164 }).ToDictionaryAsync(n => n.E164, cancellationToken);
        var customerIds = numbers.Values.Select(n => n.CustomerId).Distinct().ToList();
        var customers = await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => customerIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Market, c.TimeZone }).ToDictionaryAsync(c => c.Id, cancellationToken);

        var valid = new List<(int Index, ValidCall Call, Guid NumberId, Guid CustomerId, string Period, DateOnly Day)>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (accounts[i] is not { } account)
            {
                continue;
            }

            if (!numbers.TryGetValue(account.Number, out var number))
            {
                refused.Add((i, new Problem("account", $"No customer holds {account.Number} with Store.", "UNKNOWN_NUMBER")));
                continue;
            }

            var customer = customers[number.CustomerId];
            var call = CallValidation.Read(batch[i].Input, account, customer.Market == Market.CH ? "CH" : "FR");
            if (!call.Succeeded)
            {
                refused.Add((i, call.Problems[0]));
                continue;
            }

            var day = UsageMonth.DayOf(call.Value!.StartedAt, customer.TimeZone);
            valid.Add((i, call.Value!, number.Id, number.CustomerId, UsageMonth.Of(day), day));
        }

        return new CheckedBatch(refused, valid);
    }

    private async Task<IngestionResult> AttemptAsync(string format, IReadOnlyList<ReceivedCall> batch, CheckedBatch checkedBatch, QuarantinedCall? replaying, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var refusals = new List<RecordRefusal>();
        var quarantine = new List<QuarantinedCall>();
        void Refuse(int index, Problem problem)
        {
            var received = batch[index];
            Guid id;
            if (replaying is not null)
            {
                replaying.Refuse(problem, now);
                id = replaying.Id;
            }
            else
            {
                var q = new QuarantinedCall(format, received.Raw, received.Input, problem, now);
                quarantine.Add(q);
                id = q.Id;
            }

            refusals.Add(new RecordRefusal(index, id, received.Input.CallId, problem.Field, problem.Message, problem.Code));
        }

        foreach (var (index, problem) in checkedBatch.Refused)
        {
            Refuse(index, problem);
        }

        var valid = checkedBatch.Valid.ToList();
        var months = await _months.LoadAsync(valid.Select(v => (v.CustomerId, v.Period)).Distinct().ToList(), restoreCounters: true, cancellationToken);
        await _months.LoadCorrespondentsAsync(months, valid.Select(v => (v.CustomerId, v.Period, v.Call)), cancellationToken);

        var latestInvoiced = await InvoicedMonths.LatestAsync(db, valid.Select(v => v.CustomerId).Distinct().ToList(), cancellationToken);
        var callIds = valid.Select(v => v.Call.PlatformCallId).Distinct().ToList();
        var existing = await db.CallRecords.IgnoreQueryFilters().Where(c => EF.Parameter(callIds).Contains(c.PlatformCallId)).ToDictionaryAsync(c => c.PlatformCallId, StringComparer.Ordinal, cancellationToken);
        var existingIds = existing.Values.Select(c => c.Id).ToList();
        var charged = (await db.CallCharges.IgnoreQueryFilters().AsNoTracking().Where(c => EF.Parameter(existingIds).Contains(c.CallRecordId)).ToListAsync(cancellationToken))
            .GroupBy(c => c.CallRecordId).ToDictionary(g => g.Key, g => g.Select(c => c.ToLine()).ToList());

        var newRecords = new List<CallRecord>();
        var charges = new List<CallCharge>(valid.Count * 2);
        int accepted = 0, duplicates = 0, replaced = 0;
        Guid? replayedRecord = null;
        valid.Sort((a, b) => a.Call.StartedAt.CompareTo(b.Call.StartedAt));
        foreach (var (index, call, numberId, customerId, period, day) in valid)
        {
            var month = months[(customerId, period)];
            var toRate = month.ToRate(call);
            if (Rater.CannotRate(month.Tariff, toRate) is { } cannot)
            {
                Refuse(index, cannot);
                continue;
            }

            if (existing.TryGetValue(call.PlatformCallId, out var record))
            {
                if (record.SameAs(call) || call.EndedAt < record.EndedAt)
                {
                    duplicates++;
                    replayedRecord = record.Id;
                    continue;
                }

                if (record.CustomerId != customerId || record.Period != period)
                {
                    Refuse(index, new Problem("callId", "A later version of this call belongs to another customer or month than the first; it needs a person to look at it.", "CALL_MOVED"));
                    continue;
                }

                var before = charged.TryGetValue(record.Id, out var lines) ? lines : [];
                month.Counters.Release(before);
                var rated = Rater.Rate(month.Tariff, month.Counters, toRate);
                var adjustments = MonthRating.Adjustments(before, rated);
                foreach (var adjustment in adjustments)
                {
                    charges.Add(new CallCharge(record.Id, customerId, InvoicedMonths.BilledWith(latestInvoiced.GetValueOrDefault(customerId), period), call.StartedAt, adjustment, month.CatalogVersions[adjustment.SubscriptionId], now, AdjustmentReason.CallReplaced, period));
                }

                before.AddRange(adjustments);
                charged[record.Id] = before;
                record.Update(call, day, now);
                replaced++;
                replayedRecord = record.Id;
                continue;
            }

            record = new CallRecord(call, customerId, numberId, day, now);
            var ratedLines = Rater.Rate(month.Tariff, month.Counters, toRate);
            var booked = new List<ChargeLine>(ratedLines.Count);
            var billedWith = InvoicedMonths.BilledWith(latestInvoiced.GetValueOrDefault(customerId), period);
            for (var l = 0; l < ratedLines.Count; l++)
            {
                var line = ratedLines[l];
                charges.Add(new CallCharge(record.Id, customerId, billedWith, call.StartedAt, line, month.CatalogVersions[line.SubscriptionId], now, callPeriod: period));
                booked.Add(line);
            }

            charged[record.Id] = booked;
            existing[call.PlatformCallId] = record;
            newRecords.Add(record);
            accepted++;
            replayedRecord = record.Id;
        }

        if (replaying is not null && refusals.Count == 0 && replayedRecord is { } taken)
        {
            replaying.Replayed(taken, now);
        }

        await SaveAsync(months.Values, newRecords, charges, quarantine, cancellationToken);
        return new IngestionResult(accepted, duplicates, replaced, refusals);
    }

    private async Task SaveAsync(IEnumerable<CustomerMonth> months, List<CallRecord> records, List<CallCharge> charges, List<QuarantinedCall> quarantine, CancellationToken cancellationToken)
    {
        db.QuarantinedCalls.AddRange(quarantine);
        BulkInsert.Rows(db, records);
        BulkInsert.Rows(db, charges);
        _months.WriteCounters(months);
        await db.SaveChangesAsync(cancellationToken);
    }
}
