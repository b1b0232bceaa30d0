using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Identity;

namespace Store.Site.Pages.Account;

/// <summary>Joins the account an invitation names, once signed in with the invited address.</summary>
public sealed class AcceptInvitationModel(UserManager<StoreUser> users, SignInManager<StoreUser> signIn, StoreDb db, SecurityEvents events, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = string.Empty;

    public Invitation? Invitation { get; private set; }

    public string? AccountName { get; private set; }

    public bool WrongPerson { get; private set; }

    public string ReturnUrl => $"/Account/AcceptInvitation?token={Uri.EscapeDataString(Token)}";

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var user = await users.GetUserAsync(User);
        if (Invitation is null || user is null || WrongPerson)
        {
            return Page();
        }

        Invitation.Accept(clock.GetUtcNow());
        var exists = await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.CustomerId == Invitation.CustomerId && m.ResellerId == Invitation.ResellerId);
        if (!exists)
        {
            db.Memberships.Add(Invitation.CustomerId is { } c
                ? Membership.InCustomer(user.Id, c, Invitation.Role, clock.GetUtcNow())
                : Membership.InReseller(user.Id, Invitation.ResellerId!.Value, Invitation.Role, clock.GetUtcNow()));
        }

        await db.SaveChangesAsync();
        await events.RecordAsync("member-joined", user, detail: $"{AccountName} ({Invitation.Role})");
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = "invitation.accepted";
        return RedirectToPage("/Account/Manage/Index");
    }

    private async Task LoadAsync()
    {
        var hash = Invitation.Hash(Token);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash);
        if (invitation is null || !invitation.IsOpen(clock.GetUtcNow()))
        {
            return;
        }

        Invitation = invitation;
        AccountName = invitation.CustomerId is { } c
            ? await db.Customers.Where(x => x.Id == c).Select(x => x.LegalName).SingleOrDefaultAsync()
            : await db.Resellers.Where(x => x.Id == invitation.ResellerId).Select(x => x.Name).SingleOrDefaultAsync();
        var user = await users.GetUserAsync(User);
        WrongPerson = user is not null && !string.Equals(user.Email, invitation.Email, StringComparison.OrdinalIgnoreCase);
    }
}
