using Store.Domain.Numbers;
using Store.Domain.Numbers.Routing;

namespace Store.Domain.Tests.Numbers;

public sealed class RoutingTests
{
    // Wednesday 10 June 2026, 10:00 in Paris (08:00 UTC).
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 8, 0, 0, TimeSpan.Zero);

    private static TelephoneNumber Number() =>
        TelephoneNumber.RequestPorting(Guid.NewGuid(), "01 45 67 89 12", "FR", new DateOnly(2026, 7, 15), null, new DateOnly(2026, 6, 10), Now).Value!;

    private static RoutingWindow Window(DayOfWeek[] days, string from, string until, params string[] destinations) =>
        new(days, TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), [.. destinations.Select(d => new RoutingStep(d, 20))]);

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    [Fact]
    public void A_destination_changed_now_applies_at_once_and_is_kept_in_the_history()
    {
        var number = Number();
        var change = number.ChangeDestination("06 12 34 56 78", null, Now).Value!;

        Assert.Equal("+33612345678", number.Destination);
        Assert.Equal(ScheduledChangeStatus.Applied, change.Status);
        Assert.Single(number.ScheduledChanges);
    }

    [Fact]
    public void A_destination_planned_for_a_date_takes_over_exactly_then()
    {
        var number = Number();
        number.ChangeDestination("01 40 00 00 01", null, Now);
        var at = Now.AddDays(2).AddHours(6);
        var change = number.ChangeDestination("06 12 34 56 78", at, Now).Value!;

        Assert.Equal(ScheduledChangeStatus.Pending, change.Status);
        Assert.Equal("+33140000001", number.DestinationAt(at.AddSeconds(-1)));
        Assert.Equal("+33612345678", number.DestinationAt(at));

        Assert.Equal(0, number.ApplyDueChanges(at.AddSeconds(-1)));
        Assert.Equal(1, number.ApplyDueChanges(at));
        Assert.Equal("+33612345678", number.Destination);
        Assert.Equal(ScheduledChangeStatus.Applied, change.Status);
    }

    [Theory]
    [InlineData("12", null, "destination", "INVALID_PHONE_NUMBER")]
    [InlineData("01 45 67 89 12", null, "destination", "ROUTING_LOOP")]
    [InlineData("06 12 34 56 78", -10, "effectiveAt", "IN_THE_PAST")]
    [InlineData("06 12 34 56 78", 400 * 24 * 60, "effectiveAt", "TOO_FAR_AHEAD")]
    public void Impossible_destinations_are_refused_and_nothing_changes(string destination, int? minutesFromNow, string field, string code)
    {
        var number = Number();
        var outcome = number.ChangeDestination(destination, minutesFromNow is { } m ? Now.AddMinutes(m) : null, Now);
        Assert.Equal((field, code), (outcome.Problems.Single().Field, outcome.Problems.Single().Code));
        Assert.Null(number.Destination);
        Assert.Empty(number.ScheduledChanges);
    }

    [Fact]
    public void The_weekly_schedule_routes_office_hours_to_the_desk_then_the_mobile_and_the_rest_to_the_destination()
    {
        var number = Number();
        number.ChangeDestination("01 40 00 00 09", null, Now);
        var schedule = RoutingSchedule.Create(
            [Window(Weekdays, "08:00", "12:00", "01 40 00 00 01", "06 12 34 56 78"), Window(Weekdays, "14:00", "18:00", "01 40 00 00 02")],
            FallbackTriggers.NoAnswer | FallbackTriggers.Busy).Value!;
        number.SetSchedule(schedule, RoutingMode.Pstn);

        var morning = number.Route("+33611111111", Now, LocalTime.Paris); // Wednesday 10:00 in Paris
        Assert.Equal(["+33140000001", "+33612345678"], morning.Steps.Select(s => s.Destination));
        Assert.Equal(FallbackTriggers.NoAnswer | FallbackTriggers.Busy, morning.FallbackOn);

        var lunch = number.Route("+33611111111", Now.AddHours(3), LocalTime.Paris); // 13:00
        Assert.Equal(["+33140000009"], lunch.Steps.Select(s => s.Destination));

        var saturday = number.Route("+33611111111", Now.AddDays(3), LocalTime.Paris); // Saturday 10:00
        Assert.Equal(["+33140000009"], saturday.Steps.Select(s => s.Destination));
    }

    [Fact]
    public void A_slot_until_midnight_covers_the_evening_and_the_week_is_read_in_the_customers_zone()
    {
        var schedule = RoutingSchedule.Create([Window([DayOfWeek.Wednesday], "20:00", "00:00", "06 12 34 56 78")], FallbackTriggers.All).Value!;

        // 22:30 UTC on Wednesday is 00:30 Thursday in Paris: outside; 21:30 UTC is 23:30 Wednesday: inside.
        Assert.Null(schedule.WindowAt(LocalTime.In(new DateTimeOffset(2026, 6, 10, 22, 30, 0, TimeSpan.Zero), LocalTime.Paris)));
        Assert.NotNull(schedule.WindowAt(LocalTime.In(new DateTimeOffset(2026, 6, 10, 21, 30, 0, TimeSpan.Zero), LocalTime.Paris)));
    }

    [Fact]
    public void A_schedule_with_overlaps_empty_slots_bad_numbers_and_ring_times_names_each_fault()
    {
        var outcome = RoutingSchedule.Create(
            [
                Window(Weekdays, "08:00", "12:00", "01 40 00 00 01"),
                Window([DayOfWeek.Friday], "11:00", "13:00", "01 40 00 00 02"),
                Window([DayOfWeek.Saturday], "12:00", "09:00", "01 40 00 00 03"),
                new RoutingWindow([], TimeOnly.MinValue, TimeOnly.MinValue, [new RoutingStep("abc", 200)]),
            ],
            FallbackTriggers.All);

        var faults = outcome.Problems.Select(p => (p.Field, p.Code)).ToList();
        Assert.Contains(("windows[1]", "OVERLAPPING_WINDOWS"), faults);
        Assert.Contains(("windows[2].until", "EMPTY_WINDOW"), faults);
        Assert.Contains(("windows[3].days", "NO_DAYS"), faults);
        Assert.Contains(("windows[3].steps[0].destination", "INVALID_PHONE_NUMBER"), faults);
        Assert.Contains(("windows[3].steps[0].ringSeconds", "RING_TIME"), faults);
        Assert.Null(outcome.Value);
    }

    [Fact]
    public void A_blocked_caller_is_refused_until_the_block_ends_then_gets_through()
    {
        var number = Number();
        number.ChangeDestination("06 12 34 56 78", null, Now);
        number.Block("+41 44 668 18 00", Now.AddHours(1), "Appels répétés", Now);

        Assert.True(number.Route("+41446681800", Now.AddMinutes(30), LocalTime.Paris).Blocked);
        Assert.False(number.Route("+41446681800", Now.AddHours(2), LocalTime.Paris).Blocked);
        Assert.False(number.Route("+33611111111", Now, LocalTime.Paris).Blocked);

        Assert.Equal("NOT_BLOCKED", number.Unblock("06 00 00 00 01").Problems.Single().Code);
        Assert.True(number.Unblock("+41446681800").Succeeded);
        Assert.Empty(number.BlockedCallers);
    }

    [Fact]
    public void Presenting_a_089_number_or_a_mobile_from_an_automated_system_is_refused()
    {
        var number = Number();
        Assert.Equal("CALLER_ID_NOT_ALLOWED", number.SetCallerDisplay(InboundDisplay.DialledNumber, "08 99 12 34 56", CallerIdUse.Person).Problems.Single().Code);
        Assert.Equal("CALLER_ID_NOT_ALLOWED", number.SetCallerDisplay(InboundDisplay.DialledNumber, "06 12 34 56 78", CallerIdUse.AutomatedSystem).Problems.Single().Code);
        Assert.Null(number.PresentedNumber);

        Assert.True(number.SetCallerDisplay(InboundDisplay.DialledNumber, "01 62 00 00 00", CallerIdUse.AutomatedSystem).Succeeded);
        Assert.Equal(("+33162000000", InboundDisplay.DialledNumber), (number.PresentedNumber, number.InboundDisplay));
    }
}
