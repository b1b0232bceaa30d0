namespace Store.Domain.Calls.Live;

/// <summary>Where a call stands, as a customer reads it.</summary>
public enum LiveCallStatus
{
    /// <summary>Started, not answered yet.</summary>
    Ringing,

    /// <summary>Answered, not ended yet.</summary>
    InProgress,

    /// <summary>Answered and ended.</summary>
    Completed,

    /// <summary>An inbound call that ended without an answer.</summary>
    Missed,

    /// <summary>An outbound call that ended without an answer.</summary>
    NotAnswered,
}

/// <summary>
/// Everything known about one call from its events. Facts only grow: <see cref="Merge"/> is commutative, associative
/// and idempotent, so events arriving twice, late, out of order or through several processes all end in the same call.
/// </summary>
public sealed record CallFacts(
    string CallId,
    Guid CustomerId,
    string TimeZone,
    Guid? NumberId,
    string? Number,
    CallDirection Direction,
    string? Caller,
    string? Callee,
    DateTimeOffset? StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    bool ClosedByStore,
    int? DurationSeconds,
    decimal? TariffPerMinute,
    decimal? Revenue,
    DateTimeOffset LastEventAt)
{
    /// <summary>The facts of one call from its events (at least one), in any order.</summary>
    public static CallFacts From(IEnumerable<CallEvent> events, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(events);
        CallFacts? facts = null;
        foreach (var e in events)
        {
            var one = Of(e, timeZone);
            facts = facts is null ? one : facts.Merge(one);
        }

        return facts ?? throw new ArgumentException("A call has at least one event.", nameof(events));
    }

    public static CallFacts Of(CallEvent e, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new CallFacts(
            e.CallId,
            e.CustomerId,
            timeZone,
            e.NumberId,
            e.Number,
            e.Direction,
            e.Caller,
            e.Callee,
            e.Kind == CallEventKind.Started ? e.At : null,
            e.Kind == CallEventKind.Answered ? e.At : null,
            e.Kind == CallEventKind.Ended ? e.At : null,
            e.ClosedByStore,
            e.DurationSeconds,
            e.TariffPerMinute,
            e.Revenue,
            e.At);
    }

    public CallFacts Merge(CallFacts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other == this)
        {
            return this;
        }

        // A real end beats the end Store wrote at the fair-use limit; between two ends of the same kind, the later.
        var (endedAt, closedByStore) = (EndedAt, other.EndedAt) switch
        {
            (null, _) => (other.EndedAt, other.ClosedByStore),
            (_, null) => (EndedAt, ClosedByStore),
            _ when ClosedByStore != other.ClosedByStore => ClosedByStore ? (other.EndedAt, false) : (EndedAt, false),
            _ => (Max(EndedAt, other.EndedAt), ClosedByStore),
        };
        return new CallFacts(
            CallId,
            CustomerId,
            TimeZone,
            NumberId ?? other.NumberId,
            Pick(Number, other.Number),
            Direction,
            Pick(Caller, other.Caller),
            Pick(Callee, other.Callee),
            Min(StartedAt, other.StartedAt),
            Min(AnsweredAt, other.AnsweredAt),
            endedAt,
            closedByStore,
            DurationSeconds is null ? other.DurationSeconds : other.DurationSeconds is null ? DurationSeconds : Math.Max(DurationSeconds.Value, other.DurationSeconds.Value),
            TariffPerMinute is null ? other.TariffPerMinute : other.TariffPerMinute is null ? TariffPerMinute : Math.Max(TariffPerMinute.Value, other.TariffPerMinute.Value),
            Revenue is null ? other.Revenue : other.Revenue is null ? Revenue : Math.Max(Revenue.Value, other.Revenue.Value),
            LastEventAt > other.LastEventAt ? LastEventAt : other.LastEventAt);
    }

    /// <summary>When the call was first seen: its start, else its answer, else its end (a call with only an end still counts).</summary>
    public DateTimeOffset FirstSeenAt => StartedAt ?? AnsweredAt ?? EndedAt ?? LastEventAt;

    public bool Ended => EndedAt is not null;

    public bool WasAnswered => AnsweredAt is not null || DurationSeconds > 0;

    public LiveCallStatus Status => (Ended, WasAnswered) switch
    {
        (false, false) => LiveCallStatus.Ringing,
        (false, true) => LiveCallStatus.InProgress,
        (true, true) => LiveCallStatus.Completed,
        _ => Direction == CallDirection.Inbound ? LiveCallStatus.Missed : LiveCallStatus.NotAnswered,
    };

    /// <summary>Talk time of an ended call: what the platform reported, else from answer to end.</summary>
    public int TalkSeconds => !Ended || !WasAnswered ? 0
        : DurationSeconds ?? (AnsweredAt is { } answered ? (int)Math.Max(0, Math.Round((EndedAt!.Value - answered).TotalSeconds)) : 0);

    /// <summary>A premium-rate call's revenue once ended: the platform's figure, else the tariff per second of talk, to the cent.</summary>
    public decimal EarnedRevenue => !Ended ? 0m
        : Revenue ?? (TariffPerMinute is { } tariff ? Math.Round(tariff * TalkSeconds / 60m, 2, MidpointRounding.AwayFromZero) : 0m);

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string? Pick(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) <= 0 ? a : b;
}
