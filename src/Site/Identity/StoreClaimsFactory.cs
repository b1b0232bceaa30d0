using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Store.Domain.Identity;
using Store.Domain.Persistence;

namespace Store.Site.Identity;

/// <summary>Puts a person's accounts, roles and back-office standing into the sign-in cookie.</summary>
public sealed class StoreClaimsFactory(UserManager<StoreUser> users, RoleManager<StoreRole> roles, IOptions<IdentityOptions> options, StoreDb db)
    : UserClaimsPrincipalFactory<StoreUser, StoreRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StoreUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name", string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? string.Empty : user.DisplayName));
        foreach (var m in await db.Memberships.AsNoTracking().Where(m => m.UserId == user.Id).ToListAsync())
        {
            if (m.CustomerId is { } customer)
            {
                identity.AddClaim(new Claim(StoreClaims.CustomerId, customer.ToString()));
                identity.AddClaim(new Claim(StoreClaims.Membership, $"{customer}:{m.Role}"));
            }

            if (m.ResellerId is { } reseller)
            {
                identity.AddClaim(new Claim(StoreClaims.ResellerId, reseller.ToString()));
                identity.AddClaim(new Claim(StoreClaims.Membership, $"{reseller}:{m.Role}"));
            }
        }

        if (identity.HasClaim(identity.RoleClaimType, StoreRole.BackOffice))
        {
            identity.AddClaim(new Claim(StoreClaims.BackOffice, "true"));
        }

        return identity;
    }
}
