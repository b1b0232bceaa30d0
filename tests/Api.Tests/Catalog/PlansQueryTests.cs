using Store.Testing;

namespace Store.Api.Tests.Catalog;

public sealed class PlansQueryTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task Plans_are_listed_with_their_prices_over_HTTP_POST()
    {
        var (response, body) = await factory.CreateClient().PostGraphQLAsync("{ plans { code name prices { period amount currency } } }");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        var plans = body["data"]!["plans"]!.AsArray();
        var start = plans.Single(p => (string?)p!["code"] == "forfait-start")!;
        Assert.Equal("Forfait Start", (string?)start["name"]);
        var monthly = start["prices"]!.AsArray().Single(p => (string?)p!["period"] == "MONTHLY")!;
        Assert.Equal(19.90m, (decimal)monthly["amount"]!);
        Assert.Equal("EUR", (string?)monthly["currency"]);
        var pro = plans.Single(p => (string?)p!["code"] == "forfait-pro")!;
        Assert.Equal(399m, (decimal)pro["prices"]!.AsArray().Single(p => (string?)p!["period"] == "YEARLY")!["amount"]!);
    }

    [Fact]
    public async Task Names_come_in_English_on_request()
    {
        var (_, body) = await factory.CreateClient().PostGraphQLAsync("{ plans { code name(language: EN) } }");
        Assert.Equal("Pro plan", (string?)body["data"]!["plans"]![1]!["name"]);
    }

    [Fact]
    public async Task The_catalog_version_in_force_on_a_day_is_given_with_its_rules()
    {
        var (_, body) = await factory.CreateClient().PostGraphQLAsync(
            "query($on: DateOnly) { catalog(on: $on) { version effectiveFrom plans { code maxDistinctCorrespondentsPerMonth maxIncludedCallSeconds overageInternationalPerMinute } } }",
            new { on = "2025-06-01" });

        Assert.Null(body["errors"]);
        var catalog = body["data"]!["catalog"]!;
        Assert.Equal("2025-03", (string?)catalog["version"]);
        Assert.Equal(100, (int)catalog["plans"]![0]!["maxDistinctCorrespondentsPerMonth"]!);
        Assert.Equal(3600, (int)catalog["plans"]![0]!["maxIncludedCallSeconds"]!);
        Assert.Equal(0.89m, (decimal)catalog["plans"]![0]!["overageInternationalPerMinute"]!);
    }

    [Fact]
    public async Task A_day_before_the_first_catalog_gets_a_clear_error()
    {
        var (_, body) = await factory.CreateClient().PostGraphQLAsync("{ catalog(on: \"2020-01-01\") { version } }");
        Assert.Contains("No catalog version is in force on 2020-01-01", (string?)body["errors"]![0]!["message"], StringComparison.Ordinal);
    }
}
