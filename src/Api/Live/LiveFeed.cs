using System.Collections.Concurrent;
using Store.Domain;
using Store.Domain.Calls.Live;

namespace Store.Api.Live;

/// <summary>An account's figures as pushed to a subscriber, in its currency.</summary>
public sealed record CallStatistics(AccountFigures Account, Currency Currency, DateTimeOffset At);

/// <summary>What changed on a number since the last push: its figures and the calls that moved (the latest calls first time).</summary>
public sealed record CallActivity(NumberFigures Number, IReadOnlyList<CallFacts> Calls, Currency Currency, DateTimeOffset At);

/// <summary>
/// The subscribers of each account and number. Telling them of a change only marks them due; each pushes at most
/// once per interval, the latest figures at that moment, so a burst of calls becomes one message and a slow
/// subscriber never holds the bus back.
/// </summary>
public sealed class LiveFeed(LiveStatistics live, TimeSpan interval, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, Audience> _accounts = new();
    private readonly ConcurrentDictionary<Guid, Audience> _numbers = new();

    public int Subscribers => _accounts.Values.Sum(a => a.Count) + _numbers.Values.Sum(a => a.Count);

    public void Notify(IReadOnlyList<CallFacts> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        foreach (var call in changed)
        {
            if (_accounts.TryGetValue(call.CustomerId, out var account))
            {
                account.Poke(call);
            }

            if (call.NumberId is { } numberId && _numbers.TryGetValue(numberId, out var number))
            {
                number.Poke(call);
            }
        }
    }

    /// <summary>The figures of an account, now and after each change.</summary>
    public IObservable<CallStatistics> Account(Guid customerId, string timeZone, Currency currency, int minutes) =>
        new Stream<CallStatistics>(_accounts, customerId, observer => new AccountSubscriber(live, observer, customerId, timeZone, currency, minutes, interval, clock));

    /// <summary>A number's figures and latest calls now, then the calls that change.</summary>
    public IObservable<CallActivity> Number(Guid numberId, string e164, string timeZone, Currency currency, int minutes) =>
        new Stream<CallActivity>(_numbers, numberId, observer => new NumberSubscriber(live, observer, numberId, e164, timeZone, currency, minutes, interval, clock));

    private sealed class Stream<T>(ConcurrentDictionary<Guid, Audience> audiences, Guid key, Func<IObserver<T>, LiveSubscriber> create) : IObservable<T>
    {
        public IDisposable Subscribe(IObserver<T> observer)
        {
            var subscriber = create(observer);
            while (true)
            {
                var audience = audiences.GetOrAdd(key, _ => new Audience());
                if (audience.Add(subscriber))
                {
                    break;
                }

                audiences.TryRemove(new KeyValuePair<Guid, Audience>(key, audience)); // Emptied and closed meanwhile: take a new one.
            }

            subscriber.PushSoon();
            return new Unsubscriber(() =>
            {
                subscriber.Dispose();
                if (audiences.TryGetValue(key, out var audience) && audience.Remove(subscriber))
                {
                    audiences.TryRemove(new KeyValuePair<Guid, Audience>(key, audience));
                }
            });
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }

    /// <summary>The subscribers of one account or number; closed when the last one leaves.</summary>
    private sealed class Audience
    {
        private LiveSubscriber[] _members = [];
        private bool _closed;

        public int Count => Volatile.Read(ref _members).Length;

        public bool Add(LiveSubscriber subscriber)
        {
            lock (this)
            {
                if (_closed)
                {
                    return false;
                }

                _members = [.. _members, subscriber];
                return true;
            }
        }

        /// <summary>Removes the subscriber; true when it was the last and the audience is now closed.</summary>
        public bool Remove(LiveSubscriber subscriber)
        {
            lock (this)
            {
                _members = [.. _members.Where(m => m != subscriber)];
                _closed = _members.Length == 0;
                return _closed;
            }
        }

        public void Poke(CallFacts call)
        {
            foreach (var member in Volatile.Read(ref _members))
            {
                member.Poke(call);
            }
        }
    }
}
