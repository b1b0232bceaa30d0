namespace Store.Domain.Numbers.Routing;

/// <summary>A caller refused on a number, for a while or for good (001, "Liste noire").</summary>
public sealed class BlockedCaller
{
    private BlockedCaller()
    {
    }

    internal BlockedCaller(Guid numberId, string caller, DateTimeOffset? until, string? note, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        NumberId = numberId;
        Caller = caller;
        Until = until;
        Note = note;
        BlockedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid NumberId { get; private set; }

    /// <summary>The caller's number in E.164.</summary>
    public string Caller { get; private set; } = string.Empty;

    /// <summary>When the block lifts by itself; null blocks for good.</summary>
    public DateTimeOffset? Until { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset BlockedAt { get; private set; }

    public bool IsActive(DateTimeOffset now) => Until is null || Until > now;

    internal void Extend(DateTimeOffset? until, string? note)
    {
        Until = until;
        Note = note;
    }
}
