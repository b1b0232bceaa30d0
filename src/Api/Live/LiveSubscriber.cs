using Store.Domain;
using Store.Domain.Calls.Live;

namespace Store.Api.Live;

/// <summary>
/// One subscription: pushes at once when nothing was pushed for an interval, else once the interval has passed,
/// whatever came in between. Pushes of one subscriber never overlap and always carry the latest state.
/// </summary>
internal abstract class LiveSubscriber : IDisposable
{
    private readonly TimeSpan _interval;
    private readonly TimeProvider _clock;
    private readonly ITimer _timer;
    private readonly object _gate = new();
    private readonly object _pushing = new();
    private long _lastPush = long.MinValue;
    private bool _scheduled;
    private bool _disposed;

    protected LiveSubscriber(TimeSpan interval, TimeProvider clock)
    {
        _interval = interval;
        _clock = clock;
        _timer = clock.CreateTimer(static s => ((LiveSubscriber)s!).Push(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>A call of this subscription changed.</summary>
    public void Poke(CallFacts call)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            Collect(call);
        }

        PushSoon();
    }

    public void PushSoon()
    {
        TimeSpan due;
        lock (_gate)
        {
            if (_scheduled || _disposed)
            {
                return;
            }

            _scheduled = true;
            due = _lastPush == long.MinValue ? TimeSpan.Zero : _interval - _clock.GetElapsedTime(_lastPush);
        }

        if (due <= TimeSpan.Zero)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Push(), this, preferLocal: false);
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void Push()
    {
        lock (_pushing)
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _scheduled = false;
                _lastPush = _clock.GetTimestamp();
            }

            Send();
        }
    }

    /// <summary>Remembers what a change brought, under the subscriber's lock.</summary>
    protected virtual void Collect(CallFacts call)
    {
    }

    /// <summary>Builds the latest state and hands it to the observer.</summary>
    protected abstract void Send();

    protected object Gate => _gate;

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _timer.Dispose();
    }
}

internal sealed class AccountSubscriber(LiveStatistics live, IObserver<CallStatistics> observer, Guid customerId, string timeZone, Currency currency, int minutes, TimeSpan interval, TimeProvider clock)
    : LiveSubscriber(interval, clock)
{
    protected override void Send()
    {
        var now = live.Clock.GetUtcNow();
        observer.OnNext(new CallStatistics(live.Board.Account(customerId, timeZone, now, minutes), currency, now));
    }
}

internal sealed class NumberSubscriber(LiveStatistics live, IObserver<CallActivity> observer, Guid numberId, string e164, string timeZone, Currency currency, int minutes, TimeSpan interval, TimeProvider clock)
    : LiveSubscriber(interval, clock)
{
    /// <summary>Changed calls waiting for the next push, latest state of each; bounded, dropping the oldest.</summary>
    private const int MaxPending = 200;

    private readonly Dictionary<string, CallFacts> _pending = new(StringComparer.Ordinal);
    private bool _first = true;

    protected override void Collect(CallFacts call)
    {
        _pending[call.CallId] = call;
        if (_pending.Count > MaxPending)
        {
            _pending.Remove(_pending.Values.MinBy(c => c.LastEventAt)!.CallId);
        }
    }

    protected override void Send()
    {
        // The changed calls are taken before the figures: a change is on the board before it is collected, so the
        // figures then count every call the message lists (one arriving in between is listed in the next message).
        IReadOnlyList<CallFacts>? changed;
        lock (Gate)
        {
            changed = _first ? null : [.. _pending.Values.OrderByDescending(c => c.FirstSeenAt)];
            _pending.Clear();
            _first = false;
        }

        var now = live.Clock.GetUtcNow();
        var (figures, recent) = live.Board.Number(numberId, e164, timeZone, now, minutes);
        observer.OnNext(new CallActivity(figures, changed ?? recent, currency, now));
    }
}
