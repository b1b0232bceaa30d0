using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Identity;
using Store.Site.Localization;

namespace Store.Site.Pages.Account;

[EnableRateLimiting(IdentityRateLimits.SignIn)]
public sealed class LoginWith2faModel(SignInManager<StoreUser> signIn, UserManager<StoreUser> users, SecurityEvents events, StoreDb db, IStringLocalizer<SiteTexts> texts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "validation.required")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "validation.code")]
        public string Code { get; set; } = string.Empty;

        public bool RememberMachine { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Input.Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, Input.RememberMachine);
        if (result.Succeeded)
        {
            await events.SignedInFromDeviceAsync(user);
            await events.RecordAsync("sign-in", user, detail: "authenticator code");
            await db.SaveChangesAsync();
            return LocalRedirect(IdentityPages.SafeReturnUrl(ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            await events.RecordAsync("locked-out", user);
            await db.SaveChangesAsync();
            ModelState.AddModelError(string.Empty, IdentityPages.LockedOut(texts, await users.GetLockoutEndDateAsync(user)));
            return Page();
        }

        await events.RecordAsync("sign-in-failed", user, detail: "wrong authenticator code");
        await db.SaveChangesAsync();
        ModelState.AddModelError("Input.Code", texts["login2fa.failed"]);
        return Page();
    }
}
