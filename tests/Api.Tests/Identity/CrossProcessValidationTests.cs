using System.Net;
using Store.Domain.Identity;
using Store.Testing;

namespace Store.Api.Tests.Identity;

/// <summary>
/// An api-only process validates the tokens a site process issues: the site listens on a real port (Kestrel), the
/// api process, sharing its database, is told the site's address as Store:Identity:Issuer and reads the signing keys
/// from its discovery document over HTTP.
/// </summary>
public sealed class CrossProcessValidationTests
{
    [Fact]
    public async Task An_api_process_accepts_a_token_issued_by_the_site_process()
    {
        await using var site = new StoreFactory();
        site.Settings["Store:Roles"] = "site";
        site.UseKestrel(0);
        site.StartServer();
        var siteHttp = site.CreateClient();
        var issuer = siteHttp.BaseAddress!.ToString();

        var reseller = await TestData.AddResellerAsync(site.Services, "Revendeur réparti", "Client réparti");
        var apiClient = await TestData.AddApiClientAsync(site.Services, reseller.Id, StoreScopes.CustomersRead);
        var token = await siteHttp.TokenAsync(apiClient.Client.ClientId, apiClient.Secret);

        await using var api = new StoreFactory();
        api.Settings["Store:Roles"] = "api";
        api.Settings["ConnectionStrings:Store"] = $"Data Source={site.DatabasePath}";
        api.Settings["Store:Identity:Issuer"] = issuer;
        var apiHttp = api.CreateClient();

        var (response, body) = await apiHttp.PostGraphQLWithTokenAsync(token, "{ viewer { kind clientId resellerId } customers(first: 5) { nodes { legalName } } }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        Assert.Equal("CLIENT", (string?)body["data"]!["viewer"]!["kind"]);
        Assert.Equal(apiClient.Client.ClientId, (string?)body["data"]!["viewer"]!["clientId"]);
        Assert.Equal("Client réparti", (string?)body["data"]!["customers"]!["nodes"]![0]!["legalName"]);
    }

    [Fact]
    public async Task An_api_process_without_an_issuer_refuses_tokens_and_still_serves_the_catalog()
    {
        await using var api = new StoreFactory();
        api.Settings["Store:Roles"] = "api";
        var http = api.CreateClient();

        var (refused, _) = await http.PostGraphQLWithTokenAsync("anything", "{ viewer { kind } }");
        var (open, _) = await http.PostGraphQLAsync("{ plans { code } }");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }
}
