using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;
using Store.Site.Signup;

namespace Store.Site.Pages.Signup;

/// <summary>The end of the signup: the contract number, its state, and the way to the customer area.</summary>
[Authorize]
public sealed class DoneModel(SignupSession session, StoreDb db) : PageModel
{
    public Contract? Contract { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var draft = await session.FindAsync();
        if (draft?.CustomerId is not { } customerId)
        {
            return RedirectToPage("Index");
        }

        Contract = await db.Contracts.AsNoTracking().Where(c => c.CustomerId == customerId).OrderByDescending(c => c.SignedAt).FirstOrDefaultAsync();
        return Page();
    }
}
