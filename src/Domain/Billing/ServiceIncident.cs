namespace Store.Domain.Billing;

/// <summary>An interruption of a subscription's service, recorded in the back office; SLA credits are computed from them.</summary>
public sealed class ServiceIncident
{
    private ServiceIncident()
    {
    }

    public ServiceIncident(Guid customerId, Guid subscriptionId, DateTimeOffset start, DateTimeOffset end, bool excusable, string description, DateTimeOffset now)
    {
        if (end <= start)
        {
            throw new ArgumentException("An interruption ends after it starts.", nameof(end));
        }

        Id = Guid.CreateVersion7(now);
        CustomerId = customerId;
        SubscriptionId = subscriptionId;
        Start = start;
        End = end;
        Excusable = excusable;
        Description = description;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid SubscriptionId { get; private set; }

    public DateTimeOffset Start { get; private set; }

    public DateTimeOffset End { get; private set; }

    public bool Excusable { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; private set; }

    public SlaIncident ToIncident() => new(SubscriptionId, Start, End, Excusable);
}
