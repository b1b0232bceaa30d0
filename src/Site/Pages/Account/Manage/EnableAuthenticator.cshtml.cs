using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Identity;
using Store.Site.Localization;

namespace Store.Site.Pages.Account.Manage;

/// <summary>Enrolment with an authenticator app: a QR code and the same key to type, then a code to prove it works.</summary>
[Authorize]
public sealed class EnableAuthenticatorModel(UserManager<StoreUser> users, SignInManager<StoreUser> signIn, TwoFactorPolicy policy, SecurityEvents events, StoreDb db, IStringLocalizer<SiteTexts> texts) : PageModel
{
    /// <summary>Where to go on once enrolled, such as back to the signup's summary.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The key grouped by four letters, easier to type.</summary>
    public string SharedKey { get; private set; } = string.Empty;

    public string QrCodeDataUri { get; private set; } = string.Empty;

    public bool Required { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "validation.required")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "validation.code")]
        public string Code { get; set; } = string.Empty;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        var code = Input.Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", texts["enable2fa.wrongCode"]);
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync("two-factor-enabled", user);
        events.Alert(user, "two-factor-changed");
        await db.SaveChangesAsync();
        TempData[RecoveryCodesModel.TempDataKey] = string.Join(' ', codes ?? []);
        return RedirectToPage("RecoveryCodes", new { returnUrl = ReturnUrl });
    }

    private async Task LoadAsync(StoreUser user)
    {
        Required = await policy.IsRequiredForAsync(user.Id);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        SharedKey = Group(key!);
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Store")}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Store&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
