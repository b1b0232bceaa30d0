using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Tests.Identity;
using Store.Domain.Catalog;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;
using static Store.Api.Tests.Calls.CallsTestData;

namespace Store.Api.Tests.Calls;

public sealed class CallListTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task A_reseller_lists_a_customers_calls_newest_first_with_their_charge_and_rule_filtered_and_paged()
    {
        var reseller = await TestData.AddResellerAsync(factory.Services, "Revendeur Appels", "Appels – client");
        Guid customer;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            customer = await db.Customers.Where(c => c.ResellerId == reseller.Id).Select(c => c.Id).SingleAsync();
            var catalog = scope.ServiceProvider.GetRequiredService<CatalogRegistry>().Get("2025-03");
            var contract = new Contract(customer, "CT-" + Guid.NewGuid().ToString("N")[..10], catalog.Version, new ConditionsAcceptance("t@example.fr", DateTimeOffset.UtcNow, "127.0.0.1", "003"));
            Subscription.Start(contract, catalog, "forfait-start", PricePeriod.Monthly, 1, March);
            db.Contracts.Add(contract);
            await db.SaveChangesAsync();
        }

        await AddNumberAsync(factory.Services, customer, "+33145000077");
        var platform = await PlatformAsync(factory);
        var missed = new { callId = "l-3", user = "alice", direction = "outbound", caller = "+33145000077", callee = "0612345678", startedAt = "2025-03-12T09:00:00+01:00", endedAt = "2025-03-12T09:00:20+01:00", disposition = "no-answer" };
        await platform.PostJsonAsync("/api/calls/json", new { records = new object[] { Outbound("l-1", "+33145000077", "+12125550100", 120, "2025-03-10T10:00:00+01:00"), Outbound("l-2", "+33145000077", "0140000001", 60, "2025-03-11T10:00:00+01:00"), missed } });

        var api = await TestData.AddApiClientAsync(factory.Services, reseller.Id, StoreScopes.CustomersRead);
        var http = factory.CreateClient();
        var token = await http.TokenAsync(api.Client.ClientId, api.Secret);
        const string Fields = "totalCount pageInfo { hasNextPage endCursor } nodes { platformCallId answered amount category rule(language: \"en\") }";

        var (_, all) = await http.PostGraphQLWithTokenAsync(token, $"{{ customers(first: 1) {{ nodes {{ calls(first: 2) {{ {Fields} }} }} }} }}");
        var page = all["data"]!["customers"]!["nodes"]![0]!["calls"]!;
        Assert.Equal(3, (int)page["totalCount"]!);
        Assert.Equal(["l-3", "l-2"], page["nodes"]!.AsArray().Select(n => (string)n!["platformCallId"]!));
        Assert.True((bool)page["pageInfo"]!["hasNextPage"]!);

        var (_, next) = await http.PostGraphQLWithTokenAsync(token, $"{{ customers(first: 1) {{ nodes {{ calls(first: 2, after: \"{(string)page["pageInfo"]!["endCursor"]!}\") {{ {Fields} }} }} }} }}");
        var international = next["data"]!["customers"]!["nodes"]![0]!["calls"]!["nodes"]!.AsArray().Single()!;
        Assert.Equal(("l-1", 1.78m, "INTERNATIONAL_OVERAGE"), ((string)international["platformCallId"]!, (decimal)international["amount"]!, (string)international["category"]!));
        Assert.NotEmpty((string)international["rule"]!);

        var (_, answered) = await http.PostGraphQLWithTokenAsync(token, $"{{ customers(first: 1) {{ nodes {{ calls(first: 10, answered: false) {{ {Fields} }} }} }} }}");
        Assert.Equal(["l-3"], answered["data"]!["customers"]!["nodes"]![0]!["calls"]!["nodes"]!.AsArray().Select(n => (string)n!["platformCallId"]!));

        var (_, period) = await http.PostGraphQLWithTokenAsync(token, $"{{ customers(first: 1) {{ nodes {{ calls(first: 10, from: \"2025-03-11T00:00:00+01:00\", to: \"2025-03-12T00:00:00+01:00\") {{ {Fields} }} }} }} }}");
        Assert.Equal(["l-2"], period["data"]!["customers"]!["nodes"]![0]!["calls"]!["nodes"]!.AsArray().Select(n => (string)n!["platformCallId"]!));
    }
}
