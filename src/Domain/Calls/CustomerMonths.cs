using Microsoft.EntityFrameworkCore;
using Store.Domain.Catalog;
using Store.Domain.Persistence;
using Store.Domain.Rating;
using Store.Domain.Subscriptions;

namespace Store.Domain.Calls;

/// <summary>
/// Loads customers' months for rating (tariff from the subscriptions in force, counters saved so far) and saves their
/// counters back: what ingestion and re-rating share, so that both rate a month the same way. Each subscription is
/// rated with the catalog version it signed, as corrected. Ignores tenant filters: rating is the operator's work.
/// </summary>
internal sealed class CustomerMonths(StoreDb db, CatalogRegistry catalogs)
{
    /// <summary>Each customer's tariff and counters for each month asked; <paramref name="restoreCounters"/> false starts them empty.</summary>
    public async Task<Dictionary<(Guid, string), CustomerMonth>> LoadAsync(List<(Guid CustomerId, string Period)> keys, bool restoreCounters, CancellationToken cancellationToken)
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
        var stored = (await db.UsageCounters.IgnoreQueryFilters().AsNoTracking().Where(c => customerIds.Contains(c.CustomerId) && periods.Contains(c.Period)).ToListAsync(cancellationToken))
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
            var month = new CustomerMonth(customerId, period, RatingTariff.For(catalogs.ForRating, active, setups), active.ToDictionary(s => s.Id, s => catalogs.ForRating(s.CatalogVersion).Version));
            if (restoreCounters)
            {
                month.Restore(stored[(customerId, period)]);
            }
            else
            {
                foreach (var counter in stored[(customerId, period)])
                {
                    month.Keep(counter);
                }
            }

            months[(customerId, period)] = month;
        }

        return months;
    }

    /// <summary>Only the correspondents the batch calls are looked up, with their rank, by their one-column key.</summary>
    public async Task LoadCorrespondentsAsync(Dictionary<(Guid, string), CustomerMonth> months, IEnumerable<(Guid CustomerId, string Period, ValidCall Call)> calls, CancellationToken cancellationToken)
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

    /// <summary>
    /// Writes the months' counters as they stand, in the current transaction: the new ones inserted, the changed ones
    /// updated, and the correspondents met for the first time inserted. Counters are read untracked and written in bulk:
    /// a batch touches thousands of them, which change tracking made the costliest part of saving it.
    /// </summary>
    public void WriteCounters(IEnumerable<CustomerMonth> months)
    {
        var correspondents = new List<MonthlyCorrespondent>();
        var added = new List<UsageCounter>();
        var changed = new List<UsageCounter>();
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

            month.Unsaved(added, changed);

            static void Count(CustomerMonth month, string name, long value)
            {
                if (month.Stored.TryGetValue(name, out var counter))
                {
                    counter.Value = value;
                }
                else if (value != 0)
                {
                    month.Stored[name] = new UsageCounter(month.CustomerId, month.Period, name) { Value = value };
                }
            }
        }

        BulkInsert.Rows(db, added);
        BulkUpdate.Rows(db, changed);
        BulkInsert.Rows(db, correspondents);
    }
}
