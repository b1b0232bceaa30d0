namespace Store.Domain.Calls.Live;

/// <summary>
/// The running figures of an account or of one number. Each call adds its <see cref="Share"/>; when the call
/// changes, its old share is taken back and the new one added, so the figures never count a call twice.
/// </summary>
internal sealed class LiveTally
{
    private readonly Dictionary<DateOnly, DayTotals> _days = [];
    private readonly MinuteSeries _series = new();

    public int InProgress { get; private set; }

    public int Ringing { get; private set; }

    public DateTimeOffset? LastEventAt { get; private set; }

    public void Add(Share share, int sign, DateTimeOffset now)
    {
        InProgress += sign * (share.InProgress ? 1 : 0);
        Ringing += sign * (share.Ringing ? 1 : 0);
        if (!_days.TryGetValue(share.Day, out var day))
        {
            if (sign < 0)
            {
                return;
            }

            _days[share.Day] = day = new DayTotals();
            Prune(share.Day);
        }

        day.Calls += sign;
        day.Answered += sign * (share.Answered ? 1 : 0);
        day.Missed += sign * (share.Missed ? 1 : 0);
        day.TalkSeconds += sign * share.TalkSeconds;
        day.Revenue += sign * share.Revenue;
        day.ClosedByStore += sign * (share.ClosedByStore ? 1 : 0);
        _series.Count(share.Minute, sign, sign * (share.Answered ? 1 : 0), sign * (share.Missed ? 1 : 0));
        _series.RecordInProgress(MinuteSeries.MinuteOf(now), InProgress);
    }

    public void Saw(DateTimeOffset lastEventAt)
    {
        if (LastEventAt is null || lastEventAt > LastEventAt)
        {
            LastEventAt = lastEventAt;
        }
    }

    public LiveFigures Figures(DateOnly today, DateTimeOffset now, int minutes)
    {
        var day = _days.GetValueOrDefault(today) ?? new DayTotals();
        return new LiveFigures(today, InProgress, Ringing, day.Calls, day.Answered, day.Missed, day.TalkSeconds, day.Revenue, day.ClosedByStore, LastEventAt, _series.Last(now, minutes, InProgress));
    }

    /// <summary>Keeps today and yesterday (a call crossing midnight), nothing older.</summary>
    private void Prune(DateOnly newest)
    {
        foreach (var old in _days.Keys.Where(d => d < newest.AddDays(-1)).ToList())
        {
            _days.Remove(old);
        }
    }

    private sealed class DayTotals
    {
        public int Calls { get; set; }

        public int Answered { get; set; }

        public int Missed { get; set; }

        public int TalkSeconds { get; set; }

        public decimal Revenue { get; set; }

        public int ClosedByStore { get; set; }
    }
}

/// <summary>What one call adds to the figures: counted on the day and in the minute it was first seen.</summary>
internal readonly record struct Share(DateOnly Day, long Minute, bool InProgress, bool Ringing, bool Answered, bool Missed, int TalkSeconds, decimal Revenue, bool ClosedByStore)
{
    public static Share Of(CallFacts call, TimeZoneInfo zone)
    {
        var first = call.FirstSeenAt;
        return new Share(
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(first, zone).DateTime),
            MinuteSeries.MinuteOf(first),
            !call.Ended,
            !call.Ended && !call.WasAnswered,
            call.WasAnswered,
            call.Status == LiveCallStatus.Missed,
            call.TalkSeconds,
            call.EarnedRevenue,
            call.ClosedByStore);
    }
}
