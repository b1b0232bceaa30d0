using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Store.Testing;

namespace Store.Site.Tests.Hosting;

public sealed class HealthAndErrorsTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task Health_says_the_database_answers()
    {
        var response = await factory.CreateClient().GetAsync("/health");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Equal("Healthy", (string?)body["checks"]!["database"]!["status"]);
    }

    [Fact]
    public async Task Health_is_unhealthy_when_the_database_is_gone_and_healthy_again_when_it_is_back()
    {
        await using var broken = new StoreFactory();
        var client = broken.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var folder = Path.GetDirectoryName(broken.DatabasePath)!;
        var away = folder + ".away";
        Directory.Move(folder, away);
        await File.WriteAllTextAsync(folder, "not a folder");
        try
        {
            var response = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("Unhealthy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            // The same database comes back (the scheduler of the jobs role cannot stop before it can write again).
            File.Delete(folder);
            Directory.Move(away, folder);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_answers_a_ProblemDetails_404_to_API_clients()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(404, (int)problem["status"]!);
        Assert.NotNull(problem["traceId"]);
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        var response = await factory.CreateClient().GetAsync("/");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }
}
