using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Persistence;
using Store.Site.Identity.OpenId;

namespace Store.Api.Tests.Identity;

/// <summary>Resellers, customers and API clients written through the real services, and tokens asked over HTTP.</summary>
internal static class TestData
{
    public static async Task<Reseller> AddResellerAsync(IServiceProvider services, string name, params string[] customers)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var now = DateTimeOffset.UtcNow;
        var reseller = new Reseller(name, now);
        db.Resellers.Add(reseller);
        foreach (var legalName in customers)
        {
            db.Customers.Add(new Customer(legalName, Market.FR, new Address("1 rue de la Paix", null, "75002", "Paris", "FR"), "billing@example.com", now, reseller.Id));
        }

        await db.SaveChangesAsync();
        return reseller;
    }

    public static async Task<NewApiClient> AddApiClientAsync(IServiceProvider services, Guid resellerId, params string[] scopes)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ApiClients>().CreateAsync(resellerId, "Test integration", scopes, CancellationToken.None);
        return result.Value ?? throw new InvalidOperationException("The client was refused: " + result.Error);
    }

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> RequestTokenAsync(this HttpClient client, string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var content = new FormUrlEncodedContent(form);
        var response = await client.PostAsync("/connect/token", content);
        return (response, JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? new JsonObject());
    }

    public static async Task<string> TokenAsync(this HttpClient client, string clientId, string secret, string? scope = null)
    {
        var (response, body) = await client.RequestTokenAsync(clientId, secret, scope);
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return (string)body["access_token"]!;
    }

    public static Task<(HttpResponseMessage Response, JsonNode Body)> PostGraphQLWithTokenAsync(this HttpClient client, string token, string query) =>
        client.PostGraphQLWithVariablesAsync(token, query, null);

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PostGraphQLWithVariablesAsync(this HttpClient client, string token, string query, object? variables, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/graphql-response+json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        return (response, await GraphQLClient.ReadAsync(response));
    }
}
