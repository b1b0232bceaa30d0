using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Transport;

namespace Store.Api.Tests.Transport;

/// <summary>
/// A host serving the real WebSocket transport over a small schema with a subscription that ticks,
/// so that every message and close code of graphql-transport-ws can be exercised.
/// </summary>
public sealed class WebSocketHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebSocketHost(WebApplication app) => _app = app;

    public static async Task<WebSocketHost> StartAsync(Action<GraphQLWebSocketOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.Configure<GraphQLWebSocketOptions>(o => configure?.Invoke(o));
        builder.Services.AddSingleton<IGraphQLWebSocketAuthenticator, RefuseBadTokens>();
        builder.Services.AddGraphQL(g => g.AddSchema<TickSchema>().AddSystemTextJson());
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/graphql", GraphQLWebSocketConnection.ServeAsync);
        await app.StartAsync();
        return new WebSocketHost(app);
    }

    public async Task<Client> ConnectAsync(bool offerProtocol = true)
    {
        var client = _app.GetTestServer().CreateWebSocketClient();
        if (offerProtocol)
        {
            client.SubProtocols.Add(GraphQLWebSocketProtocol.SubProtocol);
        }

        return new Client(await client.ConnectAsync(new Uri("ws://localhost/graphql"), CancellationToken.None));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public sealed class Client(WebSocket socket) : IDisposable
    {
        public WebSocket Socket { get; } = socket;

        public Task SendAsync(string json) => Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

        public Task SendAsync(object message) => SendAsync(JsonSerializer.Serialize(message));

        /// <summary>The next message, or null when the server closed the socket (see <see cref="CloseCode"/>).</summary>
        public async Task<JsonNode?> ReceiveAsync(TimeSpan? timeout = null)
        {
            using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            while (true)
            {
                var result = await Socket.ReceiveAsync(buffer, cts.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    CloseCode = (int?)result.CloseStatus;
                    CloseReason = result.CloseStatusDescription;
                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return JsonNode.Parse(message.ToArray());
                }
            }
        }

        public int? CloseCode { get; private set; }

        public string? CloseReason { get; private set; }

        public async Task<int?> ClosedWithAsync()
        {
            while (await ReceiveAsync() is not null)
            {
            }

            return CloseCode;
        }

        public async Task InitAsync(object? payload = null)
        {
            await SendAsync(payload is null ? new { type = "connection_init" } : new { type = "connection_init", payload });
            Assert.Equal("connection_ack", (string?)(await ReceiveAsync())!["type"]);
        }

        public void Dispose() => Socket.Dispose();
    }

    /// <summary>1, 2, 3, ... every period, then completes.</summary>
    private sealed class Ticks(int count, TimeSpan period) : IObservable<object?>
    {
        public IDisposable Subscribe(IObserver<object?> observer)
        {
            var sent = 0;
            Timer? timer = null;
            timer = new Timer(_ =>
            {
                lock (observer)
                {
                    if (sent >= count)
                    {
                        return;
                    }

                    observer.OnNext(++sent);
                    if (sent == count)
                    {
                        observer.OnCompleted();
                        timer?.Dispose();
                    }
                }
            }, null, period, period);
            return timer;
        }
    }

    private sealed class RefuseBadTokens : IGraphQLWebSocketAuthenticator
    {
        public Task<WebSocketCaller?> AuthenticateAsync(HttpContext http, JsonElement payload) =>
            Task.FromResult(payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("token", out var t) && t.GetString() == "bad"
                ? null
                : new WebSocketCaller(new ClaimsPrincipal(new ClaimsIdentity()), () => new Dictionary<string, object?>()));
    }

    private sealed class TickSchema : GraphQL.Types.Schema
    {
        public TickSchema(IServiceProvider services)
            : base(services)
        {
            var query = new ObjectGraphType { Name = "Query" };
            query.Field<StringGraphType>("hello").Resolve(_ => "world");
            Query = query;

            var subscription = new ObjectGraphType { Name = "Subscription" };
            subscription.Field<IntGraphType>("ticks")
                .Argument<NonNullGraphType<IntGraphType>>("count")
                .Argument<IntGraphType>("everyMs")
                .ResolveStream(ctx => new Ticks(ctx.GetArgument<int>("count"), TimeSpan.FromMilliseconds(ctx.GetArgument("everyMs", 20))));
            Subscription = subscription;
        }
    }
}
