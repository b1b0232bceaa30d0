using System.Net;
using Store.Testing;

namespace Store.Api.Tests.Identity;

/// <summary>The token endpoint answers 429 past its per-address limit (30 a minute), whatever the requests hold.</summary>
public sealed class TokenRateLimitTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task The_31st_token_request_in_a_minute_gets_429()
    {
        var http = factory.CreateClient();
        for (var i = 1; i <= 30; i++)
        {
            var (response, body) = await http.RequestTokenAsync("nobody", "wrong");
            Assert.True(response.StatusCode != HttpStatusCode.TooManyRequests, $"Request {i} was limited.");
            Assert.Equal("invalid_client", (string?)body["error"]);
        }

        var (limited, _) = await http.RequestTokenAsync("nobody", "wrong");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
    }
}
