using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Store.Site.Identity.OpenId;

/// <summary>
/// /connect/authorize: people sign in on the site (the Identity cookie); Store's own applications get a code at once,
/// with no consent screen.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, IOpenIddictApplicationManager applications, PersonClaims people)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var mustSignIn = !session.Succeeded || request.HasPromptValue(PromptValues.Login);
        if (mustSignIn && request.HasPromptValue(PromptValues.None))
        {
            return OpenIdResults.Error(Errors.LoginRequired, "The person is not signed in.");
        }

        if (mustSignIn)
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = ReturnUrlWithoutLoginPrompt(http.Request) }, [IdentityConstants.ApplicationScheme]);
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted);
        if (application is null || await applications.GetConsentTypeAsync(application, http.RequestAborted) != ConsentTypes.Implicit)
        {
            return OpenIdResults.Error(Errors.ConsentRequired, "Only Store's own applications may sign people in.");
        }

        var userId = session.Principal!.FindFirstValue(ClaimTypes.NameIdentifier);
        var identity = Guid.TryParse(userId, out var id) ? await people.IssueAsync(id, request.GetScopes(), http.RequestAborted) : null;
        if (identity is null)
        {
            // The account went away or got locked since the cookie was issued: sign in again.
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = ReturnUrlWithoutLoginPrompt(http.Request) }, [IdentityConstants.ApplicationScheme]);
        }

        return OpenIdResults.SignIn(identity);
    }

    /// <summary>This request again, minus prompt=login so that coming back signed in does not ask once more.</summary>
    private static string ReturnUrlWithoutLoginPrompt(HttpRequest request)
    {
        var parameters = HttpMethods.IsPost(request.Method) && request.HasFormContentType ? request.Form.AsEnumerable() : request.Query.AsEnumerable();
        var kept = parameters
            .Where(p => p.Key != Parameters.Prompt)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return request.PathBase + request.Path + QueryString.Create(kept);
    }
}
