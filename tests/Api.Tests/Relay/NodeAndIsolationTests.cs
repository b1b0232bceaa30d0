using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Relay;
using Store.Api.Tests.Identity;
using Store.Domain.Identity;
using Store.Domain.Persistence;

namespace Store.Api.Tests.Relay;

/// <summary>Global IDs, node / nodes, connections, and the one rule behind them: a reseller sees only its own customers.</summary>
public sealed class NodeAndIsolationTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private async Task<(string Token, Guid ResellerId)> ResellerAsync(string name, params string[] customers)
    {
        var reseller = await TestData.AddResellerAsync(factory.Services, name, customers);
        var api = await TestData.AddApiClientAsync(factory.Services, reseller.Id, StoreScopes.CustomersRead);
        return (await factory.CreateClient().TokenAsync(api.Client.ClientId, api.Secret), reseller.Id);
    }

    private async Task<string> GlobalIdOfAsync(string legalName)
    {
        using var scope = factory.Services.CreateScope();
        var id = await scope.ServiceProvider.GetRequiredService<StoreDb>().Customers.Where(c => c.LegalName == legalName).Select(c => c.Id).SingleAsync();
        return GlobalId.Encode("Customer", id);
    }

    [Fact]
    public async Task Reseller_A_finds_nothing_of_reseller_B_through_any_query_or_node()
    {
        var (tokenA, _) = await ResellerAsync("Revendeur A", "A – Cabinet Dupont", "A – Garage Martin");
        await ResellerAsync("Revendeur B", "B – Pharmacie Leroy");
        var http = factory.CreateClient();
        var ofB = await GlobalIdOfAsync("B – Pharmacie Leroy");
        var ofA = await GlobalIdOfAsync("A – Cabinet Dupont");

        var (_, list) = await http.PostGraphQLWithTokenAsync(tokenA, "{ customers(first: 100) { totalCount nodes { legalName } } }");
        var names = list["data"]!["customers"]!["nodes"]!.AsArray().Select(n => (string)n!["legalName"]!).ToList();
        Assert.Equal(["A – Cabinet Dupont", "A – Garage Martin"], names);
        Assert.Equal(2, (int)list["data"]!["customers"]!["totalCount"]!);

        var (_, node) = await http.PostGraphQLWithTokenAsync(tokenA, $$"""{ node(id: "{{ofB}}") { id ... on Customer { legalName } } }""");
        Assert.Null(node["errors"]);
        Assert.Null(node["data"]!["node"]);

        var (_, nodes) = await http.PostGraphQLWithTokenAsync(tokenA, $$"""{ nodes(ids: ["{{ofA}}", "{{ofB}}", "bm90LWFuLWlk"]) { id ... on Customer { legalName } } }""");
        var found = nodes["data"]!["nodes"]!.AsArray();
        Assert.Equal("A – Cabinet Dupont", (string?)found[0]!["legalName"]);
        Assert.Null(found[1]);
        Assert.Null(found[2]);
    }

    [Fact]
    public async Task A_node_id_fetches_the_same_customer_again()
    {
        var (token, _) = await ResellerAsync("Revendeur C", "C – Boulangerie Petit");
        var http = factory.CreateClient();
        var (_, list) = await http.PostGraphQLWithTokenAsync(token, "{ customers(first: 1) { nodes { id legalName market currency } } }");
        var id = (string)list["data"]!["customers"]!["nodes"]![0]!["id"]!;

        var (_, node) = await http.PostGraphQLWithTokenAsync(token, $$"""{ node(id: "{{id}}") { id ... on Customer { legalName } } }""");
        Assert.Equal(id, (string?)node["data"]!["node"]!["id"]);
        Assert.Equal("C – Boulangerie Petit", (string?)node["data"]!["node"]!["legalName"]);
    }

    [Fact]
    public async Task An_anonymous_caller_finds_no_customer_by_node()
    {
        await ResellerAsync("Revendeur D", "D – Fleuriste");
        var ofD = await GlobalIdOfAsync("D – Fleuriste");
        var (_, node) = await factory.CreateClient().PostGraphQLAsync($$"""{ node(id: "{{ofD}}") { id } }""");
        Assert.Null(node["data"]!["node"]);
    }

    [Fact]
    public async Task Pages_follow_each_other_by_cursor_forwards_and_backwards()
    {
        var (token, _) = await ResellerAsync("Revendeur E", "E1", "E2", "E3", "E4", "E5");
        var http = factory.CreateClient();

        async Task<(List<string> Names, System.Text.Json.Nodes.JsonNode PageInfo)> PageAsync(string args)
        {
            var (_, body) = await http.PostGraphQLWithTokenAsync(token, $"{{ customers({args}) {{ edges {{ cursor node {{ legalName }} }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}");
            Assert.Null(body["errors"]);
            var connection = body["data"]!["customers"]!;
            return (connection["edges"]!.AsArray().Select(e => (string)e!["node"]!["legalName"]!).ToList(), connection["pageInfo"]!);
        }

        var (first, info1) = await PageAsync("first: 2");
        Assert.Equal(["E1", "E2"], first);
        Assert.True((bool)info1["hasNextPage"]!);
        var (second, info2) = await PageAsync($"first: 2, after: \"{(string)info1["endCursor"]!}\"");
        Assert.Equal(["E3", "E4"], second);
        var (third, info3) = await PageAsync($"first: 2, after: \"{(string)info2["endCursor"]!}\"");
        Assert.Equal(["E5"], third);
        Assert.False((bool)info3["hasNextPage"]!);

        var (last, infoLast) = await PageAsync("last: 2");
        Assert.Equal(["E4", "E5"], last);
        Assert.True((bool)infoLast["hasPreviousPage"]!);
        var (before, _) = await PageAsync($"last: 2, before: \"{(string)infoLast["startCursor"]!}\"");
        Assert.Equal(["E2", "E3"], before);
    }

    [Theory]
    [InlineData("first: 0")]
    [InlineData("first: 101")]
    [InlineData("first: 2, last: 2")]
    [InlineData("after: \"x\"")]
    public async Task Page_sizes_outside_1_to_100_or_without_first_or_last_are_refused_clearly(string args)
    {
        var (token, _) = await ResellerAsync("Revendeur F" + args.Length, "F1");
        var (_, body) = await factory.CreateClient().PostGraphQLWithTokenAsync(token, $"{{ customers({args}) {{ nodes {{ legalName }} }} }}");
        Assert.Equal("BAD_USER_INPUT", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }
}
