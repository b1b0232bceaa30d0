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
public sealed class LoginWithRecoveryCodeModel(SignInManager<StoreUser> signIn, UserManager<StoreUser> users, SecurityEvents events, StoreDb db, IStringLocalizer<SiteTexts> texts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "validation.required")]
        public string RecoveryCode { get; set; } = string.Empty;
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

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (result.Succeeded)
        {
            var left = await users.CountRecoveryCodesAsync(user);
            await events.SignedInFromDeviceAsync(user);
            await events.RecordAsync("recovery-code-used", user, detail: $"{left} codes left");
            events.Alert(user, "recovery-code-used");
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

        await events.RecordAsync("sign-in-failed", user, detail: "wrong or used recovery code");
        await db.SaveChangesAsync();
        ModelState.AddModelError("Input.RecoveryCode", texts["loginRecovery.failed"]);
        return Page();
    }
}
