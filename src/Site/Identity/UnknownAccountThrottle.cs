using Microsoft.Extensions.Caching.Memory;

namespace Store.Site.Identity;

/// <summary>
/// Counts failed sign-ins for addresses that have no account and "locks" them like real accounts, so that the
/// lockout message never tells an attacker which addresses exist.
/// </summary>
public sealed class UnknownAccountThrottle(TimeProvider clock) : IDisposable
{
    // Its own bounded cache: a flood of made-up addresses cannot grow memory without limit.
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public void Dispose() => cache.Dispose();

    private sealed class Counter
    {
        public int Failures { get; set; }

        public DateTimeOffset? LockedUntil { get; set; }
    }

    /// <summary>The end of the pretend lockout, if the address is "locked".</summary>
    public DateTimeOffset? LockedUntil(string email) =>
        cache.Get<Counter>(Key(email)) is { LockedUntil: { } until } && until > clock.GetUtcNow() ? until : null;

    /// <summary>Counts a failure; returns the lockout end once the address reaches the same limit as real accounts.</summary>
    public DateTimeOffset? Failed(string email)
    {
        var counter = cache.GetOrCreate(Key(email), e =>
        {
            e.AbsoluteExpirationRelativeToNow = IdentitySetup.LockoutDuration * 2;
            e.Size = 1;
            return new Counter();
        })!;
        lock (counter)
        {
            counter.Failures++;
            if (counter.Failures >= IdentitySetup.MaxFailedAttempts)
            {
                counter.Failures = 0;
                counter.LockedUntil = clock.GetUtcNow() + IdentitySetup.LockoutDuration;
            }

            return counter.LockedUntil > clock.GetUtcNow() ? counter.LockedUntil : null;
        }
    }

    private static string Key(string email) => "unknown-sign-in:" + email.Trim().ToUpperInvariant();
}
