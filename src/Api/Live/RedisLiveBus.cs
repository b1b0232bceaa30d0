using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Store.Domain.Calls.Live;

namespace Store.Api.Live;

/// <summary>
/// Several processes: updates are published on one Redis channel, and every process, the publisher included,
/// applies what it receives in the order Redis delivers it. Facts merge in any order, so two processes that
/// received the same updates show the same figures. Pub/sub keeps nothing for a process that was cut off: after a
/// reconnection the process merges again what the database holds (see <see cref="LiveRebuild"/>).
/// </summary>
public sealed partial class RedisLiveBus(IConnectionMultiplexer redis, LiveStatistics live, LiveRebuild rebuild, ILogger<RedisLiveBus> log) : ILiveBus
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("store:live:calls");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task PublishAsync(IReadOnlyList<CallFacts> calls, CancellationToken cancellationToken) =>
        redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.SerializeToUtf8Bytes(calls, Json));

    /// <summary>Starts listening; call once at start, before the figures are rebuilt so that nothing falls between.</summary>
    public async Task ListenAsync()
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        queue.OnMessage(message =>
        {
            try
            {
                var calls = JsonSerializer.Deserialize<List<CallFacts>>((byte[])message.Message!, Json);
                if (calls is { Count: > 0 })
                {
                    live.Receive(calls);
                }
            }
            catch (JsonException e)
            {
                LogUnreadable(log, e);
            }
        });
        redis.ConnectionRestored += (_, args) =>
        {
            if (args.ConnectionType == ConnectionType.Subscription)
            {
                _ = rebuild.RunAsync(CancellationToken.None);
            }
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A live call update from Redis could not be read")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
