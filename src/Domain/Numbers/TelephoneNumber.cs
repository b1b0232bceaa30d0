using Store.Domain.Numbers.Routing;

namespace Store.Domain.Numbers;

public enum NumberStatus
{
    /// <summary>A number being ported in from another operator, on the date agreed.</summary>
    PortingRequested,

    Active,
}

/// <summary>How calls reach the destination (001, "Routage du trafic").</summary>
public enum RoutingMode
{
    /// <summary>Over the public network to a fixed or mobile number.</summary>
    Pstn,

    /// <summary>Over IP between platforms, to the customer's own VoIP platform.</summary>
    Voip,
}

/// <summary>The number the customer's phone shows when a call to this number rings (001, "Affichage du numéro").</summary>
public enum InboundDisplay
{
    /// <summary>The caller's own number.</summary>
    CallerNumber,

    /// <summary>This number, so the customer knows which line was called.</summary>
    DialledNumber,
}

/// <summary>What the network does with a call at a moment: refuse it, or ring the chain in order.</summary>
public sealed record RouteDecision(bool Blocked, IReadOnlyList<RoutingStep> Steps, FallbackTriggers FallbackOn, string Reason);

/// <summary>A telephone number a customer holds with Store: created from the pool or ported in.</summary>
public sealed class TelephoneNumber
{
    private readonly List<ScheduledDestinationChange> _scheduledChanges = [];
    private readonly List<BlockedCaller> _blockedCallers = [];

    private TelephoneNumber()
    {
    }

    public Guid Id { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>The number in E.164, such as +33123456789.</summary>
    public string E164 { get; private set; } = string.Empty;

    public NumberStatus Status { get; private set; }

    /// <summary>When a port-in was asked, and the day it is to happen (at least 14 working days later).</summary>
    public DateOnly? PortingRequestedOn { get; private set; }

    public DateOnly? PortingDate { get; private set; }

    /// <summary>The current operator's name, as the mandate gives it.</summary>
    public string? CurrentOperator { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Where calls go outside the weekly schedule's slots, in E.164; null until the customer sets it.</summary>
    public string? Destination { get; private set; }

    public RoutingMode RoutingMode { get; private set; }

    public InboundDisplay InboundDisplay { get; private set; }

    /// <summary>The number presented to the people this line calls, and who calls with it (ARCEP rules).</summary>
    public string? PresentedNumber { get; private set; }

    public CallerIdUse PresentedAs { get; private set; }

    public RoutingSchedule Schedule { get; private set; } = RoutingSchedule.Empty;

    /// <summary>Set for a Smart Number: its type, tariff, payout and declared use.</summary>
    public SmartNumberProfile? SmartNumber { get; private set; }

    public IReadOnlyList<ScheduledDestinationChange> ScheduledChanges => _scheduledChanges;

    public IReadOnlyList<BlockedCaller> BlockedCallers => _blockedCallers;

    /// <summary>
    /// Sends calls to <paramref name="destination"/> now, or from <paramref name="effectiveAt"/> when it is in the future.
    /// Either way the change is kept, so the number's history shows who routed where and when.
    /// </summary>
    public Outcome<ScheduledDestinationChange> ChangeDestination(string? destination, DateTimeOffset? effectiveAt, DateTimeOffset now, string region = "FR")
    {
        var number = PhoneNumberText.ToE164("destination", destination, region);
        if (!number.Succeeded)
        {
            return Outcome<ScheduledDestinationChange>.Failure(number.Problems);
        }

        if (number.Value == E164)
        {
            return Outcome<ScheduledDestinationChange>.Failure(new Problem("destination", "A number cannot forward its calls to itself.", "ROUTING_LOOP"));
        }

        var at = effectiveAt ?? now;
        if (at < now.AddMinutes(-1))
        {
            return Outcome<ScheduledDestinationChange>.Failure(new Problem("effectiveAt", "This moment has passed; leave it empty to change the destination now.", "IN_THE_PAST"));
        }

        if (at > now.AddYears(1))
        {
            return Outcome<ScheduledDestinationChange>.Failure(new Problem("effectiveAt", "A change is planned at most a year ahead.", "TOO_FAR_AHEAD"));
        }

        var change = new ScheduledDestinationChange(Id, number.Value!, at <= now ? now : at, now);
        _scheduledChanges.Add(change);
        ApplyDueChanges(now);
        return Outcome<ScheduledDestinationChange>.Success(change);
    }

    /// <summary>Applies, in order, the planned changes whose time has come; returns how many.</summary>
    public int ApplyDueChanges(DateTimeOffset now)
    {
        var applied = 0;
        foreach (var change in _scheduledChanges.Where(c => c.Status == ScheduledChangeStatus.Pending && c.EffectiveAt <= now).OrderBy(c => c.EffectiveAt).ThenBy(c => c.RequestedAt))
        {
            Destination = change.Destination;
            change.MarkApplied(now);
            applied++;
        }

        return applied;
    }

    /// <summary>The destination in force at <paramref name="now"/>, counting planned changes already due even if not yet applied.</summary>
    public string? DestinationAt(DateTimeOffset now) => DestinationAt(Destination, _scheduledChanges, now);

    /// <summary>The destination in force at <paramref name="now"/>, from the one last applied and the planned changes.</summary>
    public static string? DestinationAt(string? applied, IEnumerable<ScheduledDestinationChange> changes, DateTimeOffset now) =>
        changes.Where(c => c.Status == ScheduledChangeStatus.Pending && c.EffectiveAt <= now)
            .OrderBy(c => c.EffectiveAt).ThenBy(c => c.RequestedAt).LastOrDefault()?.Destination ?? applied;

    public void SetSchedule(RoutingSchedule schedule, RoutingMode mode)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Schedule = schedule;
        RoutingMode = mode;
    }

    /// <summary>Refuses calls from <paramref name="caller"/> until <paramref name="until"/>, or for good; blocking again updates the block.</summary>
    public Outcome<BlockedCaller> Block(string? caller, DateTimeOffset? until, string? note, DateTimeOffset now, string region = "FR")
    {
        var number = PhoneNumberText.ToE164("caller", caller, region);
        if (!number.Succeeded)
        {
            return Outcome<BlockedCaller>.Failure(number.Problems);
        }

        if (until is { } end && end <= now)
        {
            return Outcome<BlockedCaller>.Failure(new Problem("until", "A block ends in the future; leave it empty to block for good.", "IN_THE_PAST"));
        }

        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (trimmed is { Length: > 200 })
        {
            return Outcome<BlockedCaller>.Failure(new Problem("note", "A note is at most 200 characters.", "TOO_LONG"));
        }

        if (_blockedCallers.FirstOrDefault(b => b.Caller == number.Value) is { } existing)
        {
            existing.Extend(until, trimmed);
            return Outcome<BlockedCaller>.Success(existing);
        }

        if (_blockedCallers.Count(b => b.IsActive(now)) >= 1000)
        {
            return Outcome<BlockedCaller>.Failure(new Problem("caller", "A number blocks at most 1 000 callers; unblock some first.", "TOO_MANY_BLOCKED"));
        }

        var blocked = new BlockedCaller(Id, number.Value!, until, trimmed, now);
        _blockedCallers.Add(blocked);
        return Outcome<BlockedCaller>.Success(blocked);
    }

    /// <summary>Lets <paramref name="caller"/> through again; the removed block, or a problem if there was none.</summary>
    public Outcome<BlockedCaller> Unblock(string? caller, string region = "FR")
    {
        var number = PhoneNumberText.ToE164("caller", caller, region);
        if (!number.Succeeded)
        {
            return Outcome<BlockedCaller>.Failure(number.Problems);
        }

        var existing = _blockedCallers.FirstOrDefault(b => b.Caller == number.Value);
        if (existing is null)
        {
            return Outcome<BlockedCaller>.Failure(new Problem("caller", "This caller is not blocked on this number.", "NOT_BLOCKED"));
        }

        _blockedCallers.Remove(existing);
        return Outcome<BlockedCaller>.Success(existing);
    }

    /// <summary>Chooses what the customer's phone shows and what this line presents when it calls out, under the ARCEP rules.</summary>
    public Outcome<TelephoneNumber> SetCallerDisplay(InboundDisplay inbound, string? presented, CallerIdUse use, string region = "FR")
    {
        string? e164 = null;
        if (!string.IsNullOrWhiteSpace(presented))
        {
            var number = PhoneNumberText.ToE164("presentedNumber", presented, region);
            if (!number.Succeeded)
            {
                return Outcome<TelephoneNumber>.Failure(number.Problems);
            }

            e164 = number.Value!;
            var problems = CallerIdRules.Check("presentedNumber", e164, use);
            if (problems.Count > 0)
            {
                return Outcome<TelephoneNumber>.Failure(problems);
            }
        }

        InboundDisplay = inbound;
        PresentedNumber = e164;
        PresentedAs = use;
        return Outcome<TelephoneNumber>.Success(this);
    }

    /// <summary>What happens to a call from <paramref name="caller"/> at <paramref name="now"/>, the week read in <paramref name="timeZone"/>.</summary>
    public RouteDecision Route(string? caller, DateTimeOffset now, string timeZone)
    {
        if (caller is not null && _blockedCallers.Any(b => b.Caller == caller && b.IsActive(now)))
        {
            return new RouteDecision(true, [], FallbackTriggers.None, "The caller is blocked on this number.");
        }

        var local = LocalTime.In(now, timeZone);
        if (Schedule.WindowAt(local) is { } window)
        {
            return new RouteDecision(false, window.Steps, Schedule.FallbackOn, $"Weekly slot {window.From:HH:mm}–{window.Until:HH:mm}.");
        }

        return DestinationAt(now) is { } destination
            ? new RouteDecision(false, [new RoutingStep(destination, RoutingSchedule.DefaultRingSeconds)], FallbackTriggers.None, "The number's destination, outside the weekly slots.")
            : new RouteDecision(false, [], FallbackTriggers.None, "No destination is set: callers hear the unavailability message.");
    }

    /// <summary>A Smart Number taken from the operator's pool: active, routed to <paramref name="destination"/>.</summary>
    public static Outcome<TelephoneNumber> SmartNumberFromPool(Guid customerId, string e164, SmartNumberProfile profile, string? destination, RoutingMode routing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var number = new TelephoneNumber
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = customerId,
            E164 = e164,
            Status = NumberStatus.Active,
            CreatedAt = now,
            SmartNumber = profile,
            RoutingMode = routing,
        };
        var routed = number.ChangeDestination(destination, null, now, "CH");
        return routed.Succeeded ? Outcome<TelephoneNumber>.Success(number) : Outcome<TelephoneNumber>.Failure(routed.Problems);
    }
    /// <summary>A number given to a customer from Store's pool, active at once.</summary>
    public static TelephoneNumber FromPool(Guid customerId, string e164, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CustomerId = customerId,
        E164 = e164,
        Status = NumberStatus.Active,
        CreatedAt = now,
    };

    /// <summary>A port-in request, checked: a valid number and a date the porting rules allow.</summary>
    public static Outcome<TelephoneNumber> RequestPorting(Guid customerId, string number, string region, DateOnly desiredDate, string? currentOperator, DateOnly today, DateTimeOffset now)
    {
        var e164 = PhoneNumberText.ToE164("number", number, region);
        var problems = new List<Problem>(e164.Problems);
        problems.AddRange(Porting.CheckDate("portingDate", today, desiredDate));
        if (problems.Count > 0)
        {
            return Outcome<TelephoneNumber>.Failure(problems);
        }

        return Outcome<TelephoneNumber>.Success(new TelephoneNumber
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = customerId,
            E164 = e164.Value!,
            Status = NumberStatus.PortingRequested,
            PortingRequestedOn = today,
            PortingDate = desiredDate,
            CurrentOperator = string.IsNullOrWhiteSpace(currentOperator) ? null : currentOperator.Trim(),
            CreatedAt = now,
        });
    }
}
