using Store.Domain.Calls;
using Store.Domain.Calls.Live;

namespace Store.Domain.Tests.Calls.Live;

/// <summary>The live figures from call facts: order, duplicates, missing events, the customer's day, the minute ring.</summary>
public sealed class LiveBoardTests
{
    private static readonly Guid Customer = Guid.NewGuid();
    private static readonly Guid Number = Guid.NewGuid();

    // 10:00 in Paris (UTC+1 in winter).
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private static CallEvent Event(string callId, CallEventKind kind, DateTimeOffset at, CallDirection direction = CallDirection.Inbound, int? duration = null) =>
        new($"{callId}-{kind}", callId, Customer, Number, "+33184800001", kind, at, direction, at) { DurationSeconds = duration };

    private static CallFacts Facts(CallEvent e) => CallFacts.Of(e, LocalTime.Paris);

    [Fact]
    public void Every_order_and_every_repetition_of_a_calls_events_gives_the_same_figures()
    {
        var events = new[]
        {
            Event("a", CallEventKind.Started, Now.AddMinutes(-10)),
            Event("a", CallEventKind.Answered, Now.AddMinutes(-10).AddSeconds(8)),
            Event("a", CallEventKind.Ended, Now.AddMinutes(-8).AddSeconds(8)),
        };
        var orders = new[] { new[] { 0, 1, 2 }, [2, 1, 0], [1, 2, 0], [2, 0, 1, 2, 0], [0, 0, 1, 1, 2, 2] };

        foreach (var order in orders)
        {
            var board = new LiveBoard();
            foreach (var i in order)
            {
                board.Apply([Facts(events[i])], Now);
            }

            var figures = board.Account(Customer, LocalTime.Paris, Now).Figures;
            Assert.Equal((1, 1, 0, 0, 120), (figures.Calls, figures.Answered, figures.Missed, figures.InProgress, figures.TalkSeconds));
        }
    }

    [Fact]
    public void A_call_seen_only_by_its_end_counts_and_unanswered_inbound_is_missed_but_outbound_is_not()
    {
        var board = new LiveBoard();
        board.Apply([Facts(Event("in", CallEventKind.Ended, Now.AddMinutes(-1))), Facts(Event("out", CallEventKind.Ended, Now.AddMinutes(-1), CallDirection.Outbound))], Now);
        board.Apply([Facts(Event("talk", CallEventKind.Ended, Now.AddMinutes(-1), duration: 42))], Now);

        var figures = board.Account(Customer, LocalTime.Paris, Now).Figures;
        Assert.Equal(3, figures.Calls);
        Assert.Equal(1, figures.Missed);
        Assert.Equal(1, figures.Answered);
        Assert.Equal(42, figures.TalkSeconds);
    }

    [Fact]
    public void Today_is_the_customers_day_in_Paris_and_a_call_from_before_midnight_still_shows_in_progress()
    {
        var justAfterMidnight = new DateTimeOffset(2026, 1, 15, 23, 5, 0, TimeSpan.Zero); // 00:05 on the 16th in Paris
        var board = new LiveBoard();
        board.Apply([Facts(Event("late", CallEventKind.Started, justAfterMidnight.AddMinutes(-10)))], justAfterMidnight);
        board.Apply([Facts(Event("early", CallEventKind.Started, justAfterMidnight.AddMinutes(-2)))], justAfterMidnight);

        var figures = board.Account(Customer, LocalTime.Paris, justAfterMidnight).Figures;
        Assert.Equal(new DateOnly(2026, 1, 16), figures.Day);
        Assert.Equal(1, figures.Calls);
        Assert.Equal(2, figures.InProgress);
    }

    [Fact]
    public void The_minute_series_counts_calls_in_their_first_minute_and_keeps_the_level_of_calls_in_progress()
    {
        var board = new LiveBoard();
        board.Apply([Facts(Event("x", CallEventKind.Started, Now.AddMinutes(-3)))], Now.AddMinutes(-3));
        board.Apply([Facts(Event("y", CallEventKind.Started, Now.AddMinutes(-3).AddSeconds(20)))], Now.AddMinutes(-3).AddSeconds(20));
        board.Apply([Facts(Event("y", CallEventKind.Ended, Now.AddMinutes(-1)))], Now.AddMinutes(-1));

        var series = board.Account(Customer, LocalTime.Paris, Now, minutes: 5).Figures.PerMinute;
        Assert.Equal([0, 2, 0, 0, 0], series.Select(p => p.Calls));
        Assert.Equal([0, 2, 2, 2, 1], series.Select(p => p.PeakInProgress)); // two calls on until y ends during minute -1
        Assert.Equal(1, series[1].Missed);
    }

    [Fact]
    public void A_real_end_beats_the_end_Store_wrote_at_the_fair_use_limit()
    {
        var start = Event("long", CallEventKind.Started, Now.AddHours(-3));
        var closed = new CallEvent("close", "long", Customer, Number, null, CallEventKind.Ended, Now.AddHours(-1), CallDirection.Inbound, Now) { ClosedByStore = true };
        var real = Event("long", CallEventKind.Ended, Now.AddHours(-2).AddMinutes(-30));

        var a = Facts(start).Merge(Facts(closed)).Merge(Facts(real));
        var b = Facts(real).Merge(Facts(closed)).Merge(Facts(start));

        Assert.Equal(a, b);
        Assert.False(a.ClosedByStore);
        Assert.Equal(real.At, a.EndedAt);
    }

    [Fact]
    public void Ended_calls_are_forgotten_after_the_retention_but_each_account_keeps_its_latest_and_late_events_of_forgotten_calls_count_nothing()
    {
        var board = new LiveBoard { FinishedCallRetention = TimeSpan.FromMinutes(10), RecentCallsKept = 2 };
        for (var i = 0; i < 5; i++)
        {
            board.Apply([Facts(Event($"c{i}", CallEventKind.Ended, Now.AddMinutes(-30 + i)))], Now.AddMinutes(-30 + i));
        }

        board.Forget(Now);
        Assert.Equal(2, board.CallsHeld);
        Assert.Equal(["c4", "c3"], board.Account(Customer, LocalTime.Paris, Now).RecentCalls.Select(c => c.CallId));

        board.Apply([Facts(Event("c0", CallEventKind.Started, Now.AddMinutes(-31)))], Now);
        Assert.Equal(5, board.Account(Customer, LocalTime.Paris, Now).Figures.Calls);

        // A call never seen before still counts, however late its events come.
        board.Apply([Facts(Event("c9", CallEventKind.Ended, Now.AddMinutes(-40)))], Now);
        Assert.Equal(6, board.Account(Customer, LocalTime.Paris, Now).Figures.Calls);
    }
}
