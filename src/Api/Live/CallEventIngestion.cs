using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Store.Api.Customers;
using Store.Api.Relay;
using Store.Domain;
using Store.Domain.Calls;
using Store.Domain.Calls.Live;
using Store.Domain.Persistence;

namespace Store.Api.Live;

/// <summary>One event of a batch as received: read, or the reason it could not be read; and its JSON for the quarantine.</summary>
public sealed record CallEventSubmission(IncomingCallEvent? Event, string Json, Problem? Unreadable = null);

/// <summary>An event refused, by its place in the batch.</summary>
public sealed record RejectedCallEvent(int Index, string? EventId, IReadOnlyList<Problem> Problems);

/// <summary>What became of a batch: events taken, events already known, events refused (kept in quarantine).</summary>
public sealed record IngestionReport(int Accepted, int Duplicates, IReadOnlyList<RejectedCallEvent> Rejected);

/// <summary>
/// Takes a batch of call events from the platform: checks each, quarantines the bad ones with their reason, keeps
/// each new event once (its event id is unique in the database, whichever process receives it), then publishes
/// the calls it touched, with everything the database knows of them, to every process's live figures.
/// </summary>
/// <remarks>
/// The platform reports calls on every customer's lines: it acts for the operator, not for a tenant, so the
/// reads here do not go through the tenant filters.
/// </remarks>
public sealed class CallEventIngestion(StoreDb db, ILiveBus bus, TimeProvider clock)
{
    public const string ClosedByStorePrefix = "store-close:";

    public async Task<IngestionReport> IngestAsync(IReadOnlyList<CallEventSubmission> batch, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var now = clock.GetUtcNow();
        var rejected = new List<RejectedCallEvent>();
        var checkedEvents = new List<(int Index, CheckedCallEvent Event, string Json)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var submission = batch[i];
            var field = $"events[{i}]";
            if (submission.Event is null)
            {
                rejected.Add(new RejectedCallEvent(i, null, [submission.Unreadable ?? new Problem(field, "This is not a call event.", "UNREADABLE")]));
                continue;
            }

            var outcome = CallEventRules.Check(field, submission.Event, now);
            if (outcome.Value is { } ok)
            {
                checkedEvents.Add((i, ok, submission.Json));
            }
            else
            {
                rejected.Add(new RejectedCallEvent(i, submission.Event.EventId, outcome.Problems));
            }
        }

        var placed = await PlaceAsync(checkedEvents, rejected, cancellationToken);
        foreach (var refusal in rejected)
        {
            db.QuarantinedCallEvents.Add(new QuarantinedCallEvent(
                source, refusal.EventId, batch[refusal.Index].Json, string.Join(" ", refusal.Problems.Select(p => $"{p.Field}: {p.Message} ({p.Code})")), now));
        }

        var (accepted, duplicates) = await SaveAsync(placed.Select(p => p.Event).ToList(), now, cancellationToken);
        await PublishAsync(accepted, placed.DistinctBy(p => p.Event.CustomerId).ToDictionary(p => p.Event.CustomerId, p => p.TimeZone).AsReadOnly(), cancellationToken);
        return new IngestionReport(accepted.Count, duplicates, [.. rejected.OrderBy(r => r.Index)]);
    }

    /// <summary>Ends calls that stayed open past the longest call allowed, as if the platform had sent their end, flagged.</summary>
    public async Task<int> CloseOverdueAsync(IReadOnlyList<CallFacts> overdue, TimeSpan maxDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(overdue);
        var now = clock.GetUtcNow();
        var ends = overdue.Select(call => new CallEvent(
            ClosedByStorePrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{call.CustomerId:N}/{call.CallId}")))[..40],
            call.CallId,
            call.CustomerId,
            call.NumberId,
            call.Number,
            CallEventKind.Ended,
            call.FirstSeenAt + maxDuration,
            call.Direction,
            now)
        { Caller = call.Caller, Callee = call.Callee, ClosedByStore = true }).ToList();
        var (accepted, _) = await SaveAsync(ends, now, cancellationToken);
        await PublishAsync(accepted, overdue.GroupBy(c => c.CustomerId).ToDictionary(g => g.Key, g => g.First().TimeZone).AsReadOnly(), cancellationToken);
        return accepted.Count;
    }

    /// <summary>Finds each event's customer and number; an unknown number or account refuses the event.</summary>
    private async Task<List<(CallEvent Event, string TimeZone)>> PlaceAsync(List<(int Index, CheckedCallEvent Event, string Json)> events, List<RejectedCallEvent> rejected, CancellationToken cancellationToken)
    {
        var e164s = events.Where(e => e.Event.Number is not null).Select(e => e.Event.Number!).Distinct().ToList();
        var numbers = await db.Numbers.IgnoreQueryFilters().AsNoTracking()
            .Where(n => e164s.Contains(n.E164))
            .Select(n => new { n.Id, n.E164, n.CustomerId })
            .ToDictionaryAsync(n => n.E164, cancellationToken);
        var accountIds = events.Select(e => GlobalId.Decode(e.Event.AccountId) is { TypeName: CustomerType.TypeName } id ? id.Id : Guid.Empty)
            .Concat(numbers.Values.Select(n => n.CustomerId))
            .Where(id => id != Guid.Empty)
            .Distinct()
            .ToList();
        var zones = await db.Customers.IgnoreQueryFilters().AsNoTracking()
            .Where(c => accountIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.TimeZone, cancellationToken);

        var placed = new List<(CallEvent, string)>();
        var receivedAt = clock.GetUtcNow();
        foreach (var (index, e, _) in events)
        {
            var field = $"events[{index}]";
            var number = e.Number is null ? null : numbers.GetValueOrDefault(e.Number);
            Guid? account = e.AccountId is null ? null
                : GlobalId.Decode(e.AccountId) is { TypeName: CustomerType.TypeName } id && zones.ContainsKey(id.Id) ? id.Id : Guid.Empty;
            Problem? problem = (e.Number, number, account) switch
            {
                ({ }, null, _) => new Problem($"{field}.number", $"{e.Number} is not a number held with Store.", "UNKNOWN_NUMBER"),
                (_, _, { } a) when a == Guid.Empty => new Problem($"{field}.accountId", "No customer account has this id.", "UNKNOWN_ACCOUNT"),
                (_, { } n, { } a) when n.CustomerId != a => new Problem($"{field}.accountId", $"{e.Number} belongs to another account.", "NUMBER_OF_ANOTHER_ACCOUNT"),
                _ => null,
            };
            if (problem is not null)
            {
                rejected.Add(new RejectedCallEvent(index, e.EventId, [problem]));
                continue;
            }

            var customerId = number?.CustomerId ?? account!.Value;
            placed.Add((new CallEvent(e.EventId, e.CallId, customerId, number?.Id, number?.E164, e.Kind, e.At, e.Direction, receivedAt)
            {
                Caller = e.Caller,
                Callee = e.Callee,
                DurationSeconds = e.DurationSeconds,
                TariffPerMinute = e.TariffPerMinute,
                Revenue = e.Revenue,
            }, zones[customerId]));
        }

        return placed;
    }

    /// <summary>Saves the events not seen before (and the quarantine); returns those saved and how many were already known.</summary>
    private async Task<(List<CallEvent> Accepted, int Duplicates)> SaveAsync(List<CallEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var fresh = events.DistinctBy(e => e.EventId, StringComparer.Ordinal).ToList();
            var ids = fresh.Select(e => e.EventId).ToList();
            var known = (await db.CallEvents.IgnoreQueryFilters().AsNoTracking().Where(e => ids.Contains(e.EventId)).Select(e => e.EventId).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            fresh.RemoveAll(e => known.Contains(e.EventId));
            db.CallEvents.AddRange(fresh);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (fresh, events.Count - fresh.Count);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another process saved one of these events between our read and our write: read again.
                foreach (var entry in db.ChangeTracker.Entries<CallEvent>().ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }
        }
    }

    /// <summary>Publishes each touched call with all its events from the database, so that every process merges the whole call.</summary>
    private async Task PublishAsync(List<CallEvent> accepted, IReadOnlyDictionary<Guid, string> zones, CancellationToken cancellationToken)
    {
        if (accepted.Count == 0)
        {
            return;
        }

        var callIds = accepted.Select(e => e.CallId).Distinct().ToList();
        var customers = accepted.Select(e => e.CustomerId).Distinct().ToList();
        var events = await db.CallEvents.IgnoreQueryFilters().AsNoTracking()
            .Where(e => callIds.Contains(e.CallId) && customers.Contains(e.CustomerId))
            .ToListAsync(cancellationToken);
        var touched = accepted.Select(e => (e.CustomerId, e.CallId)).ToHashSet();
        var calls = events
            .Where(e => touched.Contains((e.CustomerId, e.CallId)))
            .GroupBy(e => (e.CustomerId, e.CallId))
            .Select(g => CallFacts.From(g, zones.GetValueOrDefault(g.Key.CustomerId, LocalTime.Paris)))
            .ToList();
        await bus.PublishAsync(calls, cancellationToken);
    }
}
