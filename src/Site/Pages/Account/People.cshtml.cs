using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Identity;
using Store.Site.Localization;

namespace Store.Site.Pages.Account;

/// <summary>The people of a customer account or reseller: invite by e-mail with a role, change roles, remove.</summary>
[Authorize]
public sealed class PeopleModel(AccountAccess access, StoreDb db, SecurityEvents events, TimeProvider clock, IStringLocalizer<SiteTexts> texts) : PageModel
{
    public sealed record Person(Guid MembershipId, Guid UserId, string Name, string Email, MemberRole Role, bool TwoFactor);

    [BindProperty(SupportsGet = true)]
    public Guid? AccountId { get; set; }

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    public ManagedAccount? Account { get; private set; }

    public IReadOnlyList<ManagedAccount> Accounts { get; private set; } = [];

    public IReadOnlyList<Person> People { get; private set; } = [];

    public IReadOnlyList<Invitation> Pending { get; private set; } = [];

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "validation.required")]
        [EmailAddress(ErrorMessage = "validation.email")]
        public string Email { get; set; } = string.Empty;

        public MemberRole Role { get; set; } = MemberRole.Member;
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Forbid();

    public async Task<IActionResult> OnPostInviteAsync()
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        if (Invite.Role == MemberRole.Owner && Account!.Role != MemberRole.Owner)
        {
            ModelState.AddModelError("Invite.Role", texts["people.onlyOwnerMakesOwners"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (invitation, token) = Invitation.Create(Account!.IsReseller ? null : Account.Id, Account.IsReseller ? Account.Id : null, Invite.Email, Invite.Role, Me, clock.GetUtcNow());
        db.Invitations.Add(invitation);
        var inviter = await db.Users.SingleAsync(u => u.Id == Me);
        events.Mail(inviter, "invitation", IdentityPages.Absolute(Request, $"/Account/AcceptInvitation?token={token}"), to: invitation.Email);
        await events.RecordAsync("member-invited", inviter, detail: $"{invitation.Email} ({invitation.Role})");
        await db.SaveChangesAsync();
        TempData["Status"] = "people.invited";
        return RedirectToPage(new { AccountId = Account.Id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid membershipId)
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        var target = People.FirstOrDefault(p => p.MembershipId == membershipId);
        if (target is null)
        {
            return NotFound();
        }

        if (target.Role == MemberRole.Owner && People.Count(p => p.Role == MemberRole.Owner) == 1)
        {
            TempData["Status"] = "people.lastOwner";
            return RedirectToPage(new { AccountId = Account!.Id });
        }

        if (target.Role == MemberRole.Owner && Account!.Role != MemberRole.Owner)
        {
            return Forbid();
        }

        await db.Memberships.Where(m => m.Id == membershipId).ExecuteDeleteAsync();
        var me = await db.Users.SingleAsync(u => u.Id == Me);
        await events.RecordAsync("member-removed", me, detail: target.Email);
        await db.SaveChangesAsync();
        TempData["Status"] = "people.removed";
        return RedirectToPage(new { AccountId = Account!.Id });
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId)
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && (i.CustomerId == Account!.Id || i.ResellerId == Account.Id));
        invitation?.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync();
        return RedirectToPage(new { AccountId = Account!.Id });
    }

    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    private async Task<bool> LoadAsync()
    {
        Accounts = await access.ManagedByAsync(User);
        Account = AccountId is { } id ? Accounts.FirstOrDefault(a => a.Id == id) : Accounts.Count > 0 ? Accounts[0] : null;
        if (Account is null)
        {
            return false;
        }

        AccountId = Account.Id;
        var accountId = Account.Id;
        People = await (from m in db.Memberships.AsNoTracking()
                        join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                        where m.CustomerId == accountId || m.ResellerId == accountId
                        orderby u.DisplayName
                        select new Person(m.Id, u.Id, u.DisplayName, u.Email!, m.Role, u.TwoFactorEnabled)).ToListAsync();
        var now = clock.GetUtcNow();
        Pending = (await db.Invitations.AsNoTracking()
                .Where(i => (i.CustomerId == accountId || i.ResellerId == accountId) && i.AcceptedAt == null && i.RevokedAt == null)
                .ToListAsync())
            .Where(i => i.IsOpen(now))
            .ToList();
        return true;
    }
}
