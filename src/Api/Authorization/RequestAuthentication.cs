using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Validation.AspNetCore;
using Store.Api.Viewer;

namespace Store.Api.Authorization;

/// <summary>Why a request's bearer token was refused: OAuth's error code and a sentence for the developer.</summary>
public sealed record TokenRefusal(string Error, string Description);

/// <summary>
/// Finds the caller of an API request: the bearer token when an Authorization header is sent (refused when it does not
/// validate), else the person signed in on the site, else anonymous.
/// </summary>
public static class RequestAuthentication
{
    public static async Task<(Caller? Caller, TokenRefusal? Refusal)> AuthenticateAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.Headers.ContainsKey("Authorization"))
        {
            return (Caller.FromSession(http.User), null);
        }

        if (http.RequestServices.GetRequiredService<TokenValidationSetup>().Mode == TokenValidationMode.None)
        {
            return (null, new TokenRefusal("invalid_token", "This API process validates no tokens: Store:Identity:Issuer is not set."));
        }

        var result = await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (result.Succeeded)
        {
            return (Caller.FromToken(result.Principal), null);
        }

        if (result.None)
        {
            return (null, new TokenRefusal("invalid_request", "Send the access token as 'Authorization: Bearer <token>'."));
        }

        var error = result.Properties?.GetString(OpenIddictValidationAspNetCoreConstants.Properties.Error);
        var description = result.Properties?.GetString(OpenIddictValidationAspNetCoreConstants.Properties.ErrorDescription);
        return (null, new TokenRefusal(error ?? "invalid_token", description ?? "The access token is not valid."));
    }

    /// <summary>The WWW-Authenticate value of RFC 6750 for a refused token.</summary>
    public static string Challenge(TokenRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return $"Bearer realm=\"Store\", error=\"{refusal.Error}\", error_description=\"{refusal.Description.Replace("\"", "'", StringComparison.Ordinal)}\"";
    }
}
