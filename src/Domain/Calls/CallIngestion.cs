using Microsoft.EntityFrameworkCore;
using Store.Domain.Catalog;
using Store.Domain.Persistence;
using Store.Domain.Rating;
using Store.Domain.Subscriptions;

namespace Store.Domain.Calls;

/// <summary>
/// Takes a batch of call records from the platform: checks each, quarantines the bad ones with their reason, ignores
/// duplicates, applies later versions of a call as adjustments, rates the new calls and stores records, charges and
/// counters in one transaction. Look-ups are loaded once per batch; rows are inserted without change tracking.
/// Calls are records of the operator's platform: the look-ups ignore tenant filters.
/// </summary>
public sealed class CallIngestion(StoreDb db, CatalogRegistry catalogs, TimeProvider clock)
{
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
    /// The whole batch, from the counters' loading to the last insert, runs in one transaction: SQLite's BEGIN IMMEDIATE
    /// makes concurrent batches wait for each other, so that no two batches rate from the same counters.
    /// </summary>
    private Task<IngestionResult> IngestCoreAsync(string format, IReadOnlyList<ReceivedCall> batch, QuarantinedCall? replaying, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            // A retried attempt starts again from what the database holds.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is UsageCounter or CallRecord || (e.Entity is QuarantinedCall && e.State == EntityState.Added)).ToList())
            {
                entry.State = EntityState.Detached;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await AttemptAsync(format, batch, replaying, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });

    private async Task<IngestionResult> AttemptAsync(string format, IReadOnlyList<ReceivedCall> batch, QuarantinedCall? replaying, CancellationToken cancellationToken)
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

        // The customers' numbers, then the customers, in one query each.
        var accounts = new ClassifiedNumber?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Unreadable is { } unreadable)
            {
                Refuse(i, unreadable);
                continue;
            }

            var account = CallValidation.Account(batch[i].Input);
            if (account.Succeeded)
            {
                accounts[i] = account.Value;
            }
            else
            {
                Refuse(i, account.Problems[0]);
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
                Refuse(i, new Problem("account", $"No customer holds {account.Number} with Store.", "UNKNOWN_NUMBER"));
                continue;
            }

            var customer = customers[number.CustomerId];
            var call = CallValidation.Read(batch[i].Input, account, customer.Market == Market.CH ? "CH" : "FR");
            if (!call.Succeeded)
            {
                Refuse(i, call.Problems[0]);
                continue;
            }

            var day = UsageMonth.DayOf(call.Value!.StartedAt, customer.TimeZone);
            valid.Add((i, call.Value!, number.Id, number.CustomerId, UsageMonth.Of(day), day));
        }

        var months = await LoadMonthsAsync(valid.Select(v => (v.CustomerId, v.Period)).Distinct().ToList(), cancellationToken);
        await LoadCorrespondentsAsync(months, valid.Select(v => (v.CustomerId, v.Period, v.Call)), cancellationToken);

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
            var toRate = ToRate(month, call);
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
                    charges.Add(new CallCharge(record.Id, customerId, period, call.StartedAt, adjustment, month.CatalogVersions[adjustment.SubscriptionId], now, AdjustmentReason.CallReplaced));
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
            for (var l = 0; l < ratedLines.Count; l++)
            {
                var line = ratedLines[l];
                charges.Add(new CallCharge(record.Id, customerId, period, call.StartedAt, line, month.CatalogVersions[line.SubscriptionId], now));
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

    private static CallToRate ToRate(CustomerMonth month, ValidCall call)
    {
        var correspondent = call.Correspondent;
        var smart = call.Direction == CallDirection.Inbound && month.Tariff.SmartNumbers.Count > 0 ? month.Tariff.SmartNumberIndex(call.Account.National) : -1;
        return new CallToRate(
            call.Direction,
            correspondent.Category,
            CountryCode.Pack(correspondent.Country.Length == 2 && char.IsAsciiLetterUpper(correspondent.Country[0]) && char.IsAsciiLetterUpper(correspondent.Country[1]) ? correspondent.Country : "ZZ"),
            correspondent.Mobile,
            correspondent.Key,
            month.SlotOf(month.CounterKey(call.User)),
            call.Seconds,
            call.Flags,
            call.RecordedSeconds,
            smart,
            call.Tariff,
            CallValidation.ParseTariffChanges(call.TariffChanges));
    }

    /// <summary>Each customer's tariff and counters for each month of the batch.</summary>
    private async Task<Dictionary<(Guid, string), CustomerMonth>> LoadMonthsAsync(List<(Guid CustomerId, string Period)> keys, CancellationToken cancellationToken)
    {
        var customerIds = keys.Select(k => k.CustomerId).Distinct().ToList();
        var periods = keys.Select(k => k.Period).Distinct().ToList();
        var subscriptions = await db.Subscriptions.IgnoreQueryFilters().AsNoTracking().Include(s => s.Options)
            .Join(db.Contracts.IgnoreQueryFilters(), s => s.ContractId, c => c.Id, (s, c) => new { Subscription = s, c.CustomerId })
            .Where(x => customerIds.Contains(x.CustomerId))
            .ToListAsync(cancellationToken);
        var smartHolders = subscriptions.Where(s => s.Subscription.Kind == ProductKind.SmartNumber).Select(s => s.CustomerId).Distinct().ToList();
        var smartNumbers = await db.Numbers.IgnoreQueryFilters().AsNoTracking().Where(n => smartHolders.Contains(n.CustomerId)).Select(n => new { n.Id, n.CustomerId, n.E164 }).ToListAsync(cancellationToken);
        var smartIds = smartNumbers.Select(n => n.Id).ToList();
        var tariffs = (await db.SmartNumberTariffs.IgnoreQueryFilters().AsNoTracking().Where(t => smartIds.Contains(t.NumberId)).ToListAsync(cancellationToken))
            .GroupBy(t => t.NumberId).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Index).Select(t => t.ToTariff()).ToArray());
        var stored = (await db.UsageCounters.IgnoreQueryFilters().Where(c => customerIds.Contains(c.CustomerId) && periods.Contains(c.Period)).ToListAsync(cancellationToken))
            .ToLookup(c => (c.CustomerId, c.Period));
        var subscriptionsOf = subscriptions.ToLookup(s => s.CustomerId, s => s.Subscription);
        var smartNumbersOf = smartNumbers.ToLookup(n => n.CustomerId);

        var months = new Dictionary<(Guid, string), CustomerMonth>();
        foreach (var (customerId, period) in keys)
        {
            var first = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var last = first.AddMonths(1).AddDays(-1);
            var active = subscriptionsOf[customerId].Where(s => s.StartsOn <= last && (s.EndsOn is null || s.EndsOn >= first)).ToList();
            var setups = smartNumbersOf[customerId]
                .Select(n => new SmartNumberSetup(NumberClassifier.Classify("account", n.E164).Value?.National ?? n.E164, tariffs.GetValueOrDefault(n.Id) ?? []));
            var month = new CustomerMonth(customerId, period, RatingTariff.For(catalogs.Get, active, setups), active.ToDictionary(s => s.Id, s => s.CatalogVersion));
            foreach (var counter in stored[(customerId, period)])
            {
                month.Stored[counter.Name] = counter;
                switch (counter.Name)
                {
                    case UsageCounter.Inbound:
                        month.Counters.InboundSeconds = counter.Value;
                        break;
                    case UsageCounter.TextToSpeech:
                        month.Counters.TextToSpeechSeconds = counter.Value;
                        break;
                    case UsageCounter.Recorded:
                        month.Counters.RecordedSeconds = counter.Value;
                        break;
                    default:
                        if (counter.Name.StartsWith(UsageCounter.CorrespondentsPrefix, StringComparison.Ordinal))
                        {
                            month.Counters.SetCorrespondentCount(month.SlotOf(counter.Name[UsageCounter.CorrespondentsPrefix.Length..]), (int)counter.Value);
                        }

                        break;
                }
            }

            months[(customerId, period)] = month;
        }

        return months;
    }

    /// <summary>Only the correspondents the batch calls are looked up, with their rank, by their one-column key.</summary>
    private async Task LoadCorrespondentsAsync(Dictionary<(Guid, string), CustomerMonth> months, IEnumerable<(Guid CustomerId, string Period, ValidCall Call)> calls, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (customerId, period, call) in calls)
        {
            var month = months[(customerId, period)];
            if (call.Direction == CallDirection.Outbound && month.Tariff.Plan is not null)
            {
                keys.Add(MonthlyCorrespondent.KeyOf(customerId, period, month.CounterKey(call.User), call.Callee.Key));
            }
        }

        if (keys.Count == 0)
        {
            return;
        }

        var list = keys.ToList();
        var known = await db.MonthlyCorrespondents.IgnoreQueryFilters().AsNoTracking().Where(c => EF.Parameter(list).Contains(c.Id))
            .Select(c => new { c.CustomerId, c.Period, c.CounterKey, c.Number, c.Rank }).ToListAsync(cancellationToken);
        foreach (var c in known)
        {
            var month = months[(c.CustomerId, c.Period)];
            month.Counters.Remember(month.SlotOf(c.CounterKey), c.Number, c.Rank);
        }
    }

    private async Task SaveAsync(IEnumerable<CustomerMonth> months, List<CallRecord> records, List<CallCharge> charges, List<QuarantinedCall> quarantine, CancellationToken cancellationToken)
    {
        var correspondents = new List<MonthlyCorrespondent>();
        foreach (var month in months)
        {
            Count(month, UsageCounter.Inbound, month.Counters.InboundSeconds);
            Count(month, UsageCounter.TextToSpeech, month.Counters.TextToSpeechSeconds);
            Count(month, UsageCounter.Recorded, month.Counters.RecordedSeconds);
            foreach (var slot in month.Counters.NewCorrespondents.Select(n => n.Slot).Distinct())
            {
                Count(month, UsageCounter.CorrespondentsPrefix + month.KeyOfSlot(slot), month.Counters.CorrespondentCount(slot));
            }

            foreach (var (slot, number, rank) in month.Counters.NewCorrespondents)
            {
                correspondents.Add(new MonthlyCorrespondent(month.CustomerId, month.Period, month.KeyOfSlot(slot), number, rank));
            }
        }

        db.QuarantinedCalls.AddRange(quarantine);
        BulkInsert.Rows(db, records);
        BulkInsert.Rows(db, charges);
        BulkInsert.Rows(db, correspondents);
        await db.SaveChangesAsync(cancellationToken);

        void Count(CustomerMonth month, string name, long value)
        {
            if (month.Stored.TryGetValue(name, out var counter))
            {
                counter.Value = value;
            }
            else if (value != 0)
            {
                var added = new UsageCounter(month.CustomerId, month.Period, name) { Value = value };
                month.Stored[name] = added;
                db.UsageCounters.Add(added);
            }
        }
    }
}
