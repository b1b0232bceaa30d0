using System.Threading.RateLimiting;

namespace Store.Site.Identity;

/// <summary>Limits on the sign-in, registration and reset forms: a few posts a minute per address, so guessing is slow.</summary>
public static class IdentityRateLimits
{
    public const string SignIn = "sign-in";

    public static void AddIdentityRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Store:Identity:SignInPostsPerMinute", 20);
        services.AddRateLimiter(o => o.AddPolicy(SignIn, context =>
            HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("get")));
    }
}
