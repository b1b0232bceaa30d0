using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain.Identity;
using Store.Site.Identity.OpenId;

namespace Store.Api.Tests.Identity;

/// <summary>Resellers' API clients and the platform's client get tokens that the GraphQL endpoint honours, within their scopes.</summary>
public sealed class ClientCredentialsTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task A_resellers_client_token_shows_as_a_client_with_its_scopes_and_lists_only_its_customers()
    {
        var reseller = await TestData.AddResellerAsync(factory.Services, "Télécom Conseil", "Boulangerie Martin", "Atelier Durand");
        await TestData.AddResellerAsync(factory.Services, "Autre revendeur", "Client d'un autre");
        var apiClient = await TestData.AddApiClientAsync(factory.Services, reseller.Id, StoreScopes.CustomersRead, StoreScopes.NumbersRead);
        var http = factory.CreateClient();
        var token = await http.TokenAsync(apiClient.Client.ClientId, apiClient.Secret);

        var (response, body) = await http.PostGraphQLWithTokenAsync(token, "{ viewer { kind clientId userId scopes resellerId } customers(first: 10) { nodes { id legalName } } }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        var viewer = body["data"]!["viewer"]!;
        Assert.Equal("CLIENT", (string?)viewer["kind"]);
        Assert.Equal(apiClient.Client.ClientId, (string?)viewer["clientId"]);
        Assert.Null(viewer["userId"]);
        Assert.Equal([StoreScopes.CustomersRead, StoreScopes.NumbersRead], viewer["scopes"]!.AsArray().Select(s => (string)s!).ToArray());
        Assert.Equal(reseller.Id.ToString(), (string?)viewer["resellerId"]);
        var names = body["data"]!["customers"]!["nodes"]!.AsArray().Select(c => (string)c!["legalName"]!).ToArray();
        Assert.Equal(["Atelier Durand", "Boulangerie Martin"], names);
    }

    [Fact]
    public async Task A_client_can_ask_for_fewer_scopes_than_it_is_allowed()
    {
        var reseller = await TestData.AddResellerAsync(factory.Services, "Revendeur prudent");
        var apiClient = await TestData.AddApiClientAsync(factory.Services, reseller.Id, StoreScopes.CustomersRead, StoreScopes.BillingRead);
        var http = factory.CreateClient();

        var token = await http.TokenAsync(apiClient.Client.ClientId, apiClient.Secret, StoreScopes.BillingRead);
        var (_, body) = await http.PostGraphQLWithTokenAsync(token, "{ viewer { scopes } }");
        Assert.Equal([StoreScopes.BillingRead], body["data"]!["viewer"]!["scopes"]!.AsArray().Select(s => (string)s!).ToArray());

        var (refused, error) = await http.RequestTokenAsync(apiClient.Client.ClientId, apiClient.Secret, StoreScopes.CallsWrite);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("This client application is not allowed to use the specified scope.", (string?)error["error_description"]);
    }

    [Fact]
    public async Task A_token_without_the_scope_gets_a_clear_FORBIDDEN_error_on_customers()
    {
        var http = factory.CreateClient();
        var token = await http.TokenAsync(OpenIdClientSeeder.PlatformClientId, IdentityFactory.PlatformSecret);

        var (response, body) = await http.PostGraphQLWithTokenAsync(token, "{ viewer { kind scopes } customers(first: 5) { nodes { id } } }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("CLIENT", (string?)body["data"]!["viewer"]!["kind"]);
        var error = body["errors"]![0]!;
        Assert.Equal("This field needs the scope customers:read; your token has: calls:write.", (string?)error["message"]);
        Assert.Equal("FORBIDDEN", (string?)error["extensions"]!["code"]);
        Assert.Equal("customers", (string?)error["path"]![0]);
    }

    [Fact]
    public async Task Without_a_token_the_catalog_stays_public_and_customers_asks_for_authentication()
    {
        var (response, body) = await factory.CreateClient().PostGraphQLAsync("{ viewer { kind scopes } plans { code } customers(first: 5) { nodes { id } } }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ANONYMOUS", (string?)body["data"]!["viewer"]!["kind"]);
        Assert.Equal("AUTH_REQUIRED", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task A_wrong_secret_gets_no_token()
    {
        var reseller = await TestData.AddResellerAsync(factory.Services, "Revendeur distrait");
        var apiClient = await TestData.AddApiClientAsync(factory.Services, reseller.Id, StoreScopes.CustomersRead);

        var (response, body) = await factory.CreateClient().RequestTokenAsync(apiClient.Client.ClientId, apiClient.Secret + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (string?)body["error"]);
    }

    [Fact]
    public async Task A_revoked_client_gets_no_new_token_and_its_token_stops_working()
    {
        var reseller = await TestData.AddResellerAsync(factory.Services, "Revendeur qui révoque", "Client A");
        var apiClient = await TestData.AddApiClientAsync(factory.Services, reseller.Id, StoreScopes.CustomersRead);
        var http = factory.CreateClient();
        var token = await http.TokenAsync(apiClient.Client.ClientId, apiClient.Secret);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var clients = scope.ServiceProvider.GetRequiredService<ApiClients>();
            Assert.Contains(await clients.ListAsync(reseller.Id, CancellationToken.None), c => c.ClientId == apiClient.Client.ClientId);
            var revoked = await clients.RevokeAsync(reseller.Id, apiClient.Client.ClientId, CancellationToken.None);
            Assert.Null(revoked.Error);
            Assert.Empty(await clients.ListAsync(reseller.Id, CancellationToken.None));
        }

        var (refused, error) = await http.RequestTokenAsync(apiClient.Client.ClientId, apiClient.Secret);
        Assert.Equal("invalid_client", (string?)error["error"]);
        Assert.False(refused.IsSuccessStatusCode);
        var (graphql, _) = await http.PostGraphQLWithTokenAsync(token, "{ customers(first: 5) { nodes { id } } }");
        Assert.Equal(HttpStatusCode.Unauthorized, graphql.StatusCode);
    }

    [Fact]
    public async Task A_reseller_cannot_revoke_another_resellers_client()
    {
        var owner = await TestData.AddResellerAsync(factory.Services, "Propriétaire");
        var other = await TestData.AddResellerAsync(factory.Services, "Voisin");
        var apiClient = await TestData.AddApiClientAsync(factory.Services, owner.Id, StoreScopes.CustomersRead);

        await using var scope = factory.Services.CreateAsyncScope();
        var clients = scope.ServiceProvider.GetRequiredService<ApiClients>();
        var result = await clients.RevokeAsync(other.Id, apiClient.Client.ClientId, CancellationToken.None);

        Assert.Equal(ApiClientError.NotFound, result.Error);
        Assert.Single(await clients.ListAsync(owner.Id, CancellationToken.None));
        Assert.Empty(await clients.ListAsync(other.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Only_reseller_scopes_can_be_given_to_a_resellers_client()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var clients = scope.ServiceProvider.GetRequiredService<ApiClients>();

        Assert.Equal(ApiClientError.ScopeNotAllowed, (await clients.CreateAsync(Guid.NewGuid(), "Pirate", [StoreScopes.CallsWrite], CancellationToken.None)).Error);
        Assert.Equal(ApiClientError.ScopesRequired, (await clients.CreateAsync(Guid.NewGuid(), "Vide", [], CancellationToken.None)).Error);
        Assert.Equal(ApiClientError.NameRequired, (await clients.CreateAsync(Guid.NewGuid(), " ", [StoreScopes.CustomersRead], CancellationToken.None)).Error);
    }
}
