using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Store.Api.Authorization;
using Store.Domain.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Store.Site.Identity.OpenId;

/// <summary>/connect/token: codes and refresh tokens for people, client credentials for machines.</summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, IOpenIddictApplicationManager applications, PersonClaims people)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (request.IsClientCredentialsGrantType())
        {
            return await ForClientAsync(request, applications, http.RequestAborted);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var identity = granted.Principal is null ? null : await people.RenewAsync(granted.Principal, http.RequestAborted);
            return identity is null
                ? OpenIdResults.Error(Errors.InvalidGrant, "This account may no longer sign in.")
                : OpenIdResults.SignIn(identity);
        }

        return OpenIdResults.Error(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    /// <summary>
    /// A machine client's token: its client id as subject, the reseller it belongs to, and the scopes it asked for
    /// (all the scopes it is allowed when it asked for none).
    /// </summary>
    private static async Task<IResult> ForClientAsync(OpenIddictRequest request, IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken);
        if (application is null)
        {
            return OpenIdResults.Error(Errors.InvalidClient, "This client does not exist.");
        }

        var scopes = request.GetScopes();
        if (scopes.IsEmpty)
        {
            scopes = [.. (await applications.GetPermissionsAsync(application, cancellationToken))
                .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                .Select(p => p[Permissions.Prefixes.Scope.Length..])];
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, cancellationToken));
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        if (properties.TryGetValue(ApiClients.ResellerProperty, out var reseller) && reseller.ValueKind == JsonValueKind.String)
        {
            identity.SetClaim(StoreClaims.ResellerId, reseller.GetString());
        }

        identity.SetScopes(scopes);
        identity.SetResources(TokenValidation.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return OpenIdResults.SignIn(identity);
    }
}
