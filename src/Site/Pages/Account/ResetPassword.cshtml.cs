using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Identity;
using Store.Site.Localization;

namespace Store.Site.Pages.Account;

public sealed class ResetPasswordModel(UserManager<StoreUser> users, SecurityEvents events, StoreDb db, IStringLocalizer<SiteTexts> texts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "validation.required")]
        [EmailAddress(ErrorMessage = "validation.email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "validation.required")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "validation.required")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "validation.passwordsDiffer")]
        public string ConfirmPassword { get; set; } = string.Empty;

        public string Code { get; set; } = string.Empty;
    }

    public void OnGet(string? email, string? code)
    {
        Input.Email = email ?? string.Empty;
        Input.Code = code ?? string.Empty;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        var token = IdentityPages.DecodeToken(Input.Code);
        if (user is null || token is null)
        {
            ModelState.AddModelError(string.Empty, texts["reset.invalidLink"]);
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "InvalidToken" ? string.Empty : "Input.Password", error.Code == "InvalidToken" ? texts["reset.invalidLink"] : PasswordMessages.Describe(error, HttpContext));
            }

            return Page();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await events.RecordAsync("password-reset", user);
        events.Alert(user, "password-changed");
        await db.SaveChangesAsync();
        return RedirectToPage("ResetPasswordConfirmation");
    }
}
