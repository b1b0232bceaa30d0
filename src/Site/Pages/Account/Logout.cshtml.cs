using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Identity;

namespace Store.Site.Pages.Account;

public sealed class LogoutModel(SignInManager<StoreUser> signIn, UserManager<StoreUser> users, SecurityEvents events, StoreDb db) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        await signIn.SignOutAsync();
        if (user is not null)
        {
            await events.RecordAsync("sign-out", user);
            await db.SaveChangesAsync();
        }

        return LocalRedirect("/");
    }

    public IActionResult OnGet() => Page();
}
