using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Tests.Identity;
using Store.Domain.Catalog;
using Store.Domain.Identity;
using Store.Domain.Persistence;

namespace Store.Api.Tests.Live;

/// <summary>Call events posted by the platform, figures pushed to the customer's reseller over graphql-transport-ws.</summary>
public sealed class LiveStatisticsTests : IClassFixture<IdentityFactory>
{
    private const string Line = "+33184800001";
    private const string Premium = "+41900123456";
    private readonly IdentityFactory _host;
    private readonly HttpClient _http;

    public LiveStatisticsTests(IdentityFactory host)
    {
        host.Settings["Store:Live:PushInterval"] = "00:00:00.050";
        _host = host;
        _http = host.CreateClient();
    }

    private static object Vars(string id) => new { id };

    [Fact]
    public async Task A_call_posted_by_the_platform_moves_the_figures_the_reseller_watches_and_a_repeated_batch_changes_nothing()
    {
        var world = await LiveWorld.CreateAsync(_host, _http, "Boulangerie Live", Market.FR, Line);
        using var socket = await LiveSocket.ConnectAsync(_host, world.ResellerToken);
        await socket.SubscribeAsync("s", LiveWorld.StatisticsQuery, Vars(world.AccountId));
        var first = await socket.NextAsync("s", _ => true);
        Assert.Null(first["errors"]);
        Assert.Equal(0, (int)first["data"]!["callStatistics"]!["callsToday"]!);

        var at = DateTimeOffset.UtcNow.AddSeconds(-90);
        var (response, body) = await world.PostEventsAsync(_http, LiveWorld.Event("a-1", "call-a", Line, "started", at), LiveWorld.Event("a-2", "call-a", Line, "answered", at.AddSeconds(5)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (int)body["accepted"]!);

        var talking = await socket.NextAsync("s", d => (int)d["callStatistics"]!["answeredToday"]! == 1);
        var stats = talking["data"]!["callStatistics"]!;
        Assert.Equal(1, (int)stats["inProgress"]!);
        Assert.Equal("IN_PROGRESS", (string?)stats["recentCalls"]![0]!["status"]);
        Assert.Equal(1, stats["perMinute"]!.AsArray().Sum(m => (int)m!["calls"]!));

        await world.PostEventsAsync(_http, LiveWorld.Event("a-3", "call-a", Line, "ended", at.AddSeconds(65)));
        var ended = (await socket.NextAsync("s", d => (int)d["callStatistics"]!["inProgress"]! == 0))["data"]!["callStatistics"]!;
        Assert.Equal(60, (int)ended["talkSecondsToday"]!);
        Assert.Equal(1.0, (double)ended["minutesToday"]!);
        Assert.Equal("COMPLETED", (string?)ended["recentCalls"]![0]!["status"]);

        // The platform retries the whole batch: nothing is counted twice, here or in a new subscriber's figures.
        var (_, again) = await world.PostEventsAsync(_http, LiveWorld.Event("a-1", "call-a", Line, "started", at), LiveWorld.Event("a-2", "call-a", Line, "answered", at.AddSeconds(5)), LiveWorld.Event("a-3", "call-a", Line, "ended", at.AddSeconds(65)));
        Assert.Equal(0, (int)again["accepted"]!);
        Assert.Equal(3, (int)again["duplicates"]!);
        await socket.SubscribeAsync("t", LiveWorld.StatisticsQuery, Vars(world.AccountId));
        var fresh = (await socket.NextAsync("t", _ => true))["data"]!["callStatistics"]!;
        Assert.Equal(1, (int)fresh["callsToday"]!);
        Assert.Equal(1, (int)fresh["answeredToday"]!);
        Assert.Equal(60, (int)fresh["talkSecondsToday"]!);
    }

    [Fact]
    public async Task Events_out_of_order_or_missing_still_count_each_call_once()
    {
        var world = await LiveWorld.CreateAsync(_host, _http, "Plomberie Désordre", Market.FR, Line.Replace("01", "02", StringComparison.Ordinal));
        var line = world.Numbers.Keys.Single();
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);

        // Call b: its end arrives before its start and answer. Call c: only its end ever comes, unanswered.
        await world.PostEventsAsync(_http, LiveWorld.Event("b-3", "call-b", line, "ended", at.AddSeconds(100)), LiveWorld.Event("c-3", "call-c", line, "ended", at.AddSeconds(30)));
        await world.PostEventsAsync(_http, LiveWorld.Event("b-1", "call-b", line, "started", at), LiveWorld.Event("b-2", "call-b", line, "answered", at.AddSeconds(10)));

        using var socket = await LiveSocket.ConnectAsync(_host, world.ResellerToken);
        await socket.SubscribeAsync("s", LiveWorld.StatisticsQuery, Vars(world.AccountId));
        var stats = (await socket.NextAsync("s", _ => true))["data"]!["callStatistics"]!;
        Assert.Equal(2, (int)stats["callsToday"]!);
        Assert.Equal(0, (int)stats["inProgress"]!);
        Assert.Equal(1, (int)stats["answeredToday"]!);
        Assert.Equal(1, (int)stats["missedToday"]!);
        Assert.Equal(90, (int)stats["talkSecondsToday"]!);
    }

    [Fact]
    public async Task A_premium_rate_number_earns_its_revenue_of_the_day_in_the_customers_currency()
    {
        var world = await LiveWorld.CreateAsync(_host, _http, "Voyance Léman SA", Market.CH, Premium);
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        var (_, body) = await world.PostEventsAsync(
            _http,
            LiveWorld.Event("p-1", "call-p", Premium, "started", at, tariffPerMinute: 2.50m),
            LiveWorld.Event("p-2", "call-p", Premium, "answered", at.AddSeconds(3)),
            LiveWorld.Event("p-3", "call-p", Premium, "ended", at.AddSeconds(93), durationSeconds: 90),
            LiveWorld.Event("q-1", "call-q", Premium, "ended", at.AddSeconds(60), durationSeconds: 30, revenue: 4.20m));
        Assert.Equal(4, (int)body["accepted"]!);

        using var socket = await LiveSocket.ConnectAsync(_host, world.ResellerToken);
        await socket.SubscribeAsync("s", LiveWorld.StatisticsQuery, Vars(world.AccountId));
        var stats = (await socket.NextAsync("s", _ => true))["data"]!["callStatistics"]!;
        Assert.Equal("CHF", (string?)stats["currency"]);
        Assert.Equal(7.95m, (decimal)stats["revenueToday"]!); // 2.50 a minute × 1.5 min + 4.20
        Assert.Equal(7.95m, (decimal)stats["numbers"]![0]!["revenueToday"]!);
    }

    [Fact]
    public async Task Bad_events_are_refused_one_by_one_with_the_reason_and_kept_in_quarantine()
    {
        var world = await LiveWorld.CreateAsync(_host, _http, "Garage Refus", Market.FR, "+33184800003");
        var at = DateTimeOffset.UtcNow.AddSeconds(-10);
        var (response, body) = await world.PostEventsAsync(
            _http,
            LiveWorld.Event("r-ok", "call-r", "+33184800003", "started", at),
            LiveWorld.Event("r-unknown", "call-s", "+33184800099", "started", at),
            LiveWorld.Event("r-kind", "call-t", "+33184800003", "transferred", at),
            LiveWorld.Event("r-revenue", "call-u", "+33184800003", "ended", at, revenue: 3m),
            new { eventId = "r-date", callId = "call-v", number = "+33184800003", kind = "started", at = "yesterday", direction = "inbound" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (int)body["accepted"]!);
        var codes = body["rejected"]!.AsArray().ToDictionary(r => (string)r!["eventId"]! ?? "?", r => (string)r!["errors"]![0]!["code"]!);
        Assert.Equal("UNKNOWN_NUMBER", codes["r-unknown"]);
        Assert.Equal("INVALID_KIND", codes["r-kind"]);
        Assert.Equal("NOT_PREMIUM_RATE", codes["r-revenue"]);
        Assert.Equal("events[4].at", (string?)body["rejected"]![3]!["errors"]![0]!["field"]);

        await using var scope = _host.Services.CreateAsyncScope();
        var quarantine = await scope.ServiceProvider.GetRequiredService<StoreDb>().QuarantinedCallEvents.Where(q => q.Payload.Contains("call-")).ToListAsync();
        Assert.Contains(quarantine, q => q.EventId == "r-unknown" && q.Reason.Contains("+33184800099 is not a number held with Store", StringComparison.Ordinal));
        Assert.Contains(quarantine, q => q.Payload.Contains("yesterday", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_GraphQL_mutation_takes_the_same_batch_with_user_errors()
    {
        var world = await LiveWorld.CreateAsync(_host, _http, "Fleuriste GraphQL", Market.FR, "+33184800004");
        const string Mutation = "mutation ($input: IngestCallEventsInput!) { ingestCallEvents(input: $input) { accepted duplicates userErrors { field code } } }";
        var input = new
        {
            events = new object[]
            {
                new { eventId = "g-1", callId = "call-g", number = "+33184800004", kind = "STARTED", at = LiveWorld.Iso(DateTimeOffset.UtcNow.AddSeconds(-5)), direction = "INBOUND" },
                new { eventId = "g-2", callId = "call-g", accountId = "not-an-id", kind = "ENDED", at = LiveWorld.Iso(DateTimeOffset.UtcNow), direction = "INBOUND" },
            },
        };

        var (_, body) = await _http.PostGraphQLWithVariablesAsync(world.PlatformToken, Mutation, new { input });
        var result = body["data"]!["ingestCallEvents"]!;
        Assert.Equal(1, (int)result["accepted"]!);
        Assert.Equal("events[1].accountId", (string?)result["userErrors"]![0]!["field"]);
        Assert.Equal("UNKNOWN_ACCOUNT", (string?)result["userErrors"]![0]!["code"]);

        var (_, again) = await _http.PostGraphQLWithVariablesAsync(world.PlatformToken, Mutation, new { input });
        Assert.Equal(1, (int)again["data"]!["ingestCallEvents"]!["duplicates"]!);
    }

    [Fact]
    public async Task Only_the_platform_sends_call_events()
    {
        var world = await LiveWorld.CreateAsync(_host, _http, "Traiteur Interdit", Market.FR, "+33184800005");
        var forged = world with { PlatformToken = world.ResellerToken };
        var (response, _) = await forged.PostEventsAsync(_http, LiveWorld.Event("f-1", "call-f", "+33184800005", "started", DateTimeOffset.UtcNow));
        var (_, body) = await _http.PostGraphQLWithVariablesAsync(world.ResellerToken, "mutation { ingestCallEvents(input: { events: [] }) { accepted } }", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("FORBIDDEN", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task A_reseller_cannot_watch_another_resellers_customer_nor_a_client_without_calls_read()
    {
        var mine = await LiveWorld.CreateAsync(_host, _http, "Client Voisin", Market.FR, "+33184800006");
        var theirs = await LiveWorld.CreateAsync(_host, _http, "Client Caché", Market.FR, "+33184800007");
        using var socket = await LiveSocket.ConnectAsync(_host, mine.ResellerToken);

        await socket.SubscribeAsync("a", LiveWorld.StatisticsQuery, Vars(theirs.AccountId));
        var account = await socket.NextAsync("a", _ => false);
        await socket.SubscribeAsync("n", LiveWorld.CallEventsQuery, Vars(theirs.NumberId("+33184800007")));
        var number = await socket.NextAsync("n", _ => false);

        Assert.Equal("NOT_FOUND", (string?)account["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("NOT_FOUND", (string?)number["errors"]![0]!["extensions"]!["code"]);

        var readOnly = await TestData.AddApiClientAsync(_host.Services, mine.ResellerId, StoreScopes.CustomersRead);
        using var other = await LiveSocket.ConnectAsync(_host, await _http.TokenAsync(readOnly.Client.ClientId, readOnly.Secret));
        await other.SubscribeAsync("a", LiveWorld.StatisticsQuery, Vars(mine.AccountId));
        Assert.Equal("FORBIDDEN", (string?)(await other.NextAsync("a", _ => false))["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task A_number_subscriber_sees_each_call_move_in_its_list()
    {
        var world = await LiveWorld.CreateAsync(_host, _http, "Cabinet Liste", Market.FR, "+33184800008");
        using var socket = await LiveSocket.ConnectAsync(_host, world.ResellerToken);
        await socket.SubscribeAsync("n", LiveWorld.CallEventsQuery, Vars(world.NumberId("+33184800008")));
        Assert.Empty((await socket.NextAsync("n", _ => true))["data"]!["callEvents"]!["calls"]!.AsArray());

        var at = DateTimeOffset.UtcNow.AddSeconds(-20);
        await world.PostEventsAsync(_http, LiveWorld.Event("l-1", "call-l", "+33184800008", "started", at, direction: "outbound"));
        var ringing = await socket.NextAsync("n", d => d["callEvents"]!["calls"]!.AsArray().Count > 0);
        Assert.Equal("RINGING", (string?)ringing["data"]!["callEvents"]!["calls"]![0]!["status"]);

        await world.PostEventsAsync(_http, LiveWorld.Event("l-2", "call-l", "+33184800008", "ended", at.AddSeconds(15)));
        var ended = await socket.NextAsync("n", d => d["callEvents"]!["calls"]!.AsArray().Any(c => (string?)c!["status"] != "RINGING"));
        Assert.Equal("NOT_ANSWERED", (string?)ended["data"]!["callEvents"]!["calls"]![0]!["status"]);
        Assert.Equal(0, (int)ended["data"]!["callEvents"]!["statistics"]!["inProgress"]!);
    }
}
