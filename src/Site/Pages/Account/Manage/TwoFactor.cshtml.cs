using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Identity;

namespace Store.Site.Pages.Account.Manage;

/// <summary>Two-factor status: enrol, forget this browser, new recovery codes, reset the authenticator, or disable when allowed.</summary>
[Authorize]
public sealed class TwoFactorModel(UserManager<StoreUser> users, SignInManager<StoreUser> signIn, TwoFactorPolicy policy, SecurityEvents events, StoreDb db) : PageModel
{
    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public bool MachineRemembered { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Enabled = user.TwoFactorEnabled;
        Required = await policy.IsRequiredForAsync(user.Id);
        MachineRemembered = await signIn.IsTwoFactorClientRememberedAsync(user);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        return Page();
    }

    public async Task<IActionResult> OnPostForgetBrowserAsync()
    {
        await signIn.ForgetTwoFactorClientAsync();
        TempData["Status"] = "twoFactor.browserForgotten";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await events.RecordAsync("recovery-codes-renewed", user);
        events.Alert(user, "two-factor-changed");
        await db.SaveChangesAsync();
        TempData[RecoveryCodesModel.TempDataKey] = string.Join(' ', codes ?? []);
        return RedirectToPage("RecoveryCodes");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await policy.IsRequiredForAsync(user.Id))
        {
            TempData["Status"] = "twoFactor.cannotDisable";
            return RedirectToPage();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync("two-factor-disabled", user);
        events.Alert(user, "two-factor-changed");
        await db.SaveChangesAsync();
        TempData["Status"] = "twoFactor.disabled";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync("authenticator-reset", user);
        events.Alert(user, "two-factor-changed");
        await db.SaveChangesAsync();
        return RedirectToPage("EnableAuthenticator");
    }
}
