using System.Net;
using Store.Testing;

namespace Store.Api.Tests.Safety;

public sealed class CostLimitTests
{
    private const string DeepIntrospection = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } } } } }";

    [Fact]
    public async Task Every_response_says_what_it_cost_and_what_is_left_in_extensions_and_headers()
    {
        await using var factory = new StoreFactory();
        var (response, body) = await factory.CreateClient().PostGraphQLAsync("{ plans { code prices { amount } } }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cost = body["extensions"]!["cost"]!;
        Assert.True((double)cost["requested"]! > 0);
        Assert.InRange((double)cost["limit"]! - (double)cost["requested"]! - (double)cost["remaining"]!, 0, 1);
        Assert.Equal(((double)cost["remaining"]!).ToString("0", System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("RateLimit-Remaining").Single());
        Assert.NotNull(response.Headers.GetValues("RateLimit-Reset").Single());
    }

    [Fact]
    public async Task A_document_deeper_than_the_limit_is_refused_before_it_runs()
    {
        await using var factory = new StoreFactory();
        var (response, body) = await factory.CreateClient().PostGraphQLAsync(DeepIntrospection);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(body["data"]);
        Assert.Contains("depth", (string?)body["errors"]![0]!["message"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_document_costing_more_than_the_limit_is_refused_before_it_runs()
    {
        await using var factory = new StoreFactory();
        factory.Settings["Store:Api:Cost:MaxCost"] = "5";
        var (response, body) = await factory.CreateClient().PostGraphQLAsync("{ plans { code name prices { period amount currency } includedDestinations { country fixed mobile } } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("complexity", (string?)body["errors"]![0]!["message"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_caller_who_spent_the_minute_budget_gets_429_with_a_clear_code_and_Retry_After()
    {
        await using var factory = new StoreFactory();
        factory.Settings["Store:Api:Cost:AnonymousPointsPerMinute"] = "1000";
        var client = factory.CreateClient();

        var (first, firstBody) = await client.PostGraphQLAsync("{ plans { code prices { amount } } }");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var cost = (double)firstBody["extensions"]!["cost"]!["requested"]!;
        var fitting = (int)Math.Floor(1000 / cost);

        for (var i = 1; i < fitting; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostGraphQLAsync("{ plans { code prices { amount } } }")).Response.StatusCode);
        }

        var (refused, body) = await client.PostGraphQLAsync("{ plans { code prices { amount } } }");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Null(body["data"]);
        Assert.Equal("COST_BUDGET_EXCEEDED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.True(double.Parse(refused.Headers.GetValues("RateLimit-Remaining").Single(), System.Globalization.CultureInfo.InvariantCulture) < cost);
    }
}
