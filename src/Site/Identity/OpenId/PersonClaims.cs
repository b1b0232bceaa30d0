using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Store.Api.Authorization;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Store.Site.Identity.OpenId;

/// <summary>What a person's tokens say about them: who they are and the accounts they act for, read afresh at each issue.</summary>
public sealed class PersonClaims(UserManager<StoreUser> users, StoreDb db)
{
    private static readonly string[] PersonClaimTypes =
        [Claims.Subject, Claims.Email, Claims.Name, StoreClaims.CustomerId, StoreClaims.ResellerId, StoreClaims.Membership];

    /// <summary>A new identity for the person with the granted scopes, or null when they may no longer sign in.</summary>
    public Task<ClaimsIdentity?> IssueAsync(Guid userId, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetScopes(scopes);
        identity.SetResources(TokenValidation.Audience);
        return FillAsync(identity, userId, cancellationToken);
    }

    /// <summary>
    /// The identity for a code or refresh token exchange: OpenIddict's own claims (scopes, authorization) kept from the
    /// grant, the person's details and memberships read again.
    /// </summary>
    public Task<ClaimsIdentity?> RenewAsync(ClaimsPrincipal granted, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(granted.GetClaim(Claims.Subject), out var userId))
        {
            return Task.FromResult<ClaimsIdentity?>(null);
        }

        var identity = new ClaimsIdentity(
            granted.Claims.Where(c => !PersonClaimTypes.Contains(c.Type)),
            TokenValidationParameters.DefaultAuthenticationType,
            Claims.Name,
            Claims.Role);
        return FillAsync(identity, userId, cancellationToken);
    }

    private async Task<ClaimsIdentity?> FillAsync(ClaimsIdentity identity, Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return null;
        }

        identity.SetClaim(Claims.Subject, user.Id.ToString());
        identity.SetClaim(Claims.Email, user.Email);
        identity.SetClaim(Claims.Name, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : user.DisplayName);
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == user.Id).ToListAsync(cancellationToken);
        foreach (var membership in memberships)
        {
            if (membership.CustomerId is { } customer)
            {
                identity.AddClaim(new Claim(StoreClaims.CustomerId, customer.ToString()));
                identity.AddClaim(new Claim(StoreClaims.Membership, $"{customer}:{membership.Role}"));
            }

            if (membership.ResellerId is { } reseller)
            {
                identity.AddClaim(new Claim(StoreClaims.ResellerId, reseller.ToString()));
                identity.AddClaim(new Claim(StoreClaims.Membership, $"{reseller}:{membership.Role}"));
            }
        }

        identity.SetDestinations(DestinationsOf);
        return identity;
    }

    /// <summary>Everything goes in the access token; the identity token gets the profile the client was granted.</summary>
    private static IEnumerable<string> DestinationsOf(Claim claim)
    {
        yield return Destinations.AccessToken;
        var granted = claim.Subject?.GetScopes() ?? [];
        var forIdentityToken = claim.Type switch
        {
            Claims.Subject => true,
            Claims.Email => granted.Contains(Scopes.Email),
            Claims.Name => granted.Contains(Scopes.Profile),
            _ => false,
        };
        if (forIdentityToken)
        {
            yield return Destinations.IdentityToken;
        }
    }
}
