namespace Store.Domain.Persistence;

/// <summary>
/// A request sent with an Idempotency-Key: the first one's answer is kept, and a repeat of the same request with the
/// same key gets that answer again instead of doing the work twice.
/// </summary>
public sealed class IdempotentRequest
{
    private IdempotentRequest()
    {
    }

    public IdempotentRequest(string caller, string key, string requestHash, DateTimeOffset now)
    {
        Caller = caller;
        Key = key;
        RequestHash = requestHash;
        StartedAt = now;
    }

    public long Id { get; private set; }

    /// <summary>Who sent it: keys are per caller, so two clients never collide.</summary>
    public string Caller { get; private set; } = string.Empty;

    public string Key { get; private set; } = string.Empty;

    /// <summary>The SHA-256 of the request, so the same key with another request is refused.</summary>
    public string RequestHash { get; private set; } = string.Empty;

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public int StatusCode { get; private set; }

    public string? Response { get; private set; }

    public void Complete(int statusCode, string response, DateTimeOffset now)
    {
        StatusCode = statusCode;
        Response = response;
        CompletedAt = now;
    }

    /// <summary>Takes over a request whose first attempt died before answering.</summary>
    public void Restart(DateTimeOffset now) => StartedAt = now;
}
