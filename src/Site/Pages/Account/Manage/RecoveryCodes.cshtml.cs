using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Store.Site.Pages.Account.Manage;

/// <summary>
/// New recovery codes, shown once: they are only ever stored hashed, so this page cannot show them again.
/// The download posts them back from the page itself.
/// </summary>
[Authorize]
public sealed class RecoveryCodesModel : PageModel
{
    public const string TempDataKey = "RecoveryCodes";

    public IReadOnlyList<string> Codes { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Where "continue" leads: the page that sent the person to enrol, if one of ours, else home.</summary>
    public string ContinueTo => Identity.IdentityPages.SafeReturnUrl(ReturnUrl);

    [BindProperty]
    public List<string> Download { get; set; } = [];

    public IActionResult OnGet()
    {
        if (TempData[TempDataKey] is not string codes)
        {
            return RedirectToPage("TwoFactor");
        }

        Codes = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Page();
    }

    public IActionResult OnPost()
    {
        var text = new StringBuilder("Store – recovery codes / codes de récupération\n\n");
        foreach (var code in Download.Where(c => c.Length is > 0 and < 32))
        {
            text.Append(code).Append('\n');
        }

        return File(Encoding.UTF8.GetBytes(text.ToString()), "text/plain; charset=utf-8", "store-recovery-codes.txt");
    }
}
