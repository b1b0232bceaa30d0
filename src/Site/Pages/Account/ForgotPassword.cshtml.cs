using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Identity;

namespace Store.Site.Pages.Account;

[EnableRateLimiting(IdentityRateLimits.SignIn)]
public sealed class ForgotPasswordModel(UserManager<StoreUser> users, SecurityEvents events, StoreDb db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "validation.required")]
        [EmailAddress(ErrorMessage = "validation.email")]
        public string Email { get; set; } = string.Empty;
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

        // The same answer whether or not the address has an account.
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not null && await users.IsEmailConfirmedAsync(user))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            events.Mail(user, "resetPassword", IdentityPages.Absolute(Request, $"/Account/ResetPassword?email={Uri.EscapeDataString(user.Email!)}&code={IdentityPages.EncodeToken(token)}"));
            await events.RecordAsync("password-reset-requested", user);
            await db.SaveChangesAsync();
        }

        return RedirectToPage("ForgotPasswordConfirmation");
    }
}
