namespace Store.Domain.Numbers.Routing;

public enum ScheduledChangeStatus
{
    Pending,
    Applied,
    Cancelled,
}

/// <summary>A destination change the customer planned for a date and time (001: "immédiat ou programmé").</summary>
public sealed class ScheduledDestinationChange
{
    private ScheduledDestinationChange()
    {
    }

    internal ScheduledDestinationChange(Guid numberId, string destination, DateTimeOffset effectiveAt, DateTimeOffset requestedAt)
    {
        Id = Guid.CreateVersion7(requestedAt);
        NumberId = numberId;
        Destination = destination;
        EffectiveAt = effectiveAt;
        RequestedAt = requestedAt;
        Status = ScheduledChangeStatus.Pending;
    }

    public Guid Id { get; private set; }

    public Guid NumberId { get; private set; }

    /// <summary>The new destination, in E.164.</summary>
    public string Destination { get; private set; } = string.Empty;

    public DateTimeOffset EffectiveAt { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public ScheduledChangeStatus Status { get; private set; }

    /// <summary>When it was applied or cancelled.</summary>
    public DateTimeOffset? SettledAt { get; private set; }

    internal void MarkApplied(DateTimeOffset at)
    {
        Status = ScheduledChangeStatus.Applied;
        SettledAt = at;
    }

    public Outcome<ScheduledDestinationChange> Cancel(DateTimeOffset now)
    {
        if (Status != ScheduledChangeStatus.Pending)
        {
            return Outcome<ScheduledDestinationChange>.Failure(new Problem("changeId", $"This change is already {Status.ToString().ToLowerInvariant()}.", "NOT_PENDING"));
        }

        Status = ScheduledChangeStatus.Cancelled;
        SettledAt = now;
        return Outcome<ScheduledDestinationChange>.Success(this);
    }
}
