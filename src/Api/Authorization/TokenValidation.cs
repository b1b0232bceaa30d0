using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Store.Domain.Persistence;

namespace Store.Api.Authorization;

/// <summary>
/// Validation of the access tokens the site's OpenID Connect server issues: signed JWTs for the audience
/// <see cref="Audience"/>, checked against the token table so that a revoked client's tokens stop working at once.
/// A process that also runs the site uses the server's own keys; an api-only process reads the keys from the
/// issuer's discovery document (Store:Identity:Issuer) over HTTP.
/// </summary>
public static class TokenValidation
{
    public const string Audience = "store-api";

    public static IHostApplicationBuilder AddTokenValidation(this IHostApplicationBuilder builder)
    {
        var issuer = builder.Configuration["Store:Identity:Issuer"];
        var withServer = RunsSite(builder.Configuration["Store:Roles"]);
        var mode = withServer ? TokenValidationMode.LocalServer
            : string.IsNullOrWhiteSpace(issuer) ? TokenValidationMode.None
            : TokenValidationMode.Discovery;
        builder.Services.AddSingleton(new TokenValidationSetup(mode));
        if (mode == TokenValidationMode.None)
        {
            return builder;
        }

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<StoreDb>().ReplaceDefaultEntities<Guid>())
            .AddValidation(validation =>
            {
                if (mode == TokenValidationMode.LocalServer)
                {
                    validation.UseLocalServer();
                }
                else
                {
                    validation.SetIssuer(new Uri(issuer!, UriKind.Absolute));
                    validation.UseSystemNetHttp();
                }

                validation.AddAudiences(Audience);
                validation.EnableTokenEntryValidation();
                validation.UseAspNetCore();
            });
        return builder;
    }

    /// <summary>Whether Store:Roles (the host's setting, "site,api,jobs" when empty) includes the site.</summary>
    private static bool RunsSite(string? roles) =>
        string.IsNullOrWhiteSpace(roles)
        || roles.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains("site", StringComparer.OrdinalIgnoreCase);
}

/// <summary>How this process checks bearer tokens, for the transport to know.</summary>
public sealed record TokenValidationSetup(TokenValidationMode Mode);

/// <summary>How this process checks bearer tokens.</summary>
public enum TokenValidationMode
{
    /// <summary>An api-only process with no Store:Identity:Issuer: every bearer token is refused.</summary>
    None,

    /// <summary>The process runs the OpenID Connect server too and uses its keys directly.</summary>
    LocalServer,

    /// <summary>The keys come from the issuer's discovery document and key set.</summary>
    Discovery,
}
