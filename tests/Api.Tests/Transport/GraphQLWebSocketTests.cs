using System.Text.Json.Nodes;
using Store.Api.Transport;

namespace Store.Api.Tests.Transport;

/// <summary>The graphql-transport-ws protocol, message by message and close code by close code.</summary>
public sealed class GraphQLWebSocketTests : IAsyncLifetime
{
    private WebSocketHost _host = null!;

    public async Task InitializeAsync() => _host = await WebSocketHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static object Subscribe(string id, string query) => new { id, type = "subscribe", payload = new { query } };

    [Fact]
    public async Task A_subscription_streams_next_messages_then_complete_and_the_id_can_be_used_again()
    {
        using var client = await _host.ConnectAsync();
        Assert.Equal(GraphQLWebSocketProtocol.SubProtocol, client.Socket.SubProtocol);
        await client.InitAsync();

        for (var round = 0; round < 2; round++)
        {
            await client.SendAsync(Subscribe("s1", "subscription { ticks(count: 3) }"));
            for (var tick = 1; tick <= 3; tick++)
            {
                var next = (await client.ReceiveAsync())!;
                Assert.Equal("next", (string?)next["type"]);
                Assert.Equal("s1", (string?)next["id"]);
                Assert.Equal(tick, (int)next["payload"]!["data"]!["ticks"]!);
            }

            Assert.Equal(JsonNode.Parse("""{"id":"s1","type":"complete"}""")!.ToJsonString(), (await client.ReceiveAsync())!.ToJsonString());
        }
    }

    [Fact]
    public async Task A_query_gets_one_next_and_a_complete()
    {
        using var client = await _host.ConnectAsync();
        await client.InitAsync();
        await client.SendAsync(Subscribe("q", "{ hello }"));
        Assert.Equal("world", (string?)(await client.ReceiveAsync())!["payload"]!["data"]!["hello"]);
        Assert.Equal("complete", (string?)(await client.ReceiveAsync())!["type"]);
    }

    [Fact]
    public async Task The_client_completing_a_subscription_stops_it()
    {
        using var client = await _host.ConnectAsync();
        await client.InitAsync();
        await client.SendAsync(Subscribe("long", "subscription { ticks(count: 1000, everyMs: 50) }"));
        Assert.Equal("next", (string?)(await client.ReceiveAsync())!["type"]);
        await client.SendAsync(new { id = "long", type = "complete" });

        // After the complete, no more ticks come: the next message is the pong to our ping.
        await Task.Delay(200);
        await client.SendAsync(new { type = "ping" });
        JsonNode? message;
        do
        {
            message = await client.ReceiveAsync();
        }
        while ((string?)message!["type"] == "next" && (int)message["payload"]!["data"]!["ticks"]! <= 5);

        Assert.Equal("pong", (string?)message["type"]);
    }

    [Fact]
    public async Task Ping_is_answered_with_pong_and_its_payload()
    {
        using var client = await _host.ConnectAsync();
        await client.InitAsync();
        await client.SendAsync("""{"type":"ping","payload":{"at":1}}""");
        Assert.Equal("""{"type":"pong","payload":{"at":1}}""", (await client.ReceiveAsync())!.ToJsonString());
    }

    [Fact]
    public async Task A_document_that_does_not_validate_gets_an_error_and_no_complete()
    {
        using var client = await _host.ConnectAsync();
        await client.InitAsync();
        await client.SendAsync(Subscribe("bad", "{ nope }"));
        var error = (await client.ReceiveAsync())!;
        Assert.Equal("error", (string?)error["type"]);
        Assert.Contains("nope", (string?)error["payload"]![0]!["message"], StringComparison.Ordinal);

        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (string?)(await client.ReceiveAsync())!["type"]);
    }

    [Fact]
    public async Task Without_connection_init_in_time_the_socket_closes_with_4408()
    {
        await using var host = await WebSocketHost.StartAsync(o => o.ConnectionInitTimeout = TimeSpan.FromMilliseconds(300));
        using var client = await host.ConnectAsync();
        Assert.Equal(4408, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task Subscribing_before_the_ack_closes_with_4401()
    {
        using var client = await _host.ConnectAsync();
        await client.SendAsync(Subscribe("early", "{ hello }"));
        Assert.Equal(4401, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task A_refused_connection_init_closes_with_4403()
    {
        using var client = await _host.ConnectAsync();
        await client.SendAsync(new { type = "connection_init", payload = new { token = "bad" } });
        Assert.Equal(4403, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        using var client = await _host.ConnectAsync();
        await client.InitAsync();
        await client.SendAsync(new { type = "connection_init" });
        Assert.Equal(4429, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task A_duplicate_id_in_flight_closes_with_4409()
    {
        using var client = await _host.ConnectAsync();
        await client.InitAsync();
        await client.SendAsync(Subscribe("same", "subscription { ticks(count: 1000, everyMs: 100) }"));
        await client.SendAsync(Subscribe("same", "subscription { ticks(count: 1) }"));
        Assert.Equal(4409, await client.ClosedWithAsync());
        Assert.Equal("Subscriber for same already exists", client.CloseReason);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"dance"}""")]
    [InlineData("""{"id":42,"type":"subscribe","payload":{"query":"{ hello }"}}""")]
    [InlineData("[1,2,3]")]
    public async Task An_invalid_message_closes_with_4400(string message)
    {
        using var client = await _host.ConnectAsync();
        await client.InitAsync();
        await client.SendAsync(message);
        Assert.Equal(4400, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task A_client_without_the_subprotocol_is_closed_with_4406()
    {
        using var client = await _host.ConnectAsync(offerProtocol: false);
        Assert.Equal(4406, await client.ClosedWithAsync());
    }

    [Fact]
    public async Task A_message_over_the_size_cap_closes_with_1009()
    {
        using var client = await _host.ConnectAsync();
        await client.InitAsync();
        await client.SendAsync(new { type = "ping", payload = new { padding = new string('x', 70_000) } });
        Assert.Equal(1009, await client.ClosedWithAsync());
    }
}
