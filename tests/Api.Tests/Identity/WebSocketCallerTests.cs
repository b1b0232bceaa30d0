using System.Net.WebSockets;
using Store.Api.Tests.Transport;
using Store.Api.Transport;
using Store.Domain.Identity;

namespace Store.Api.Tests.Identity;

/// <summary>A socket acts for the caller its connection_init names, with the same token rules as HTTP.</summary>
public sealed class WebSocketCallerTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private async Task<WebSocketHost.Client> ConnectAsync()
    {
        var client = factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add(GraphQLWebSocketProtocol.SubProtocol);
        return new WebSocketHost.Client(await client.ConnectAsync(new Uri("ws://localhost/graphql"), CancellationToken.None));
    }

    [Fact]
    public async Task A_token_in_connection_init_makes_the_socket_act_for_that_client()
    {
        var http = factory.CreateClient();
        var reseller = await TestData.AddResellerAsync(factory.Services, "Télécom Services");
        var api = await TestData.AddApiClientAsync(factory.Services, reseller.Id, StoreScopes.CustomersRead);
        var token = await http.TokenAsync(api.Client.ClientId, api.Secret);

        using var socket = await ConnectAsync();
        await socket.InitAsync(new { Authorization = "Bearer " + token });
        await socket.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "{ viewer { kind clientId } }" } });
        var next = (await socket.ReceiveAsync())!;
        Assert.Equal("CLIENT", (string?)next["payload"]!["data"]!["viewer"]!["kind"]);
        Assert.Equal(api.Client.ClientId, (string?)next["payload"]!["data"]!["viewer"]!["clientId"]);
    }

    [Fact]
    public async Task A_forged_token_refuses_the_connection_with_4403()
    {
        using var socket = await ConnectAsync();
        await socket.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl" } });
        Assert.Equal(4403, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task Without_a_token_the_socket_is_anonymous_and_the_catalog_still_answers()
    {
        using var socket = await ConnectAsync();
        await socket.InitAsync();
        await socket.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "{ viewer { kind } plans { code } }" } });
        var next = (await socket.ReceiveAsync())!;
        Assert.Equal("ANONYMOUS", (string?)next["payload"]!["data"]!["viewer"]!["kind"]);
        Assert.Equal(WebSocketState.Open, socket.Socket.State);
    }
}
