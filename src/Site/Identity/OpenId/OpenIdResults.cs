using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Store.Site.Identity.OpenId;

/// <summary>Answers the endpoints give through OpenIddict, which writes them in the protocol's shape.</summary>
internal static class OpenIdResults
{
    public static IResult Error(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    public static IResult SignIn(System.Security.Claims.ClaimsIdentity identity) =>
        Results.SignIn(new System.Security.Claims.ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
