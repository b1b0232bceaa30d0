namespace Store.Domain.Identity;

/// <summary>
/// One sign-in or security change, kept for the account's owner to read: who, what, when and from where.
/// Entries are only ever added.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(DateTimeOffset at, string action, Guid? userId, string? email, Guid? customerId, Guid? resellerId, string? ipAddress, string? userAgent, string? detail = null)
    {
        At = at;
        Action = action;
        UserId = userId;
        Email = email;
        CustomerId = customerId;
        ResellerId = resellerId;
        IpAddress = ipAddress;
        UserAgent = userAgent is { Length: > 300 } ? userAgent[..300] : userAgent;
        Detail = detail;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>A stable code: sign-in, sign-in-failed, locked-out, password-changed, two-factor-enabled, ...</summary>
    public string Action { get; private set; } = string.Empty;

    public Guid? UserId { get; private set; }

    public string? Email { get; private set; }

    public Guid? CustomerId { get; private set; }

    public Guid? ResellerId { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public string? Detail { get; private set; }
}

/// <summary>A browser a person has signed in from, so that a sign-in from a new one is told by e-mail.</summary>
public sealed class KnownDevice
{
    private KnownDevice()
    {
    }

    public KnownDevice(Guid userId, string deviceHash, string? userAgent, DateTimeOffset now)
    {
        UserId = userId;
        DeviceHash = deviceHash;
        UserAgent = userAgent is { Length: > 300 } ? userAgent[..300] : userAgent;
        FirstSeen = now;
        LastSeen = now;
    }

    public long Id { get; private set; }

    public Guid UserId { get; private set; }

    public string DeviceHash { get; private set; } = string.Empty;

    public string? UserAgent { get; private set; }

    public DateTimeOffset FirstSeen { get; private set; }

    public DateTimeOffset LastSeen { get; private set; }

    public void Seen(DateTimeOffset now) => LastSeen = now;
}
