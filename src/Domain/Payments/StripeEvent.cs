namespace Store.Domain.Payments;

/// <summary>A webhook event from Stripe, kept by its id (unique): delivered again, it is recognised and not processed twice.</summary>
public sealed class StripeEvent
{
    private StripeEvent()
    {
    }

    public StripeEvent(string eventId, string type, DateTimeOffset createdAt, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        EventId = eventId;
        Type = type;
        CreatedAt = createdAt;
        ReceivedAt = receivedAt;
    }

    public string EventId { get; private set; } = string.Empty;

    public string Type { get; private set; } = string.Empty;

    /// <summary>When Stripe made the event (not when it arrived: events may come late and out of order).</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>What processing did ("payment recorded", "ignored: unknown invoice", ...), for someone looking into a payment.</summary>
    public string? Outcome { get; private set; }

    public void Processed(string outcome) => Outcome = outcome.Length > 300 ? outcome[..300] : outcome;
}
