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

    [Fact]
    public void A_busy_day_holds_only_recent_calls_and_eight_bytes_per_forgotten_call_and_a_rebuild_counts_nothing_twice()
    {
        // Two calls a minute from 00:00 to 20:00 in Paris, each ringing 30 s then talking a minute, swept every 30 s.
        var board = new LiveBoard { FinishedCallRetention = TimeSpan.FromMinutes(2), RecentCallsKept = 20 };
        var midnight = new DateTimeOffset(2026, 1, 14, 23, 0, 0, TimeSpan.Zero);
        var all = new List<CallFacts>();
        var mostHeld = 0;
        for (var i = 0; i < 2400; i++)
        {
            var start = midnight.AddSeconds(30 * i);
            var id = $"busy-{i}";
            var call = Facts(Event(id, CallEventKind.Started, start))
                .Merge(Facts(Event(id, CallEventKind.Answered, start.AddSeconds(30))))
                .Merge(Facts(Event(id, CallEventKind.Ended, start.AddSeconds(90))));
            board.Apply([call], start.AddSeconds(90));
            all.Add(call);
            board.Forget(start.AddSeconds(90));
            mostHeld = Math.Max(mostHeld, board.CallsHeld);
        }

        var evening = midnight.AddHours(20).AddMinutes(5);
        var figures = board.Account(Customer, LocalTime.Paris, evening).Figures;
        Assert.Equal((2400, 2400, 0, 2400 * 60), (figures.Calls, figures.Answered, figures.InProgress, figures.TalkSeconds));
        Assert.InRange(mostHeld, 20, 25); // ended within the last two minutes, or among the 20 latest: never the day
        Assert.Equal(2400 - board.CallsHeld, board.ForgottenCallKeys);

        // The bus came back: the database's calls of the day are merged again; the figures do not move.
        board.Apply(all, evening);
        var again = board.Account(Customer, LocalTime.Paris, evening).Figures;
        Assert.Equal(figures with { PerMinute = [] }, again with { PerMinute = [] });
        Assert.Equal(figures.PerMinute, again.PerMinute);

        // Yesterday's keys are still needed after midnight (a call of yesterday may end today); two days on, they are gone.
        board.Forget(midnight.AddDays(1).AddMinutes(5));
        Assert.Equal(2400 - board.CallsHeld, board.ForgottenCallKeys);
        board.Forget(midnight.AddDays(2).AddMinutes(5));
        Assert.Equal(0, board.ForgottenCallKeys);
        Assert.Equal(0, board.Account(Customer, LocalTime.Paris, midnight.AddDays(2).AddMinutes(5)).Figures.Calls);
    }

    [Fact]
    public void A_late_start_from_before_midnight_does_not_bring_back_a_forgotten_call_of_today()
    {
        var board = new LiveBoard { FinishedCallRetention = TimeSpan.FromMinutes(2), RecentCallsKept = 0 };
        var midnight = new DateTimeOffset(2026, 1, 15, 23, 0, 0, TimeSpan.Zero); // 00:00 on the 16th in Paris
        var answered = Facts(Event("m", CallEventKind.Answered, midnight.AddSeconds(10)));
        var ended = answered.Merge(Facts(Event("m", CallEventKind.Ended, midnight.AddMinutes(1))));
        board.Apply([answered], midnight.AddSeconds(10));
        board.Apply([ended], midnight.AddMinutes(1));
        board.Forget(midnight.AddMinutes(5));
        Assert.Equal(0, board.CallsHeld);

        board.Apply([ended.Merge(Facts(Event("m", CallEventKind.Started, midnight.AddSeconds(-20))))], midnight.AddMinutes(6));

        Assert.Equal(0, board.CallsHeld);
        Assert.Equal(1, board.Account(Customer, LocalTime.Paris, midnight.AddMinutes(6)).Figures.Calls);
    }

    [Fact]
    public void The_minute_ring_wraps_after_three_hours_without_mixing_old_minutes_into_the_chart()
    {
        var board = new LiveBoard();
        var early = Now.AddHours(-4);
        board.Apply([Facts(Event("old", CallEventKind.Ended, early, duration: 5))], early);
        board.Apply([Facts(Event("new", CallEventKind.Ended, Now.AddMinutes(-1), duration: 5))], Now.AddMinutes(-1));

        // A late call from before the window counts in the day, not in the chart, and does not take a slot from a recent minute.
        board.Apply([Facts(Event("late", CallEventKind.Ended, Now.AddMinutes(-1).AddMinutes(-MinuteSeries.Capacity), duration: 5))], Now);

        var figures = board.Account(Customer, LocalTime.Paris, Now, minutes: MinuteSeries.Capacity).Figures;
        Assert.Equal(3, figures.Calls);
        Assert.Equal(1, figures.PerMinute.Sum(p => p.Calls));
        Assert.Equal(1, figures.PerMinute[^2].Calls);
    }
}
