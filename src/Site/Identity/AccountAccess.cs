using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Identity;
using Store.Domain.Persistence;

namespace Store.Site.Identity;

/// <summary>A customer account or reseller a person may manage, with their role there.</summary>
public sealed record ManagedAccount(Guid Id, bool IsReseller, string Name, MemberRole Role);

/// <summary>Which accounts a signed-in person may manage people in: those where they are owner or administrator.</summary>
public sealed class AccountAccess(StoreDb db)
{
    public async Task<IReadOnlyList<ManagedAccount>> ManagedByAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return [];
        }

        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && (m.Role == MemberRole.Owner || m.Role == MemberRole.Administrator))
            .ToListAsync(cancellationToken);
        var customerIds = memberships.Where(m => m.CustomerId is not null).Select(m => m.CustomerId!.Value).ToList();
        var resellerIds = memberships.Where(m => m.ResellerId is not null).Select(m => m.ResellerId!.Value).ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.LegalName, cancellationToken);
        var resellers = await db.Resellers.AsNoTracking().Where(r => resellerIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return memberships
            .Select(m => m.CustomerId is { } c
                ? new ManagedAccount(c, false, customers.GetValueOrDefault(c, "?"), m.Role)
                : new ManagedAccount(m.ResellerId!.Value, true, resellers.GetValueOrDefault(m.ResellerId!.Value, "?"), m.Role))
            .OrderBy(a => a.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>The account asked for, if the person manages it; else their first managed account.</summary>
    public async Task<ManagedAccount?> ResolveAsync(ClaimsPrincipal user, Guid? account, CancellationToken cancellationToken = default)
    {
        var managed = await ManagedByAsync(user, cancellationToken);
        return account is { } id ? managed.FirstOrDefault(a => a.Id == id) : managed.Count > 0 ? managed[0] : null;
    }
}
