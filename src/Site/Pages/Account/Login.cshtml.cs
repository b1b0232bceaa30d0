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
public sealed class LoginModel(
    SignInManager<StoreUser> signIn,
    UserManager<StoreUser> users,
    UnknownAccountThrottle unknown,
    SecurityEvents events,
    StoreDb db,
    IStringLocalizer<SiteTexts> texts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "validation.required")]
        [EmailAddress(ErrorMessage = "validation.email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "validation.required")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Same answers as for a real account, lockout included: nothing tells whether the address exists.
            var until = unknown.LockedUntil(email) ?? unknown.Failed(email);
            await events.RecordAsync("sign-in-failed", null, email, "unknown address");
            await db.SaveChangesAsync();
            return Refuse(until);
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return await SignedInAsync(user);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }

        if (result.IsLockedOut)
        {
            await events.RecordAsync("locked-out", user);
            await db.SaveChangesAsync();
            return Refuse(await users.GetLockoutEndDateAsync(user));
        }

        if (result.IsNotAllowed)
        {
            // Only reached with the right password: the address must be confirmed first.
            ModelState.AddModelError(string.Empty, texts["login.confirmFirst"]);
            return Page();
        }

        await events.RecordAsync("sign-in-failed", user, detail: "wrong password");
        await db.SaveChangesAsync();
        return Refuse(null);
    }

    private PageResult Refuse(DateTimeOffset? lockedUntil)
    {
        ModelState.AddModelError(string.Empty, lockedUntil is not null ? IdentityPages.LockedOut(texts, lockedUntil) : texts["login.failed"]);
        return Page();
    }

    private async Task<IActionResult> SignedInAsync(StoreUser user)
    {
        await events.SignedInFromDeviceAsync(user);
        await events.RecordAsync("sign-in", user);
        await db.SaveChangesAsync();
        return LocalRedirect(IdentityPages.SafeReturnUrl(ReturnUrl));
    }
}
