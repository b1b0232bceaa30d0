namespace Store.Domain.Calls;

/// <summary>Seen from the customer: a call its users make, or a call its numbers receive.</summary>
public enum CallDirection : byte
{
    Outbound,
    Inbound,
}

public enum CallDisposition : byte
{
    Answered,
    NoAnswer,
    Busy,
    Failed,
}

/// <summary>What the platform says happened to the call besides being answered.</summary>
[Flags]
public enum CallFlags : byte
{
    None = 0,

    /// <summary>Transferred (004 art. 3: counted until the full hang-up, so the record's end is the last leg's).</summary>
    Transferred = 1,

    /// <summary>A forwarding to an external number (003: outside the bundle).</summary>
    Forwarded = 2,

    /// <summary>A web call-back (004 art. 4.5): the platform places two calls, both billed.</summary>
    WebCallBack = 4,
}
