using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Store.Domain.Calls.Live;
using Store.Domain.Persistence;

namespace Store.Api.Live;

/// <summary>
/// Merges the calls of the last day and a bit (today in every time zone, and calls still open from yesterday) from
/// the database into this process's figures: at start, and after a lost connection to the bus.
/// </summary>
public sealed partial class LiveRebuild(IServiceScopeFactory scopes, LiveStatistics live, ILogger<LiveRebuild> log)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(27);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var since = live.Clock.GetUtcNow() - Window;

        // The live figures are the operator's view of every line: no tenant narrows this read.
        var events = await db.CallEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.At >= since).ToListAsync(cancellationToken);
        var customerIds = events.Select(e => e.CustomerId).Distinct().ToList();
        var zones = await db.Customers.IgnoreQueryFilters().AsNoTracking()
            .Where(c => customerIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.TimeZone, cancellationToken);
        var calls = events
            .GroupBy(e => (e.CustomerId, e.CallId))
            .Select(g => CallFacts.From(g, zones.GetValueOrDefault(g.Key.CustomerId, Domain.LocalTime.Paris)))
            .ToList();
        live.Receive(calls);
        LogRebuilt(log, calls.Count, events.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live figures rebuilt from {Calls} calls ({Events} events)")]
    private static partial void LogRebuilt(ILogger logger, int calls, int events);
}
