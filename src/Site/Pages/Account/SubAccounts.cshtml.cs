using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Customers;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Identity;

namespace Store.Site.Pages.Account;

/// <summary>
/// Sub-accounts, as in Smart Administration: an owner splits a customer account into accounts with their own people
/// (a branch, a department), billed under the main account.
/// </summary>
[Authorize]
public sealed class SubAccountsModel(AccountAccess access, StoreDb db, SecurityEvents events, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? AccountId { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "validation.required")]
    [StringLength(200, ErrorMessage = "validation.tooLong")]
    public string Name { get; set; } = string.Empty;

    public ManagedAccount? Account { get; private set; }

    public IReadOnlyList<Customer> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var parent = await db.Customers.SingleAsync(c => c.Id == Account!.Id);
        var child = new Customer(Name, parent.Market, parent.BillingAddress with { }, parent.BillingEmail, clock.GetUtcNow(), parent.ResellerId);
        child.MakeSubAccountOf(parent);
        db.Customers.Add(child);
        var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        db.Memberships.Add(Membership.InCustomer(me, child.Id, MemberRole.Owner, clock.GetUtcNow()));
        await events.RecordAsync("sub-account-created", await db.Users.SingleAsync(u => u.Id == me), detail: Name);
        await db.SaveChangesAsync();
        TempData["Status"] = "subAccounts.created";
        return RedirectToPage(new { AccountId = Account!.Id });
    }

    private async Task<bool> LoadAsync()
    {
        var managed = await access.ManagedByAsync(User);
        Account = managed.FirstOrDefault(a => !a.IsReseller && a.Role == MemberRole.Owner && (AccountId is null || a.Id == AccountId));
        if (Account is null)
        {
            return false;
        }

        AccountId = Account.Id;
        var id = Account.Id;
        Children = await db.Customers.AsNoTracking().Where(c => c.ParentId == id).OrderBy(c => c.LegalName).ToListAsync();
        return true;
    }
}
