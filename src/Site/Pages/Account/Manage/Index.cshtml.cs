using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Store.Domain.Identity;

namespace Store.Site.Pages.Account.Manage;

[Authorize]
public sealed class IndexModel(UserManager<StoreUser> users) : PageModel
{
    public StoreUser Person { get; private set; } = null!;

    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Person = user;
        RecoveryCodesLeft = user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        return Page();
    }
}
