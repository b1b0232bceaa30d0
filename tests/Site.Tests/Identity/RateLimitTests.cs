using System.Net;
using Store.Testing;

namespace Store.Site.Tests.Identity;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_are_refused_with_429_and_Retry_After()
    {
        await using var factory = new StoreFactory();
        factory.Settings["Store:Identity:SignInPostsPerMinute"] = "3";
        var client = factory.Browser();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync("someone@example.fr", "wrong password " + i)).StatusCode);
        }

        var refused = await client.SignInAsync("someone@example.fr", "wrong password 4");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null || refused.Headers.Contains("Retry-After"));

        // Reading the page is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }
}
