using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Identity;

namespace Store.Site.Pages.Account;

public sealed class ConfirmEmailModel(UserManager<StoreUser> users, SecurityEvents events, StoreDb db) : PageModel
{
    public bool Confirmed { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public async Task OnGetAsync(Guid userId, string? code, string? returnUrl)
    {
        ReturnUrl = IdentityPages.SafeReturnUrl(returnUrl);
        var user = await users.FindByIdAsync(userId.ToString());
        var token = IdentityPages.DecodeToken(code);
        if (user is null || token is null)
        {
            return;
        }

        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
        if (Confirmed)
        {
            await events.RecordAsync("email-confirmed", user);
            await db.SaveChangesAsync();
        }
    }
}
