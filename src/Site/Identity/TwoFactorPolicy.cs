using Microsoft.EntityFrameworkCore;
using Store.Domain.Identity;
using Store.Domain.Persistence;

namespace Store.Site.Identity;

/// <summary>Who must sign in with a second factor: owners, billing administrators, reseller staff and the back office.</summary>
public sealed class TwoFactorPolicy(StoreDb db)
{
    public async Task<bool> IsRequiredForAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        if (memberships.Any(m => m.RequiresTwoFactor))
        {
            return true;
        }

        var backOffice = await db.Roles.Where(r => r.Name == StoreRole.BackOffice).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return backOffice != Guid.Empty && await db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == backOffice, cancellationToken);
    }
}
