using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Customers;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Identity;

namespace Store.Site.Pages.BackOffice;

/// <summary>The operator's back office: every account and person; unlock people; create resellers with their first staff member.</summary>
[Authorize(Policy = BackOfficePolicy.Name)]
public sealed class IndexModel(StoreDb db, UserManager<StoreUser> users, SecurityEvents events, TimeProvider clock) : PageModel
{
    public sealed record PersonRow(Guid Id, string Name, string Email, bool TwoFactor, DateTimeOffset? LockedUntil, int Accounts);

    public IReadOnlyList<PersonRow> People { get; private set; } = [];

    public IReadOnlyList<Customer> Customers { get; private set; } = [];

    public IReadOnlyList<Store.Domain.Customers.Reseller> Resellers { get; private set; } = [];

    [BindProperty]
    public ResellerInput NewReseller { get; set; } = new();

    public sealed class ResellerInput
    {
        [Required(ErrorMessage = "validation.required")]
        [StringLength(200, ErrorMessage = "validation.tooLong")]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "validation.required")]
        [EmailAddress(ErrorMessage = "validation.email")]
        public string OwnerEmail { get; set; } = string.Empty;
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostUnlockAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await events.RecordAsync("unlocked-by-back-office", user);
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResellerAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var now = clock.GetUtcNow();
        var reseller = new Store.Domain.Customers.Reseller(NewReseller.Name, now);
        db.Resellers.Add(reseller);
        var (invitation, token) = Invitation.Create(null, reseller.Id, NewReseller.OwnerEmail, MemberRole.Owner, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), now);
        db.Invitations.Add(invitation);
        var me = await users.GetUserAsync(User);
        events.Mail(me!, "invitation", IdentityPages.Absolute(Request, $"/Account/AcceptInvitation?token={token}"), to: invitation.Email);
        await events.RecordAsync("member-invited", me, detail: $"{invitation.Email} → {reseller.Name}");
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var counts = await db.Memberships.AsNoTracking().GroupBy(m => m.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        People = (await db.Users.AsNoTracking().OrderBy(u => u.Email).Take(500).ToListAsync())
            .Select(u => new PersonRow(u.Id, u.DisplayName, u.Email ?? string.Empty, u.TwoFactorEnabled, u.LockoutEnd > clock.GetUtcNow() ? u.LockoutEnd : null, counts.GetValueOrDefault(u.Id)))
            .ToList();
        Customers = await db.Customers.AsNoTracking().OrderBy(c => c.LegalName).Take(500).ToListAsync();
        Resellers = await db.Resellers.AsNoTracking().OrderBy(r => r.Name).ToListAsync();
    }
}
