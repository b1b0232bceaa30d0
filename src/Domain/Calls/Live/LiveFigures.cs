namespace Store.Domain.Calls.Live;

/// <summary>The live figures of an account or a number: on the lines now, and today so far in the customer's time zone.</summary>
public sealed record LiveFigures(
    DateOnly Day,
    int InProgress,
    int Ringing,
    int Calls,
    int Answered,
    int Missed,
    int TalkSeconds,
    decimal Revenue,
    int ClosedByStore,
    DateTimeOffset? LastEventAt,
    IReadOnlyList<MinutePoint> PerMinute);

/// <summary>A number's figures within its account's.</summary>
public sealed record NumberFigures(Guid NumberId, string? Number, LiveFigures Figures);

/// <summary>An account's figures, each of its numbers' that had calls, and its latest calls, newest first.</summary>
public sealed record AccountFigures(Guid CustomerId, LiveFigures Figures, IReadOnlyList<NumberFigures> Numbers, IReadOnlyList<CallFacts> RecentCalls);
