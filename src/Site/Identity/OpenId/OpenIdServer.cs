using System.Threading.RateLimiting;
using OpenIddict.Abstractions;
using Store.Domain.Identity;
using Store.Domain.Persistence;

namespace Store.Site.Identity.OpenId;

/// <summary>
/// The OpenID Connect / OAuth 2 server: authorization code with PKCE and refresh tokens for people, client credentials
/// for machines. Access tokens are signed JWTs, not encrypted, so that Api processes can validate them with the
/// published keys (docs/identity-keys.md).
/// </summary>
public static class OpenIdServer
{
    public const string TokenRateLimit = "connect-token";

    public static readonly string[] IdentityScopes =
        [OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Profile, OpenIddictConstants.Scopes.Email, OpenIddictConstants.Scopes.OfflineAccess];

    public static WebApplicationBuilder AddOpenIdServer(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(OpenIdSettings.Section).Get<OpenIdSettings>() ?? new OpenIdSettings();
        builder.Services.AddOptions<OpenIdSettings>().BindConfiguration(OpenIdSettings.Section);
        var requireHttps = settings.RequireHttps ?? !(builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing"));

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<StoreDb>().ReplaceDefaultEntities<Guid>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetUserInfoEndpointUris("connect/userinfo");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.AllowClientCredentialsFlow();
                server.AllowRefreshTokenFlow();
                server.RegisterScopes([.. IdentityScopes, .. StoreScopes.All]);
                server.RegisterClaims(StoreClaims.ResellerId, StoreClaims.CustomerId, StoreClaims.Membership);
                server.SetAccessTokenLifetime(settings.AccessTokenLifetime);
                server.SetRefreshTokenLifetime(settings.RefreshTokenLifetime);
                server.DisableAccessTokenEncryption();
                if (settings.Issuer is not null)
                {
                    server.SetIssuer(settings.Issuer);
                }

                OpenIdKeys.AddTo(server, settings);

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                if (!requireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        builder.Services.AddRateLimiter(o => o.AddPolicy(TokenRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.TokenRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));

        builder.Services.AddScoped<PersonClaims>();
        builder.Services.AddScoped<ApiClients>();
        builder.Services.AddHostedService<OpenIdClientSeeder>();
        return builder;
    }

    /// <summary>The protocol endpoints under /connect/; discovery and keys are served by OpenIddict itself.</summary>
    public static IEndpointRouteBuilder MapOpenIdServer(this IEndpointRouteBuilder endpoints)
    {
        var connect = endpoints.MapGroup("/connect").DisableAntiforgery();
        connect.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], (Delegate)AuthorizeEndpoint.HandleAsync);
        connect.MapPost("/token", TokenEndpoint.HandleAsync).RequireRateLimiting(TokenRateLimit);
        connect.MapMethods("/endsession", [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionEndpoint.HandleAsync);
        connect.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], (Delegate)UserInfoEndpoint.HandleAsync);
        return endpoints;
    }
}
