using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Identity;

namespace Store.Site.Pages.Account;

public sealed class ConfirmEmailChangeModel(UserManager<StoreUser> users, SignInManager<StoreUser> signIn, SecurityEvents events, StoreDb db) : PageModel
{
    public bool Changed { get; private set; }

    public async Task OnGetAsync(Guid userId, string? email, string? code)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        var token = IdentityPages.DecodeToken(code);
        if (user is null || token is null || string.IsNullOrWhiteSpace(email))
        {
            return;
        }

        var previous = user.Email;
        var result = await users.ChangeEmailAsync(user, email, token);
        if (!result.Succeeded)
        {
            return;
        }

        await users.SetUserNameAsync(user, email);
        Changed = true;
        if (signIn.IsSignedIn(User))
        {
            await signIn.RefreshSignInAsync(user);
        }

        await events.RecordAsync("email-changed", user, detail: $"{previous} → {email}");
        events.Alert(user, "email-changed", to: previous);
        await db.SaveChangesAsync();
    }
}
