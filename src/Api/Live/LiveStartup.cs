using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Store.Api.Live;

/// <summary>At start: listen to the bus first, then merge what the database holds, so that no call falls between.</summary>
public sealed class LiveStartup(IServiceProvider services, LiveRebuild rebuild) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<RedisLiveBus>() is { } redis)
        {
            await redis.ListenAsync();
        }

        await rebuild.RunAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
