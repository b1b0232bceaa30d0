using System.Security.Claims;
using OpenIddict.Abstractions;
using Store.Domain.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Store.Api.Viewer;

/// <summary>Who sends a GraphQL request, as the authorization rules and resolvers see it.</summary>
public sealed record Caller(CallerKind Kind, ClaimsPrincipal Principal, string? ClientId, string? UserId, IReadOnlyList<string> Scopes, Guid? ResellerId, bool HasToken)
{
    public static readonly Caller Anonymous = new(CallerKind.Anonymous, new ClaimsPrincipal(new ClaimsIdentity()), null, null, [], null, false);

    /// <summary>
    /// The caller of a validated access token: a client when the subject is the client itself (client credentials),
    /// else the person the token was issued to.
    /// </summary>
    public static Caller FromToken(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var clientId = principal.GetClaim(Claims.ClientId) ?? principal.GetClaim(Claims.AuthorizedParty);
        var subject = principal.GetClaim(Claims.Subject);
        var isClient = subject is null || string.Equals(subject, clientId, StringComparison.Ordinal);
        return new Caller(
            isClient ? CallerKind.Client : CallerKind.Person,
            principal,
            clientId,
            isClient ? null : subject,
            [.. principal.GetScopes().Order(StringComparer.Ordinal)],
            ResellerOf(principal),
            true);
    }

    /// <summary>The person signed in on the site (the Identity cookie), or anonymous.</summary>
    public static Caller FromSession(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return Anonymous;
        }

        return new Caller(CallerKind.Person, user, null, userId, [], ResellerOf(user), false);
    }

    private static Guid? ResellerOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(StoreClaims.ResellerId), out var id) ? id : null;
}
