namespace Store.Domain.Calls;

/// <summary>What the telephony platform says happened on a line.</summary>
public enum CallEventKind
{
    Started,
    Answered,
    Ended,
}

/// <summary>
/// One event of a call as the platform sent it, kept compact: the unique <see cref="EventId"/> makes ingestion
/// idempotent across retries and processes, and the table lets every process rebuild today's live figures when it
/// starts. Store writes one event itself: the end of a call left open past the fair-use limit (<see cref="ClosedByStore"/>).
/// </summary>
public sealed class CallEvent
{
    public const int MaxIdLength = 64;
    public const int MaxPartyLength = 32;

    private CallEvent()
    {
    }

    public CallEvent(string eventId, string callId, Guid customerId, Guid? numberId, string? number, CallEventKind kind, DateTimeOffset at, CallDirection direction, DateTimeOffset receivedAt)
    {
        Id = Guid.CreateVersion7(receivedAt);
        EventId = eventId;
        CallId = callId;
        CustomerId = customerId;
        NumberId = numberId;
        Number = number;
        Kind = kind;
        At = at;
        Direction = direction;
        ReceivedAt = receivedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The platform's id of this event: the same id sent twice is the same event.</summary>
    public string EventId { get; private set; } = string.Empty;

    /// <summary>The platform's id of the call the event belongs to.</summary>
    public string CallId { get; private set; } = string.Empty;

    public Guid CustomerId { get; private set; }

    /// <summary>The customer's number the call is on, when the platform named one.</summary>
    public Guid? NumberId { get; private set; }

    /// <summary>That number in E.164.</summary>
    public string? Number { get; private set; }

    public CallEventKind Kind { get; private set; }

    /// <summary>When it happened, by the platform's clock.</summary>
    public DateTimeOffset At { get; private set; }

    public CallDirection Direction { get; private set; }

    public string? Caller { get; set; }

    public string? Callee { get; set; }

    /// <summary>Talk time the platform reports with an end, in seconds.</summary>
    public int? DurationSeconds { get; set; }

    /// <summary>A premium-rate (090x) number's tariff for this call, per minute, in the customer's currency.</summary>
    public decimal? TariffPerMinute { get; set; }

    /// <summary>A premium-rate number's revenue for this call, in the customer's currency, when the platform gives it.</summary>
    public decimal? Revenue { get; set; }

    /// <summary>Set on the end Store writes for a call that stayed open past the longest call allowed.</summary>
    public bool ClosedByStore { get; set; }

    public DateTimeOffset ReceivedAt { get; private set; }
}
