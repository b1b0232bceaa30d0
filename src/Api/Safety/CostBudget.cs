using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Store.Api.Safety;

/// <summary>What a request cost and what its caller has left this minute.</summary>
public sealed record CostReport(double Cost, double Limit, double Remaining, TimeSpan ResetsIn, bool Refused);

/// <summary>
/// A budget of points per caller, refilled every minute (fixed windows, one process). A request that costs more
/// than what is left is refused before it runs.
/// </summary>
public sealed class CostBudget(IOptions<CostOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    private sealed class Window
    {
        public DateTimeOffset Start { get; set; }

        public double Spent { get; set; }
    }

    public CostReport Spend(string caller, bool anonymous, double cost)
    {
        var limit = anonymous ? options.Value.AnonymousPointsPerMinute : options.Value.PointsPerMinute;
        var now = clock.GetUtcNow();
        var window = _windows.GetOrAdd(caller, _ => new Window { Start = now });
        lock (window)
        {
            if (now - window.Start >= TimeSpan.FromMinutes(1))
            {
                window.Start = now;
                window.Spent = 0;
            }

            var resetsIn = window.Start.AddMinutes(1) - now;
            if (window.Spent + cost > limit)
            {
                return new CostReport(cost, limit, limit - window.Spent, resetsIn, true);
            }

            window.Spent += cost;
            if (_windows.Count > 100_000)
            {
                Sweep(now);
            }

            return new CostReport(cost, limit, limit - window.Spent, resetsIn, false);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
        {
            if (now - window.Start >= TimeSpan.FromMinutes(1))
            {
                _windows.TryRemove(key, out _);
            }
        }
    }
}
