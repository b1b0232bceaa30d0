namespace Store.Domain.Calls;

/// <summary>A call event Store refused, kept as it came with the reason, so that nothing is silently dropped.</summary>
public sealed class QuarantinedCallEvent
{
    public const int MaxPayloadLength = 4000;

    private QuarantinedCallEvent()
    {
    }

    public QuarantinedCallEvent(string source, string? eventId, string payload, string reason, DateTimeOffset receivedAt)
    {
        Id = Guid.CreateVersion7(receivedAt);
        Source = source.Length > 200 ? source[..200] : source;
        EventId = eventId is { Length: > CallEvent.MaxIdLength } ? eventId[..CallEvent.MaxIdLength] : eventId;
        Payload = payload.Length > MaxPayloadLength ? payload[..MaxPayloadLength] : payload;
        Reason = reason.Length > 1000 ? reason[..1000] : reason;
        ReceivedAt = receivedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>Who sent it: the OAuth client, or "simulator".</summary>
    public string Source { get; private set; } = string.Empty;

    public string? EventId { get; private set; }

    /// <summary>The event's JSON as received (cut at <see cref="MaxPayloadLength"/> characters).</summary>
    public string Payload { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; private set; }
}
