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
public sealed class ChangeEmailModel(UserManager<StoreUser> users, SecurityEvents events, StoreDb db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "validation.required")]
        [EmailAddress(ErrorMessage = "validation.email")]
        public string NewEmail { get; set; } = string.Empty;
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

        var email = Input.NewEmail.Trim();
        if (!string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            // The link goes to the new address; the old one is told. An address already in use gets no link,
            // but the answer is the same.
            if (await users.FindByEmailAsync(email) is null)
            {
                var token = await users.GenerateChangeEmailTokenAsync(user, email);
                events.Mail(user, "changeEmail", IdentityPages.Absolute(Request, $"/Account/ConfirmEmailChange?userId={user.Id}&email={Uri.EscapeDataString(email)}&code={IdentityPages.EncodeToken(token)}"), to: email);
            }

            events.Alert(user, "email-change-requested");
            await events.RecordAsync("email-change-requested", user, detail: email);
            await db.SaveChangesAsync();
        }

        TempData["Status"] = "changeEmail.sent";
        return RedirectToPage("Index");
    }
}
