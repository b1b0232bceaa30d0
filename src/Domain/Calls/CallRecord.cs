namespace Store.Domain.Calls;

/// <summary>
/// A call as the telephony platform reported it, checked and classified, under the customer whose number made or
/// received it. One row per platform call id: a later version of the call replaces the fields and counts a revision.
/// </summary>
public sealed class CallRecord
{
    private CallRecord()
    {
    }

    public CallRecord(ValidCall call, Guid customerId, Guid numberId, DateOnly day, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(call);
        Id = Guid.CreateVersion7(receivedAt);
        PlatformCallId = call.PlatformCallId;
        CustomerId = customerId;
        NumberId = numberId;
        Revision = 0;
        Update(call, day, receivedAt);
    }

    public Guid Id { get; private set; }

    /// <summary>The platform's own id of the call: ingestion is idempotent by it.</summary>
    public string PlatformCallId { get; private set; } = string.Empty;

    public Guid CustomerId { get; private set; }

    /// <summary>The customer's number the call was made from or to.</summary>
    public Guid NumberId { get; private set; }

    /// <summary>1 for the first version received, then one more for each later version that replaced it.</summary>
    public int Revision { get; private set; }

    /// <summary>The calendar month of the start in the customer's zone ("2025-03").</summary>
    public string Period { get; private set; } = string.Empty;

    /// <summary>The calendar day of the start in the customer's zone: what daily figures and alerts count by.</summary>
    public DateOnly Day { get; private set; }

    public string Account { get; private set; } = string.Empty;

    /// <summary>The platform's user (extension, SIP user, agent) who made or took the call, for per-user limits.</summary>
    public string User { get; private set; } = string.Empty;

    public CallDirection Direction { get; private set; }

    public string Caller { get; private set; } = string.Empty;

    public string Callee { get; private set; } = string.Empty;

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset EndedAt { get; private set; }

    public CallDisposition Disposition { get; private set; }

    /// <summary>Seconds from the answer to the full hang-up: what is rated.</summary>
    public int Seconds { get; private set; }

    public int RecordedSeconds { get; private set; }

    public CallFlags Flags { get; private set; }

    /// <summary>The other party (callee of an outbound call, caller of an inbound one), classified at ingestion.</summary>
    public NumberCategory CorrespondentCategory { get; private set; }

    public string CorrespondentCountry { get; private set; } = string.Empty;

    public bool CorrespondentMobile { get; private set; }

    /// <summary>The correspondent's digits, the key distinct correspondents are counted by.</summary>
    public long CorrespondentKey { get; private set; }

    /// <summary>For a premium Smart Number: the tariff at answer and the changes during the call ("60:2,180:89").</summary>
    public int Tariff { get; private set; }

    public string? TariffChanges { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>Whether <paramref name="call"/> says the same as this record (a duplicate), field by field.</summary>
    public bool SameAs(ValidCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Direction == call.Direction && Account == call.Account.Number && User == call.User && Caller == call.Caller.Number && Callee == call.Callee.Number
            && StartedAt == call.StartedAt && AnsweredAt == call.AnsweredAt && EndedAt == call.EndedAt && Disposition == call.Disposition
            && RecordedSeconds == call.RecordedSeconds && Flags == call.Flags && Tariff == call.Tariff && TariffChanges == call.TariffChanges;
    }

    /// <summary>Takes a later version of the same call; <paramref name="day"/> is its start's day in the customer's zone.</summary>
    public void Update(ValidCall call, DateOnly day, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(call);
        Revision++;
        Day = day;
        Period = UsageMonth.Of(day);
        Account = call.Account.Number;
        User = call.User;
        Direction = call.Direction;
        Caller = call.Caller.Number;
        Callee = call.Callee.Number;
        StartedAt = call.StartedAt;
        AnsweredAt = call.AnsweredAt;
        EndedAt = call.EndedAt;
        Disposition = call.Disposition;
        Seconds = call.Seconds;
        RecordedSeconds = call.RecordedSeconds;
        Flags = call.Flags;
        var correspondent = call.Correspondent;
        CorrespondentCategory = correspondent.Category;
        CorrespondentCountry = correspondent.Country;
        CorrespondentMobile = correspondent.Mobile;
        CorrespondentKey = correspondent.Key;
        Tariff = call.Tariff;
        TariffChanges = call.TariffChanges;
        ReceivedAt = receivedAt;
    }
}
