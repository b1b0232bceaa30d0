using Store.Api.Tests.Identity;
using Store.Domain.Identity;

namespace Store.Api.Tests.Subscriptions;

public sealed class SubscribeTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private const string Subscribe = """
        mutation($input: SubscribeInput!) {
          subscribe(input: $input) {
            subscription { id productCode billingPeriod quantity unitPrice catalogVersion options { code quantity } }
            userErrors { field message code }
          }
        }
        """;

    private async Task<(string Token, string CustomerId)> ResellerWithCustomerAsync(string name)
    {
        var reseller = await TestData.AddResellerAsync(factory.Services, name, name + " – client");
        var api = await TestData.AddApiClientAsync(factory.Services, reseller.Id, StoreScopes.CustomersWrite, StoreScopes.CustomersRead);
        var http = factory.CreateClient();
        var token = await http.TokenAsync(api.Client.ClientId, api.Secret);
        var (_, list) = await http.PostGraphQLWithTokenAsync(token, "{ customers(first: 1) { nodes { id } } }");
        return (token, (string)list["data"]!["customers"]!["nodes"]![0]!["id"]!);
    }

    private static object Input(string customerId, string product = "forfait-pro", string period = "YEARLY", int quantity = 3, string option = "call-recording") => new
    {
        input = new
        {
            customerId,
            productCode = product,
            billingPeriod = period,
            quantity,
            options = new[] { new { code = option, quantity = 1 } },
            startsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    [Fact]
    public async Task A_reseller_subscribes_its_customer_to_Pro_for_3_users_yearly_with_call_recording()
    {
        var (token, customer) = await ResellerWithCustomerAsync("Revendeur Alpha");
        var http = factory.CreateClient();

        var (_, body) = await http.PostGraphQLWithVariablesAsync(token, Subscribe, Input(customer));
        var payload = body["data"]!["subscribe"]!;
        Assert.Empty(payload["userErrors"]!.AsArray());
        var subscription = payload["subscription"]!;
        Assert.Equal(("forfait-pro", "YEARLY", 3, 399m, "2025-03"), ((string)subscription["productCode"]!, (string)subscription["billingPeriod"]!, (int)subscription["quantity"]!, (decimal)subscription["unitPrice"]!, (string)subscription["catalogVersion"]!));
        Assert.Equal("call-recording", (string?)subscription["options"]![0]!["code"]);

        var (_, read) = await http.PostGraphQLWithTokenAsync(token, "{ customers(first: 1) { nodes { subscriptions { productCode quantity } } } }");
        Assert.Equal(3, (int)read["data"]!["customers"]!["nodes"]![0]!["subscriptions"]![0]!["quantity"]!);
    }

    [Fact]
    public async Task A_period_an_option_or_a_product_the_catalog_does_not_sell_is_a_user_error()
    {
        var (token, customer) = await ResellerWithCustomerAsync("Revendeur Beta");
        var http = factory.CreateClient();

        var (_, unlimited) = await http.PostGraphQLWithVariablesAsync(token, Subscribe, Input(customer, product: "telephonie-illimitee", period: "YEARLY"));
        Assert.Equal("PERIOD_NOT_OFFERED", (string?)unlimited["data"]!["subscribe"]!["userErrors"]![0]!["code"]);

        var (_, option) = await http.PostGraphQLWithVariablesAsync(token, Subscribe, Input(customer, option: "ivr-decision"));
        Assert.Equal(("options[0].code", "UNKNOWN_OPTION"), ((string)option["data"]!["subscribe"]!["userErrors"]![0]!["field"]!, (string)option["data"]!["subscribe"]!["userErrors"]![0]!["code"]!));

        var (_, swiss) = await http.PostGraphQLWithVariablesAsync(token, Subscribe, Input(customer, product: "090x", period: "MONTHLY", quantity: 1));
        Assert.Equal("WRONG_MARKET", (string?)swiss["data"]!["subscribe"]!["userErrors"]![0]!["code"]);
        Assert.Null(swiss["data"]!["subscribe"]!["subscription"]);
    }

    [Fact]
    public async Task Another_resellers_customer_is_not_found()
    {
        var (_, theirs) = await ResellerWithCustomerAsync("Revendeur Gamma");
        var (mine, _) = await ResellerWithCustomerAsync("Revendeur Delta");

        var (_, body) = await factory.CreateClient().PostGraphQLWithVariablesAsync(mine, Subscribe, Input(theirs));
        Assert.Equal(("customerId", "NOT_FOUND"), ((string)body["data"]!["subscribe"]!["userErrors"]![0]!["field"]!, (string)body["data"]!["subscribe"]!["userErrors"]![0]!["code"]!));
    }
}

public sealed class CancelSubscriptionTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task The_fee_and_date_are_shown_before_confirming_then_the_cancellation_takes_them()
    {
        var reseller = await TestData.AddResellerAsync(factory.Services, "Revendeur Epsilon", "Epsilon – client");
        var api = await TestData.AddApiClientAsync(factory.Services, reseller.Id, StoreScopes.CustomersWrite, StoreScopes.CustomersRead);
        var http = factory.CreateClient();
        var token = await http.TokenAsync(api.Client.ClientId, api.Secret);
        var (_, list) = await http.PostGraphQLWithTokenAsync(token, "{ customers(first: 1) { nodes { id } } }");
        var customer = (string)list["data"]!["customers"]!["nodes"]![0]!["id"]!;
        var startsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (_, subscribed) = await http.PostGraphQLWithVariablesAsync(token, "mutation($i: SubscribeInput!) { subscribe(input: $i) { subscription { id } } }", new { i = new { customerId = customer, productCode = "forfait-start", billingPeriod = "MONTHLY", quantity = 4, startsOn } });
        var id = (string)subscribed["data"]!["subscribe"]!["subscription"]!["id"]!;

        var (_, quote) = await http.PostGraphQLWithTokenAsync(token, $$"""{ cancellationQuote(subscriptionId: "{{id}}") { fee currency rule } }""");
        Assert.Equal(236m, (decimal)quote["data"]!["cancellationQuote"]!["fee"]!); // 4 licences × 59 EUR
        Assert.Equal("EUR", (string?)quote["data"]!["cancellationQuote"]!["currency"]);

        const string Cancel = "mutation($i: CancelSubscriptionInput!) { cancelSubscription(input: $i) { subscription { endsOn terminationFee } cancellation { fee } userErrors { code } } }";
        var (_, cancelled) = await http.PostGraphQLWithVariablesAsync(token, Cancel, new { i = new { subscriptionId = id } });
        Assert.Equal(236m, (decimal)cancelled["data"]!["cancelSubscription"]!["subscription"]!["terminationFee"]!);
        Assert.NotNull((string?)cancelled["data"]!["cancelSubscription"]!["subscription"]!["endsOn"]);

        var (_, again) = await http.PostGraphQLWithVariablesAsync(token, Cancel, new { i = new { subscriptionId = id } });
        Assert.Equal("ALREADY_CANCELLED", (string?)again["data"]!["cancelSubscription"]!["userErrors"]![0]!["code"]);

        // The subscription is a node for its reseller, and nothing at all for another one.
        var (_, node) = await http.PostGraphQLWithTokenAsync(token, $$"""{ node(id: "{{id}}") { id ... on ProductSubscription { quantity } } }""");
        Assert.Equal(4, (int)node["data"]!["node"]!["quantity"]!);
        var other = await TestData.AddResellerAsync(factory.Services, "Revendeur Zeta");
        var otherApi = await TestData.AddApiClientAsync(factory.Services, other.Id, StoreScopes.CustomersWrite, StoreScopes.CustomersRead);
        var otherToken = await http.TokenAsync(otherApi.Client.ClientId, otherApi.Secret);
        var (_, hidden) = await http.PostGraphQLWithTokenAsync(otherToken, $$"""{ node(id: "{{id}}") { id } cancellationQuote(subscriptionId: "{{id}}") { fee } }""");
        Assert.Null(hidden["data"]!["node"]);
        Assert.Null(hidden["data"]!["cancellationQuote"]);
        var (_, refused) = await http.PostGraphQLWithVariablesAsync(otherToken, Cancel, new { i = new { subscriptionId = id } });
        Assert.Equal("NOT_FOUND", (string?)refused["data"]!["cancelSubscription"]!["userErrors"]![0]!["code"]);

    }
}
