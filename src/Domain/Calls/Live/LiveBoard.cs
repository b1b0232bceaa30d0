using System.Collections.Concurrent;

namespace Store.Domain.Calls.Live;

/// <summary>
/// The live figures of every account this process knows, built from call facts only: each process applies every
/// call update it receives and ends with the same figures, whatever the order. Memory stays bounded: calls in
/// progress, calls ended within <see cref="FinishedCallRetention"/> and each account's latest <see cref="RecentCallsKept"/>,
/// the 8-byte keys of the day's calls already forgotten, fixed-size counters and a three-hour ring of minutes per
/// account and number.
/// </summary>
public sealed class LiveBoard
{
    private readonly ConcurrentDictionary<Guid, AccountLive> _accounts = new();
    private readonly ConcurrentDictionary<Guid, Guid> _numberAccounts = new();

    /// <summary>How long an ended call is kept to merge late events; a later event of a forgotten call is left out of the live figures.</summary>
    public TimeSpan FinishedCallRetention { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Calls each account keeps for its list whatever their age.</summary>
    public int RecentCallsKept { get; init; } = 20;

    /// <summary>Merges calls into the figures; returns the calls that changed, as they now stand.</summary>
    public IReadOnlyList<CallFacts> Apply(IEnumerable<CallFacts> calls, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var changed = new List<CallFacts>();
        foreach (var call in calls)
        {
            var account = _accounts.GetOrAdd(call.CustomerId, (_, zone) => new AccountLive(TimeZoneInfo.FindSystemTimeZoneById(zone)), call.TimeZone);
            if (call.NumberId is { } numberId)
            {
                _numberAccounts.TryAdd(numberId, call.CustomerId);
            }

            lock (account)
            {
                if (account.Apply(call, now, FinishedCallRetention) is { } merged)
                {
                    changed.Add(merged);
                }
            }
        }

        return changed;
    }

    public AccountFigures Account(Guid customerId, string timeZone, DateTimeOffset now, int minutes = 60, int recentCalls = 20)
    {
        if (!_accounts.TryGetValue(customerId, out var account))
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
            return new AccountFigures(customerId, new LiveTally().Figures(today, now, minutes), [], []);
        }

        lock (account)
        {
            var today = account.Today(now);
            return new AccountFigures(
                customerId,
                account.Tally.Figures(today, now, minutes),
                [.. account.Numbers.Select(n => new NumberFigures(n.Key, n.Value.Number, n.Value.Tally.Figures(today, now, minutes))).OrderBy(n => n.Number, StringComparer.Ordinal)],
                account.Recent(null, recentCalls));
        }
    }

    /// <summary>A number's figures and latest calls, newest first.</summary>
    public (NumberFigures Figures, IReadOnlyList<CallFacts> RecentCalls) Number(Guid numberId, string? e164, string timeZone, DateTimeOffset now, int minutes = 60, int recentCalls = 20)
    {
        if (_numberAccounts.TryGetValue(numberId, out var customerId) && _accounts.TryGetValue(customerId, out var account))
        {
            lock (account)
            {
                var today = account.Today(now);
                var figures = account.Numbers.TryGetValue(numberId, out var number) ? number.Tally.Figures(today, now, minutes) : new LiveTally().Figures(today, now, minutes);
                return (new NumberFigures(numberId, e164 ?? number?.Number, figures), account.Recent(numberId, recentCalls));
            }
        }

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
        return (new NumberFigures(numberId, e164, new LiveTally().Figures(day, now, minutes)), []);
    }

    /// <summary>Calls still open that were first seen before <paramref name="before"/>: no end came for them.</summary>
    public IReadOnlyList<CallFacts> OpenCallsFirstSeenBefore(DateTimeOffset before)
    {
        var open = new List<CallFacts>();
        foreach (var account in _accounts.Values)
        {
            lock (account)
            {
                open.AddRange(account.Calls.Values.Where(c => !c.Ended && c.FirstSeenAt < before));
            }
        }

        return open;
    }

    /// <summary>Forgets ended calls past the retention, keeping each account's latest for its list.</summary>
    public void Forget(DateTimeOffset now)
    {
        foreach (var account in _accounts.Values)
        {
            lock (account)
            {
                account.Forget(now - FinishedCallRetention, RecentCallsKept);
            }
        }
    }

    /// <summary>Calls held in memory, for the benchmark and the health of the process.</summary>
    public int CallsHeld => _accounts.Values.Sum(a =>
    {
        lock (a)
        {
            return a.Calls.Count;
        }
    });

    private sealed class NumberLive(string? number)
    {
        public LiveTally Tally { get; } = new();

        public string? Number { get; set; } = number;
    }

    private sealed class AccountLive(TimeZoneInfo zone)
    {
        public LiveTally Tally { get; } = new();

        public Dictionary<Guid, NumberLive> Numbers { get; } = [];

        public Dictionary<string, CallFacts> Calls { get; } = new(StringComparer.Ordinal);

        /// <summary>The calls of today and yesterday already counted and then forgotten, by key: 8 bytes a call instead of the whole call.</summary>
        public Dictionary<DateOnly, HashSet<long>> Forgotten { get; } = [];

        public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

        public CallFacts? Apply(CallFacts call, DateTimeOffset now, TimeSpan retention)
        {
            var existing = Calls.GetValueOrDefault(call.CallId);
            if (existing is null && Forgotten.TryGetValue(Today(call.FirstSeenAt), out var forgotten) && forgotten.Contains(Key(call.CallId)))
            {
                return null; // Counted, then forgotten: a later event of it is stored, not counted again.
            }

            var merged = existing?.Merge(call) ?? call;
            if (merged == existing)
            {
                return null;
            }

            if (existing is not null)
            {
                Take(existing, -1, now);
            }

            Take(merged, +1, now);
            Calls[merged.CallId] = merged;
            return merged;
        }

        public IReadOnlyList<CallFacts> Recent(Guid? numberId, int count) =>
            [.. Calls.Values.Where(c => numberId is null || c.NumberId == numberId).OrderByDescending(c => c.FirstSeenAt).ThenBy(c => c.CallId, StringComparer.Ordinal).Take(count)];

        public void Forget(DateTimeOffset endedBefore, int keep)
        {
            if (Calls.Count <= keep)
            {
                return;
            }

            var forgettable = Calls.Values.Where(c => c.EndedAt < endedBefore).OrderBy(c => c.FirstSeenAt).ToList();
            var excess = Calls.Count - keep;
            foreach (var call in forgettable.Take(excess))
            {
                Calls.Remove(call.CallId);
                var day = Today(call.FirstSeenAt);
                if (!Forgotten.TryGetValue(day, out var keys))
                {
                    Forgotten[day] = keys = [];
                    foreach (var old in Forgotten.Keys.Where(d => d < day.AddDays(-1)).ToList())
                    {
                        Forgotten.Remove(old);
                    }
                }

                keys.Add(Key(call.CallId));
            }
        }

        /// <summary>A call's id in 8 bytes (FNV-1a), enough to recognise it among a day's calls.</summary>
        private static long Key(string callId)
        {
            var hash = 14695981039346656037UL;
            foreach (var c in callId)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            return unchecked((long)hash);
        }

        private void Take(CallFacts call, int sign, DateTimeOffset now)
        {
            var share = Share.Of(call, zone);
            Tally.Add(share, sign, now);
            Tally.Saw(call.LastEventAt);
            if (call.NumberId is { } numberId)
            {
                if (!Numbers.TryGetValue(numberId, out var number))
                {
                    Numbers[numberId] = number = new NumberLive(call.Number);
                }

                number.Number ??= call.Number;
                number.Tally.Add(share, sign, now);
                number.Tally.Saw(call.LastEventAt);
            }
        }
    }
}
