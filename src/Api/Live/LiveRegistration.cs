using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Store.Api.Live;

public static class LiveRegistration
{
    /// <summary>
    /// Live call statistics: this process's figures, the bus that feeds them (Redis when ConnectionStrings:Redis is
    /// set), call-event ingestion and the sweep of calls left open. Safe to call from several roles.
    /// </summary>
    public static IHostApplicationBuilder AddLiveStatistics(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(s => s.ServiceType == typeof(LiveStatistics)))
        {
            return builder;
        }

        builder.Services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<LiveStatistics>();
        builder.Services.AddSingleton(s => s.GetRequiredService<LiveStatistics>().Board);
        builder.Services.AddSingleton<LiveRebuild>();
        builder.Services.AddScoped<CallEventIngestion>();
        var redis = builder.Configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            builder.Services.AddSingleton<ILiveBus, InProcessLiveBus>();
        }
        else
        {
            var configuration = ConfigurationOptions.Parse(redis);
            configuration.AbortOnConnectFail = false;
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration));
            builder.Services.AddSingleton<RedisLiveBus>();
            builder.Services.AddSingleton<ILiveBus>(s => s.GetRequiredService<RedisLiveBus>());
        }

        builder.Services.AddHostedService<LiveStartup>();
        builder.Services.AddHostedService<CallSweep>();
        builder.Services.AddOptions<Simulator.SimulatorOptions>().BindConfiguration(Simulator.SimulatorOptions.Section);
        builder.Services.AddHostedService<Simulator.TrafficSimulator>();
        return builder;
    }

    /// <summary>POST /api/call-events.</summary>
    public static IEndpointRouteBuilder MapLiveStatistics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCallEvents();
        return endpoints;
    }
}
