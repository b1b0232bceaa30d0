using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Identity;

namespace Store.Site.Pages.Account;

[EnableRateLimiting(IdentityRateLimits.SignIn)]
public sealed class RegisterModel(UserManager<StoreUser> users, SecurityEvents events, StoreDb db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "validation.required")]
        [StringLength(200, ErrorMessage = "validation.tooLong")]
        public string DisplayName { get; set; } = string.Empty;

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

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "fr";
        var candidate = new StoreUser { UserName = Input.Email.Trim(), Email = Input.Email.Trim(), DisplayName = Input.DisplayName.Trim(), Language = language, CreatedAt = clock.GetUtcNow() };

        // The password is judged before the address is looked up, so the answer never depends on whether it exists.
        var problems = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, Input.Password);
            problems.AddRange(result.Errors);
        }

        if (problems.Count > 0)
        {
            foreach (var error in problems)
            {
                ModelState.AddModelError("Input.Password", PasswordMessages.Describe(error, HttpContext));
            }

            return Page();
        }

        var existing = await users.FindByEmailAsync(candidate.Email);
        if (existing is not null)
        {
            // Tell the owner of the address, not the visitor.
            events.Mail(existing, "registerExisting", IdentityPages.Absolute(Request, "/Account/ForgotPassword"));
            await events.RecordAsync("register-existing-address", existing);
            await db.SaveChangesAsync();
            return RedirectToPage("RegisterConfirmation", new { email = candidate.Email });
        }

        var created = await users.CreateAsync(candidate, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(string.Empty, PasswordMessages.Describe(error, HttpContext));
            }

            return Page();
        }

        var token = await users.GenerateEmailConfirmationTokenAsync(candidate);
        var link = IdentityPages.Absolute(Request, $"/Account/ConfirmEmail?userId={candidate.Id}&code={IdentityPages.EncodeToken(token)}&returnUrl={Uri.EscapeDataString(IdentityPages.SafeReturnUrl(ReturnUrl))}");
        events.Mail(candidate, "confirmEmail", link);
        await events.RecordAsync("registered", candidate);
        await db.SaveChangesAsync();
        return RedirectToPage("RegisterConfirmation", new { email = candidate.Email });
    }
}
