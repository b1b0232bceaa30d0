namespace Store.Domain.Calls;

/// <summary>A call record that passed every check, its numbers classified.</summary>
public sealed record ValidCall(
    string PlatformCallId,
    ClassifiedNumber Account,
    string User,
    CallDirection Direction,
    ClassifiedNumber Caller,
    ClassifiedNumber Callee,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset EndedAt,
    CallDisposition Disposition,
    int Seconds,
    int RecordedSeconds,
    CallFlags Flags,
    int Tariff,
    string? TariffChanges)
{
    /// <summary>The other party: the callee of an outbound call, the caller of an inbound one.</summary>
    public ClassifiedNumber Correspondent => Direction == CallDirection.Outbound ? Callee : Caller;
}
