using System.Net;
using Store.Api.Tests.Identity;
using Store.Domain.Catalog;

namespace Store.Api.Tests.Live;

/// <summary>
/// Two host processes sharing one SQLite file and a real redis-server: an event ingested by one reaches a subscriber
/// of the other, and both end with the same figures.
/// </summary>
public sealed class RedisFanOutTests
{
    [Fact]
    public async Task An_event_ingested_by_one_process_reaches_a_subscriber_of_the_other_and_both_count_it_once()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var first = new IdentityFactory();
        first.Settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        first.Settings["Store:Live:PushInterval"] = "00:00:00.050";
        var firstHttp = first.CreateClient();

        await using var second = new IdentityFactory();
        second.Settings["ConnectionStrings:Store"] = $"Data Source={first.DatabasePath}";
        second.Settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        var secondHttp = second.CreateClient();

        // The customer and the reseller's watching token come from the first process; the platform posts to the second.
        var world = await LiveWorld.CreateAsync(first, firstHttp, "Agence Répartie", Market.FR, "+33184800020");
        var platformAtSecond = await secondHttp.TokenAsync(Site.Identity.OpenId.OpenIdClientSeeder.PlatformClientId, IdentityFactory.PlatformSecret, Domain.Identity.StoreScopes.CallsWrite);
        using var socket = await LiveSocket.ConnectAsync(first, world.ResellerToken);
        await socket.SubscribeAsync("s", LiveWorld.StatisticsQuery, new { id = world.AccountId });
        await socket.NextAsync("s", _ => true);

        var at = DateTimeOffset.UtcNow.AddSeconds(-30);
        var atSecond = world with { PlatformToken = platformAtSecond };
        var (response, body) = await atSecond.PostEventsAsync(secondHttp, LiveWorld.Event("x-1", "call-x", "+33184800020", "started", at), LiveWorld.Event("x-2", "call-x", "+33184800020", "answered", at.AddSeconds(2)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (int)body["accepted"]!);

        var pushed = await socket.NextAsync("s", d => (int)d["callStatistics"]!["inProgress"]! == 1);
        Assert.Equal(1, (int)pushed["data"]!["callStatistics"]!["answeredToday"]!);

        // The same batch again, now through the first process: the shared database knows the ids, nothing moves anywhere.
        var (_, again) = await world.PostEventsAsync(firstHttp, LiveWorld.Event("x-1", "call-x", "+33184800020", "started", at));
        Assert.Equal(1, (int)again["duplicates"]!);

        // Both processes hold the same figures: a subscriber of the second sees what the first showed.
        var resellerAtSecond = await secondHttp.TokenAsync(world.ResellerClient.Client.ClientId, world.ResellerClient.Secret);
        using var other = await LiveSocket.ConnectAsync(second, resellerAtSecond);
        await other.SubscribeAsync("s", LiveWorld.StatisticsQuery, new { id = world.AccountId });
        var there = (await other.NextAsync("s", _ => true))["data"]!["callStatistics"]!;
        var here = pushed["data"]!["callStatistics"]!;
        foreach (var figure in new[] { "callsToday", "answeredToday", "inProgress", "missedToday" })
        {
            Assert.Equal((int)here[figure]!, (int)there[figure]!);
        }
    }
}
