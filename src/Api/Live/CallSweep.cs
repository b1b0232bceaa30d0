using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Store.Domain.Persistence;

namespace Store.Api.Live;

/// <summary>
/// Periodically: closes calls that stayed open longer than the longest call allowed (their end never came) and
/// flags them; forgets ended calls past their retention; deletes call events older than the event retention.
/// Every process sweeps; the close events have fixed ids, so only one process's close is kept and published.
/// </summary>
public sealed partial class CallSweep(IServiceScopeFactory scopes, LiveStatistics live, IOptions<LiveOptions> options, ILogger<CallSweep> log) : BackgroundService
{
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, live.Clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(log, e);
            }
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = live.Clock.GetUtcNow();
        var limit = options.Value.MaxCallDuration;
        var overdue = live.Board.OpenCallsFirstSeenBefore(now - limit);
        await using var scope = scopes.CreateAsyncScope();
        if (overdue.Count > 0)
        {
            var closed = await scope.ServiceProvider.GetRequiredService<CallEventIngestion>().CloseOverdueAsync(overdue, limit, cancellationToken);
            LogClosed(log, closed, limit);
        }

        live.Board.Forget(now);
        if (now - _lastPurge > TimeSpan.FromHours(1))
        {
            _lastPurge = now;
            var before = now - options.Value.EventRetention;
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            await db.CallEvents.IgnoreQueryFilters().Where(e => e.At < before).ExecuteDeleteAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Count} calls left open longer than {Limit}")]
    private static partial void LogClosed(ILogger logger, int count, TimeSpan limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep of open calls failed; it runs again at the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
