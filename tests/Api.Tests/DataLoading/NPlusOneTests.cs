using Microsoft.Extensions.DependencyInjection;
using Store.Api.Tests.Identity;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;

namespace Store.Api.Tests.DataLoading;

[Collection(SqlCountingCollection.Name)]
public sealed class NPlusOneTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task A_hundred_customers_with_their_subscriptions_and_options_take_a_bounded_number_of_SQL_statements()
    {
        var reseller = await TestData.AddResellerAsync(factory.Services, "Gros revendeur");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            var catalog = scope.ServiceProvider.GetRequiredService<CatalogRegistry>().Get("2025-03");
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < 100; i++)
            {
                var customer = new Customer($"Client {i:000}", Market.FR, new Address("1 rue A", null, "75001", "Paris", "FR"), $"c{i}@example.fr", now, reseller.Id);
                var contract = new Contract(customer.Id, $"C-NP1-{i:000}", catalog.Version, new ConditionsAcceptance("owner@example.fr", now, "127.0.0.1", "003"));
                var subscription = Subscription.Start(contract, catalog, i % 2 == 0 ? "forfait-start" : "forfait-pro", PricePeriod.Monthly, 1 + (i % 5), new DateOnly(2025, 6, 1));
                subscription.AddOption(catalog, "call-recording", 1, new DateOnly(2025, 6, 1));
                subscription.AddOption(catalog, "extra-user-profile", 2, new DateOnly(2025, 6, 1));
                db.Customers.Add(customer);
                db.Contracts.Add(contract);
            }

            await db.SaveChangesAsync();
        }

        var api = await TestData.AddApiClientAsync(factory.Services, reseller.Id, StoreScopes.CustomersRead);
        var http = factory.CreateClient();
        var token = await http.TokenAsync(api.Client.ClientId, api.Secret);

        using var counter = new SqlCounter();
        var (_, body) = await http.PostGraphQLWithTokenAsync(token, "{ customers(first: 100) { nodes { legalName subscriptions { productCode quantity unitPrice options { code quantity } } } } }");
        var statements = counter.Count;

        Assert.True(body["errors"] is null, body["errors"]?.ToJsonString());
        var nodes = body["data"]!["customers"]!["nodes"]!.AsArray();
        Assert.Equal(100, nodes.Count);
        Assert.All(nodes, n => Assert.Equal(2, n!["subscriptions"]![0]!["options"]!.AsArray().Count));
        Assert.Equal(39.90m, (decimal)nodes[1]!["subscriptions"]![0]!["unitPrice"]!);

        // Token check, the page, its count, all subscriptions, all options: not one query per customer.
        Assert.InRange(statements, 1, 10);
    }
}
