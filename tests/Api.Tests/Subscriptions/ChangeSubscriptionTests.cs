using System.Globalization;
using Store.Api.Tests.Identity;
using Store.Domain;
using Store.Domain.Identity;

namespace Store.Api.Tests.Subscriptions;

public sealed class ChangeSubscriptionTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private async Task<(HttpClient Http, string Token, string Subscription)> SubscribedAsync(string name, string product, int quantity, string? option = null)
    {
        var reseller = await TestData.AddResellerAsync(factory.Services, name, name + " – client");
        var api = await TestData.AddApiClientAsync(factory.Services, reseller.Id, StoreScopes.CustomersWrite, StoreScopes.CustomersRead);
        var http = factory.CreateClient();
        var token = await http.TokenAsync(api.Client.ClientId, api.Secret);
        var (_, list) = await http.PostGraphQLWithTokenAsync(token, "{ customers(first: 1) { nodes { id } } }");
        var customer = (string)list["data"]!["customers"]!["nodes"]![0]!["id"]!;
        var startsOn = LocalTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var options = option is null ? Array.Empty<object>() : [new { code = option, quantity = 2 }];
        var (_, subscribed) = await http.PostGraphQLWithVariablesAsync(token, "mutation($i: SubscribeInput!) { subscribe(input: $i) { subscription { id } userErrors { message } } }", new { i = new { customerId = customer, productCode = product, billingPeriod = "MONTHLY", quantity, startsOn, options } });
        return (http, token, (string?)subscribed["data"]?["subscribe"]?["subscription"]?["id"] ?? throw new InvalidOperationException(subscribed.ToJsonString()));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Adding_a_user_is_quoted_then_applied_today_and_the_subscription_counts_it()
    {
        var (http, token, id) = await SubscribedAsync("Revendeur Utilisateurs", "forfait-pro", 3);
        var (_, quote) = await http.PostGraphQLWithTokenAsync(token, $$"""{ quantityChangeQuote(subscriptionId: "{{id}}", quantity: 4) { effectiveOn priceDelta fee currency rule } }""");
        var q = quote["data"]!["quantityChangeQuote"]!;
        Assert.Equal((Day(LocalTime.Today(TimeProvider.System)), 39.90m, 0m), ((string)q["effectiveOn"]!, (decimal)q["priceDelta"]!, (decimal)q["fee"]!));

        var (_, changed) = await http.PostGraphQLWithVariablesAsync(token, "mutation($i: ChangeSubscriptionQuantityInput!) { changeSubscriptionQuantity(input: $i) { subscription { quantity quantityChanges { fromQuantity quantity effectiveOn } } change { effectiveOn } userErrors { code } } }", new { i = new { subscriptionId = id, quantity = 4 } });
        var payload = changed["data"]!["changeSubscriptionQuantity"]!;
        Assert.Empty(payload["userErrors"]!.AsArray());
        Assert.Equal(4, (int)payload["subscription"]!["quantity"]!);
        Assert.Equal((3, 4), ((int)payload["subscription"]!["quantityChanges"]![0]!["fromQuantity"]!, (int)payload["subscription"]!["quantityChanges"]![0]!["quantity"]!));
    }

    [Fact]
    public async Task Removing_a_user_shows_the_59_EUR_fee_before_confirming()
    {
        var (http, token, id) = await SubscribedAsync("Revendeur Départ", "forfait-start", 3);
        var (_, quote) = await http.PostGraphQLWithTokenAsync(token, $$"""{ quantityChangeQuote(subscriptionId: "{{id}}", quantity: 2) { priceDelta fee rule } }""");
        Assert.Equal((-19.90m, 59m), ((decimal)quote["data"]!["quantityChangeQuote"]!["priceDelta"]!, (decimal)quote["data"]!["quantityChangeQuote"]!["fee"]!));

        var (_, refused) = await http.PostGraphQLWithTokenAsync(token, $$"""{ quantityChangeQuote(subscriptionId: "{{id}}", quantity: 0) { fee } }""");
        Assert.Equal("QUANTITY_RANGE", (string?)refused["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task A_recording_pack_reduction_waits_for_the_first_of_next_month_and_the_options_show_both_rows()
    {
        var (http, token, id) = await SubscribedAsync("Revendeur Packs", "cx-advanced-ivr", 1, "cx-recording-500");
        var (_, changed) = await http.PostGraphQLWithVariablesAsync(token, "mutation($i: SetSubscriptionOptionInput!) { setSubscriptionOption(input: $i) { subscription { options { code quantity startsOn endsOn } } change { effectiveOn priceDelta rule } userErrors { code } } }", new { i = new { subscriptionId = id, optionCode = "cx-recording-500", quantity = 1 } });
        var payload = changed["data"]!["setSubscriptionOption"]!;
        Assert.Empty(payload["userErrors"]!.AsArray());
        var today = LocalTime.Today(TimeProvider.System);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        Assert.Equal(Day(first), (string?)payload["change"]!["effectiveOn"]);
        var rows = payload["subscription"]!["options"]!.AsArray();
        Assert.Equal([(2, Day(first.AddDays(-1))), (1, (string?)null)], rows.Select(r => ((int)r!["quantity"]!, (string?)r["endsOn"])));

        var (_, unknown) = await http.PostGraphQLWithVariablesAsync(token, "mutation($i: SetSubscriptionOptionInput!) { setSubscriptionOption(input: $i) { userErrors { field code } } }", new { i = new { subscriptionId = id, optionCode = "call-recording", quantity = 1 } });
        Assert.Equal("UNKNOWN_OPTION", (string?)unknown["data"]!["setSubscriptionOption"]!["userErrors"]![0]!["code"]);
    }
}
