using System.Collections.Concurrent;

namespace Store.Domain.Calls.Live;

/// <summary>
/// The live figures of every account this process knows, built from call facts only: each process applies every
/// call update it receives and ends with the same figures, whatever the order. Memory stays bounded: calls in
/// progress, calls ended within <see cref="FinishedCallRetention"/> (plus up to one sweep) and each account's latest
/// <see cref="RecentCallsKept"/>; the keys of the calls of today and yesterday already forgotten, 8 bytes a call in
/// sorted blocks (<see cref="CallKeySet"/>), dropped once their day is older than yesterday; fixed-size counters and a
/// three-hour ring of minutes per account and number, allocated whole with its first call.
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
            var account = _accounts.GetOrAdd(call.CustomerId, (_, zone) => new AccountLive(zone, TimeZoneInfo.FindSystemTimeZoneById(zone)), call.TimeZone);
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
                account.Forget(now, now - FinishedCallRetention, RecentCallsKept);
            }
        }
    }

    /// <summary>Keys of forgotten calls remembered (today's and yesterday's), 8 bytes each, for the benchmark and the health of the process.</summary>
    public long ForgottenCallKeys => _accounts.Values.Sum(a =>
    {
        lock (a)
        {
            return (long)a.Forgotten.Values.Sum(k => k.Count);
        }
    });

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

    private sealed class AccountLive(string zoneId, TimeZoneInfo zone)
    {
        public LiveTally Tally { get; } = new();

        public Dictionary<Guid, NumberLive> Numbers { get; } = [];

        public Dictionary<string, CallFacts> Calls { get; } = new(StringComparer.Ordinal);

        /// <summary>The calls of today and yesterday already counted and then forgotten, by key: 8 bytes a call instead of the whole call.</summary>
        public Dictionary<DateOnly, CallKeySet> Forgotten { get; } = [];

        public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

        public CallFacts? Apply(CallFacts call, DateTimeOffset now, TimeSpan retention)
        {
            var existing = Calls.GetValueOrDefault(call.CallId);
            if (existing is null && WasForgotten(call))
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
            merged = Shared(merged);
            Calls[merged.CallId] = merged;
            return merged;
        }

        public IReadOnlyList<CallFacts> Recent(Guid? numberId, int count) =>
            [.. Calls.Values.Where(c => numberId is null || c.NumberId == numberId).OrderByDescending(c => c.FirstSeenAt).ThenBy(c => c.CallId, StringComparer.Ordinal).Take(count)];

        public void Forget(DateTimeOffset now, DateTimeOffset endedBefore, int keep)
        {
            // The figures show today only, and a call of yesterday may still end today: older keys count for nothing.
            var yesterday = Today(now).AddDays(-1);
            foreach (var old in Forgotten.Keys.Where(d => d < yesterday).ToList())
            {
                Forgotten.Remove(old);
            }

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
                if (day < yesterday)
                {
                    continue; // Its day is no longer shown: nothing to protect.
                }

                if (!Forgotten.TryGetValue(day, out var keys))
                {
                    Forgotten[day] = keys = new CallKeySet();
                }

                keys.Add(Key(call.CallId));
            }

            // After a burst the table would keep the room of its busiest moment.
            if (Calls.Count < Calls.EnsureCapacity(0) / 4)
            {
                Calls.TrimExcess();
            }
        }

        /// <summary>
        /// The call with the account's one copy of its time zone and number instead of the copies each update reads
        /// from the database: a call held until its retention is over then costs its own strings only.
        /// </summary>
        private CallFacts Shared(CallFacts call)
        {
            var timeZone = string.Equals(call.TimeZone, zoneId, StringComparison.Ordinal) ? zoneId : call.TimeZone;
            var e164 = call.NumberId is { } numberId && Numbers.TryGetValue(numberId, out var held) ? held.Number : null;
            var number = Same(call.Number, e164);
            var caller = Same(call.Caller, e164);
            var callee = Same(call.Callee, e164);
            return ReferenceEquals(timeZone, call.TimeZone) && ReferenceEquals(number, call.Number) && ReferenceEquals(caller, call.Caller) && ReferenceEquals(callee, call.Callee)
                ? call
                : call with { TimeZone = timeZone, Number = number, Caller = caller, Callee = callee };

            static string? Same(string? value, string? shared) => shared is not null && string.Equals(value, shared, StringComparison.Ordinal) ? shared : value;
        }

        /// <summary>
        /// Whether the call was counted, then forgotten. Its day is the one its first event gave it; a late event
        /// from before midnight may have moved it to the day before, so both days are looked at.
        /// </summary>
        private bool WasForgotten(CallFacts call)
        {
            if (Forgotten.Count == 0)
            {
                return false;
            }

            var day = Today(call.FirstSeenAt);
            var key = Key(call.CallId);
            return (Forgotten.TryGetValue(day, out var keys) && keys.Contains(key))
                || (Forgotten.TryGetValue(day.AddDays(1), out var next) && next.Contains(key));
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
