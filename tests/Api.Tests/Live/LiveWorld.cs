using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Customers;
using Store.Api.Numbers;
using Store.Api.Relay;
using Store.Api.Tests.Identity;
using Store.Api.Transport;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Identity;
using Store.Domain.Numbers;
using Store.Domain.Persistence;
using Store.Site.Identity.OpenId;

namespace Store.Api.Tests.Live;

/// <summary>A reseller with a customer and its numbers, the platform's token, and helpers to post events and watch the figures.</summary>
internal sealed record LiveWorld(Guid ResellerId, Guid CustomerId, IReadOnlyDictionary<string, Guid> Numbers, string PlatformToken, string ResellerToken, NewApiClient ResellerClient)
{
    public string AccountId => GlobalId.Encode(CustomerType.TypeName, CustomerId);

    public string NumberId(string e164) => GlobalId.Encode(TelephoneNumberType.TypeName, Numbers[e164]);

    public static async Task<LiveWorld> CreateAsync<T>(WebApplicationFactory<T> host, HttpClient http, string customerName, Market market, params string[] numbers)
        where T : class
    {
        Guid resellerId;
        Guid customerId;
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            var now = DateTimeOffset.UtcNow;
            var reseller = new Reseller("Revendeur " + customerName, now);
            var customer = market == Market.CH
                ? new Customer(customerName, Market.CH, new Address("Rue du Lac 1", null, "1201", "Genève", "CH"), "compta@example.ch", now, reseller.Id)
                : new Customer(customerName, Market.FR, new Address("1 rue de la Paix", null, "75002", "Paris", "FR"), "compta@example.fr", now, reseller.Id);
            db.Resellers.Add(reseller);
            db.Customers.Add(customer);
            foreach (var e164 in numbers)
            {
                var number = TelephoneNumber.FromPool(customer.Id, e164, now);
                db.Numbers.Add(number);
                ids[e164] = number.Id;
            }

            await db.SaveChangesAsync();
            (resellerId, customerId) = (reseller.Id, customer.Id);
        }

        NewApiClient client;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            client = (await scope.ServiceProvider.GetRequiredService<ApiClients>().CreateAsync(resellerId, "Tableau de bord", [StoreScopes.CallsRead, StoreScopes.CustomersRead], CancellationToken.None)).Value!;
        }

        var platform = await http.TokenAsync(OpenIdClientSeeder.PlatformClientId, IdentityFactory.PlatformSecret, StoreScopes.CallsWrite);
        var resellerToken = await http.TokenAsync(client.Client.ClientId, client.Secret);
        return new LiveWorld(resellerId, customerId, ids, platform, resellerToken, client);
    }

    public static object Event(string eventId, string callId, string number, string kind, DateTimeOffset at, string direction = "inbound", int? durationSeconds = null, decimal? tariffPerMinute = null, decimal? revenue = null) =>
        new { eventId, callId, number, kind, at, caller = "+33612345678", callee = number, direction, durationSeconds, tariffPerMinute, revenue };

    public async Task<(HttpResponseMessage Response, JsonNode Body)> PostEventsAsync(HttpClient http, params object[] events)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/call-events") { Content = JsonContent.Create(events) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PlatformToken);
        var response = await http.SendAsync(request);
        return (response, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    public const string StatisticsQuery = """
        subscription ($id: ID!) { callStatistics(accountId: $id, minutes: 5) {
          accountId inProgress ringing callsToday answeredToday missedToday talkSecondsToday minutesToday revenueToday currency closedByStoreToday
          perMinute { calls answered missed peakInProgress }
          numbers { number callsToday answeredToday revenueToday }
          recentCalls { callId status talkSeconds revenue closedByStore } } }
        """;

    public const string CallEventsQuery = """
        subscription ($id: ID!) { callEvents(numberId: $id) {
          statistics { number inProgress callsToday }
          calls { callId status startedAt answeredAt endedAt talkSeconds closedByStore } } }
        """;

    public static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>A graphql-transport-ws client over the test server, as a dashboard or a reseller's integration opens it.</summary>
internal sealed class LiveSocket : IDisposable
{
    private readonly WebSocket _socket;
    private readonly byte[] _buffer = new byte[256 * 1024];

    private LiveSocket(WebSocket socket) => _socket = socket;

    public static async Task<LiveSocket> ConnectAsync<T>(WebApplicationFactory<T> host, string token)
        where T : class
    {
        var client = host.Server.CreateWebSocketClient();
        client.SubProtocols.Add(GraphQLWebSocketProtocol.SubProtocol);
        var socket = new LiveSocket(await client.ConnectAsync(new Uri(host.Server.BaseAddress, "graphql"), CancellationToken.None));
        await socket.SendAsync(new { type = "connection_init", payload = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token } });
        Assert.Equal("connection_ack", (string?)(await socket.ReceiveAsync())!["type"]);
        return socket;
    }

    public Task SubscribeAsync(string id, string query, object variables) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    /// <summary>Reads messages until one of operation <paramref name="id"/> satisfies <paramref name="wanted"/>; returns its data.</summary>
    public async Task<JsonNode> NextAsync(string id, Func<JsonNode, bool> wanted, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        JsonNode? last = null;
        while (true)
        {
            JsonNode message;
            try
            {
                message = await ReceiveAsync(cts.Token) ?? throw new InvalidOperationException("The server closed the socket.");
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("No wanted message came; the last was: " + last?.ToJsonString());
            }

            if ((string?)message["id"] != id)
            {
                continue;
            }

            last = message;
            if ((string?)message["type"] != "next")
            {
                throw new InvalidOperationException("The operation ended: " + message.ToJsonString());
            }

            if (message["payload"]!["errors"] is not null || wanted(message["payload"]!["data"]!))
            {
                return message["payload"]!;
            }
        }
    }

    private Task SendAsync(object message) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task<JsonNode?> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(_buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(message.ToArray());
            }
        }
    }

    public void Dispose() => _socket.Dispose();
}
