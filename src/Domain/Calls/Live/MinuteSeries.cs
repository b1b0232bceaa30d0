namespace Store.Domain.Calls.Live;

/// <summary>One minute of a live chart: calls that began in it, how they went, and the most calls on the lines at once.</summary>
public sealed record MinutePoint(DateTimeOffset Minute, int Calls, int Answered, int Missed, int PeakInProgress);

/// <summary>
/// The last <see cref="Capacity"/> minutes in a ring: fixed memory whatever the traffic, and from the first call on
/// (one array of plain values, about 6 KiB, not an object per minute that fills the ring over three hours). A slot
/// holds the minute it counts; a slot whose minute has passed out of the window is reused for the new minute.
/// </summary>
public sealed class MinuteSeries
{
    public const int Capacity = 180;

    private readonly Slot[] _slots = new Slot[Capacity];

    public static long MinuteOf(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / 60;

    /// <summary>Adds (or, with a negative sign, takes back) a call counted in its first minute.</summary>
    public void Count(long minute, int calls, int answered, int missed)
    {
        ref var slot = ref SlotFor(minute, out var inWindow);
        if (inWindow)
        {
            slot.Calls += calls;
            slot.Answered += answered;
            slot.Missed += missed;
        }
    }

    public void RecordInProgress(long minute, int inProgress)
    {
        ref var slot = ref SlotFor(minute, out var inWindow);
        if (inWindow)
        {
            slot.PeakInProgress = Math.Max(slot.PeakInProgress, inProgress);
            slot.EndLevel = inProgress;
        }
    }

    /// <summary>The <paramref name="minutes"/> minutes up to and including <paramref name="now"/>'s, oldest first, zeros where nothing happened.</summary>
    /// <remarks>A minute without any change keeps the level of calls in progress the previous minute ended with.</remarks>
    public IReadOnlyList<MinutePoint> Last(DateTimeOffset now, int minutes, int inProgressNow)
    {
        minutes = Math.Clamp(minutes, 1, Capacity);
        var current = MinuteOf(now);
        var points = new MinutePoint[minutes];
        var level = 0;
        for (var i = 0; i < minutes; i++)
        {
            var minute = current - minutes + 1 + i;
            ref readonly var slot = ref _slots[Index(minute)];
            var at = DateTimeOffset.FromUnixTimeSeconds(minute * 60);
            if (slot.Used && slot.Minute == minute)
            {
                var peak = Math.Max(Math.Max(level, slot.PeakInProgress), minute == current ? inProgressNow : 0);
                points[i] = new MinutePoint(at, slot.Calls, slot.Answered, slot.Missed, peak);
                level = slot.EndLevel;
            }
            else
            {
                points[i] = new MinutePoint(at, 0, 0, 0, minute == current ? Math.Max(level, inProgressNow) : level);
            }
        }

        return points;
    }

    /// <summary>The slot of the minute; <paramref name="inWindow"/> false when the minute is older than the window.</summary>
    private ref Slot SlotFor(long minute, out bool inWindow)
    {
        ref var slot = ref _slots[Index(minute)];
        inWindow = true;
        if (slot.Used && slot.Minute == minute)
        {
            return ref slot;
        }

        if (slot.Used && minute < slot.Minute)
        {
            inWindow = false; // Older than the window: the slot already counts a later minute.
            return ref slot;
        }

        slot = new Slot { Used = true, Minute = minute };
        return ref slot;
    }

    private static int Index(long minute) => (int)(((minute % Capacity) + Capacity) % Capacity);

    private struct Slot
    {
        public long Minute;

        public bool Used;

        public int Calls;

        public int Answered;

        public int Missed;

        public int PeakInProgress;

        /// <summary>Calls in progress after the minute's last change.</summary>
        public int EndLevel;
    }
}
