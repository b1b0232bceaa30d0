using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Identity;

namespace Store.Site.Pages.Account.Manage;

[Authorize]
public sealed class ChangePasswordModel(UserManager<StoreUser> users, SignInManager<StoreUser> signIn, SecurityEvents events, StoreDb db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "validation.required")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "validation.required")]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "validation.required")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "validation.passwordsDiffer")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public void OnGet()
    {
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
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword", PasswordMessages.Describe(error, HttpContext));
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync("password-changed", user);
        events.Alert(user, "password-changed");
        await db.SaveChangesAsync();
        TempData["Status"] = "changePassword.done";
        return RedirectToPage("Index");
    }
}
