using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Identity;
using Store.Domain.Persistence;

namespace Store.Site.Pages.Account.Manage;

/// <summary>
/// The audit log: a person sees their own sign-ins and security changes; an account's owner sees those of
/// everyone in the accounts they own.
/// </summary>
[Authorize]
public sealed class SecurityLogModel(UserManager<StoreUser> users, StoreDb db) : PageModel
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public bool AsOwner { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var owned = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == user.Id && m.Role == MemberRole.Owner)
            .Select(m => new { m.CustomerId, m.ResellerId })
            .ToListAsync();
        var customers = owned.Where(o => o.CustomerId is not null).Select(o => o.CustomerId).ToList();
        var resellers = owned.Where(o => o.ResellerId is not null).Select(o => o.ResellerId).ToList();
        AsOwner = owned.Count > 0;

        Entries = await db.AuditLog.AsNoTracking()
            .Where(a => a.UserId == user.Id || customers.Contains(a.CustomerId) || resellers.Contains(a.ResellerId))
            .OrderByDescending(a => a.Id)
            .Take(200)
            .ToListAsync();
        Entries = Entries.DistinctBy(e => (e.At, e.Action, e.UserId)).ToList();
        return Page();
    }

    public string Who(AuditEntry entry) => entry.UserId == Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!) ? "—" : entry.Email ?? "?";
}
