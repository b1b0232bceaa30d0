using Microsoft.Extensions.Options;
using Store.Domain.Calls.Live;

namespace Store.Api.Live;

/// <summary>
/// This process's live figures: every call update the bus brings is applied to the board, and the subscribers of
/// the accounts and numbers it changed are told. Never blocks: subscribers only mark themselves due.
/// </summary>
public sealed class LiveStatistics
{
    private long _received;

    public LiveStatistics(IOptions<LiveOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        Clock = clock;
        Board = new LiveBoard { FinishedCallRetention = options.Value.FinishedCallRetention };
        Feed = new LiveFeed(this, options.Value.PushInterval, clock);
    }

    public LiveBoard Board { get; }

    public LiveFeed Feed { get; }

    public TimeProvider Clock { get; }

    /// <summary>Call updates applied since the process started, duplicates included.</summary>
    public long Received => Interlocked.Read(ref _received);

    public void Receive(IReadOnlyList<CallFacts> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        Interlocked.Add(ref _received, calls.Count);
        var changed = Board.Apply(calls, Clock.GetUtcNow());
        if (changed.Count > 0)
        {
            Feed.Notify(changed);
        }
    }
}
