namespace Store.Api.Live;

/// <summary>Live call statistics, under Store:Live.</summary>
public sealed class LiveOptions
{
    public const string Section = "Store:Live";

    /// <summary>The shortest time between two pushes to one subscriber: changes in between are coalesced into the next.</summary>
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest call the plans allow (fair use: 2 h a call); a call open longer is closed and flagged.</summary>
    public TimeSpan MaxCallDuration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often calls left open are looked for, and ended calls forgotten.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an ended call stays in memory to merge late events (retries are already dropped by event id); each
    /// account also keeps its 20 latest calls for its list. A later event of a forgotten call is stored, not counted live.
    /// </summary>
    public TimeSpan FinishedCallRetention { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long call events are kept in the database, for idempotency and to rebuild the figures.</summary>
    public TimeSpan EventRetention { get; set; } = TimeSpan.FromDays(3);

    /// <summary>The most events one batch may carry.</summary>
    public int MaxBatchSize { get; set; } = 1000;
}
