namespace Store.Domain.Numbers.Routing;

/// <summary>When a call moves on to the next destination of the chain.</summary>
[Flags]
public enum FallbackTriggers
{
    None = 0,

    /// <summary>The destination rang for its ring time without answering.</summary>
    NoAnswer = 1,

    /// <summary>The destination was busy.</summary>
    Busy = 2,

    /// <summary>The destination could not be reached (switched off, out of coverage, network failure).</summary>
    Unreachable = 4,

    All = NoAnswer | Busy | Unreachable,
}

/// <summary>One destination of a fallback chain and how long it rings before the next one is tried.</summary>
public sealed record RoutingStep(string Destination, int RingSeconds);

/// <summary>A weekly slot (such as Monday to Friday 08:00–12:00) and the chain of destinations that answers in it.</summary>
/// <param name="Until">Exclusive; 00:00 means the end of the day.</param>
public sealed record RoutingWindow(IReadOnlyList<DayOfWeek> Days, TimeOnly From, TimeOnly Until, IReadOnlyList<RoutingStep> Steps)
{
    public bool Covers(DayOfWeek day, TimeOnly time) =>
        Days.Contains(day) && time.ToTimeSpan() >= From.ToTimeSpan() && time.ToTimeSpan() < End;

    internal TimeSpan End => Until == TimeOnly.MinValue ? TimeSpan.FromDays(1) : Until.ToTimeSpan();

    internal bool Overlaps(RoutingWindow other) =>
        Days.Intersect(other.Days).Any() && From.ToTimeSpan() < other.End && other.From.ToTimeSpan() < End;
}

/// <summary>
/// A number's weekly routing plan (001, "Planning et routage"): slots of the week, each with its chain of destinations;
/// outside every slot calls go to the number's destination. Built only through <see cref="Create"/>, so always valid.
/// </summary>
public sealed record RoutingSchedule
{
    public const int MaxWindows = 28;
    public const int MaxSteps = 5;
    public const int MinRingSeconds = 5;
    public const int MaxRingSeconds = 120;
    public const int DefaultRingSeconds = 20;

    public static readonly RoutingSchedule Empty = new([], FallbackTriggers.All);

    private RoutingSchedule(IReadOnlyList<RoutingWindow> windows, FallbackTriggers fallbackOn)
    {
        Windows = windows;
        FallbackOn = fallbackOn;
    }

    public IReadOnlyList<RoutingWindow> Windows { get; }

    public FallbackTriggers FallbackOn { get; }

    /// <summary>Checks a schedule as a customer entered it; destinations are read for <paramref name="region"/> and kept in E.164.</summary>
    public static Outcome<RoutingSchedule> Create(IReadOnlyList<RoutingWindow> windows, FallbackTriggers fallbackOn, string region = "FR")
    {
        ArgumentNullException.ThrowIfNull(windows);
        var problems = new List<Problem>();
        if (windows.Count > MaxWindows)
        {
            problems.Add(new Problem("windows", $"A schedule has at most {MaxWindows} slots.", "TOO_MANY_WINDOWS"));
        }

        var clean = new List<RoutingWindow>();
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            var field = $"windows[{i}]";
            if (w.Days.Count == 0)
            {
                problems.Add(new Problem(field + ".days", "Choose at least one day for this slot.", "NO_DAYS"));
            }

            if (w.Until != TimeOnly.MinValue && w.Until <= w.From)
            {
                problems.Add(new Problem(field + ".until", $"The slot ends ({w.Until:HH:mm}) before it starts ({w.From:HH:mm}); use 00:00 for midnight.", "EMPTY_WINDOW"));
            }

            if (w.Steps.Count is 0 or > MaxSteps)
            {
                problems.Add(new Problem(field + ".steps", $"A slot routes to 1 to {MaxSteps} destinations, tried in order.", "STEP_COUNT"));
            }

            var steps = new List<RoutingStep>();
            for (var s = 0; s < w.Steps.Count; s++)
            {
                var step = w.Steps[s];
                var number = PhoneNumberText.ToE164($"{field}.steps[{s}].destination", step.Destination, region);
                problems.AddRange(number.Problems);
                if (step.RingSeconds is < MinRingSeconds or > MaxRingSeconds)
                {
                    problems.Add(new Problem($"{field}.steps[{s}].ringSeconds", $"A destination rings {MinRingSeconds} to {MaxRingSeconds} seconds before the next is tried.", "RING_TIME"));
                }

                if (number.Value is { } e164)
                {
                    if (steps.Any(x => x.Destination == e164))
                    {
                        problems.Add(new Problem($"{field}.steps[{s}].destination", "This destination is already earlier in the chain.", "DUPLICATE_DESTINATION"));
                    }

                    steps.Add(step with { Destination = e164 });
                }
            }

            var window = w with { Days = [.. w.Days.Distinct().Order()], Steps = steps };
            for (var j = 0; j < clean.Count; j++)
            {
                if (clean[j].Overlaps(window))
                {
                    problems.Add(new Problem(field, $"This slot overlaps slot {j + 1}; a moment of the week has one chain.", "OVERLAPPING_WINDOWS"));
                }
            }

            clean.Add(window);
        }

        return problems.Count > 0 ? Outcome<RoutingSchedule>.Failure(problems) : Outcome<RoutingSchedule>.Success(new RoutingSchedule(clean, fallbackOn));
    }

    /// <summary>A schedule read back from storage, where only valid schedules are written.</summary>
    internal static RoutingSchedule Restore(IReadOnlyList<RoutingWindow> windows, FallbackTriggers fallbackOn) => new(windows, fallbackOn);

    /// <summary>The slot covering a moment of the customer's week, if any.</summary>
    public RoutingWindow? WindowAt(DateTimeOffset localTime)
    {
        var day = localTime.DayOfWeek;
        var time = TimeOnly.FromTimeSpan(localTime.TimeOfDay);
        foreach (var window in Windows)
        {
            if (window.Covers(day, time))
            {
                return window;
            }
        }

        return null;
    }
}
