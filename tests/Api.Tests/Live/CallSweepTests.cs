using Store.Api.Tests.Identity;
using Store.Domain.Catalog;

namespace Store.Api.Tests.Live;

/// <summary>A call whose end never comes is closed at the fair-use limit and flagged.</summary>
public sealed class CallSweepTests : IClassFixture<IdentityFactory>
{
    private readonly IdentityFactory _host;

    public CallSweepTests(IdentityFactory host)
    {
        host.Settings["Store:Live:SweepInterval"] = "00:00:00.200";
        host.Settings["Store:Live:PushInterval"] = "00:00:00.050";
        _host = host;
    }

    [Fact]
    public async Task A_call_open_longer_than_two_hours_is_closed_and_flagged_and_a_late_real_end_replaces_it()
    {
        var http = _host.CreateClient();
        var world = await LiveWorld.CreateAsync(_host, http, "Standard Oublié", Market.FR, "+33184800010");
        using var socket = await LiveSocket.ConnectAsync(_host, world.ResellerToken);
        await socket.SubscribeAsync("n", LiveWorld.CallEventsQuery, new { id = world.NumberId("+33184800010") });
        await socket.NextAsync("n", _ => true);

        var startedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-2).AddMinutes(-10).ToUnixTimeSeconds());
        await world.PostEventsAsync(http, LiveWorld.Event("o-1", "call-o", "+33184800010", "started", startedAt), LiveWorld.Event("o-2", "call-o", "+33184800010", "answered", startedAt.AddSeconds(4)));

        var closed = await socket.NextAsync("n", d => d["callEvents"]!["calls"]!.AsArray().Any(c => (bool)c!["closedByStore"]!));
        var call = closed["data"]!["callEvents"]!["calls"]![0]!;
        Assert.Equal("COMPLETED", (string?)call["status"]);
        Assert.Equal(startedAt.AddHours(2), DateTimeOffset.Parse((string)call["endedAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, (int)closed["data"]!["callEvents"]!["statistics"]!["inProgress"]!);

        // The platform's own end arrives after all: it wins over Store's.
        await world.PostEventsAsync(http, LiveWorld.Event("o-3", "call-o", "+33184800010", "ended", startedAt.AddMinutes(30)));
        var real = await socket.NextAsync("n", d => d["callEvents"]!["calls"]!.AsArray().Any(c => !(bool)c!["closedByStore"]!));
        Assert.Equal(30 * 60 - 4, (int)real["data"]!["callEvents"]!["calls"]![0]!["talkSeconds"]!);
    }
}
