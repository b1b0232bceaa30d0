namespace Store.Domain.Calls;

/// <summary>
/// A record that could not be taken, kept with the reason and the content as received, so that nothing is lost:
/// once the cause is fixed (the number added, the record corrected) it is replayed.
/// </summary>
public sealed class QuarantinedCall
{
    private QuarantinedCall()
    {
    }

    public QuarantinedCall(string format, string raw, CallRecordInput record, Problem problem, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(problem);
        Id = Guid.CreateVersion7(receivedAt);
        Format = format;
        Raw = raw;
        Record = record.ToJson();
        PlatformCallId = record.CallId is { Length: <= 128 } id ? id : null;
        ReceivedAt = receivedAt;
        Refuse(problem, receivedAt);
    }

    public Guid Id { get; private set; }

    /// <summary>json, asterisk or freeswitch.</summary>
    public string Format { get; private set; } = string.Empty;

    /// <summary>The record exactly as received (a CSV line, a JSON object).</summary>
    public string Raw { get; private set; } = string.Empty;

    /// <summary>The record read field by field (JSON of <see cref="CallRecordInput"/>), what a replay sends again.</summary>
    public string Record { get; private set; } = string.Empty;

    public string? PlatformCallId { get; private set; }

    public string Field { get; private set; } = string.Empty;

    public string Reason { get; private set; } = string.Empty;

    public string Code { get; private set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset LastTriedAt { get; private set; }

    /// <summary>When a replay was accepted; the quarantined row stays as history.</summary>
    public DateTimeOffset? ReplayedAt { get; private set; }

    public Guid? CallRecordId { get; private set; }

    public CallRecordInput Input() => CallRecordInput.FromJson(Record);

    public void Refuse(Problem problem, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Field = problem.Field;
        Reason = problem.Message;
        Code = problem.Code;
        LastTriedAt = at;
    }

    public void Correct(CallRecordInput record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Record = record.ToJson();
    }

    public void Replayed(Guid callRecordId, DateTimeOffset at)
    {
        CallRecordId = callRecordId;
        ReplayedAt = at;
        LastTriedAt = at;
    }
}
