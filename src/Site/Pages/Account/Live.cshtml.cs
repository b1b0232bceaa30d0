using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Store.Api.Customers;
using Store.Api.Numbers;
using Store.Api.Relay;
using Store.Domain;
using Store.Domain.Calls.Live;
using Store.Domain.Persistence;

namespace Store.Site.Pages.Account;

/// <summary>
/// The live dashboard of a customer account: rendered on the server with the figures of the moment, then kept
/// current by a small script subscribing to callStatistics and callEvents over the site's own GraphQL socket.
/// </summary>
[Authorize]
public sealed class LiveModel(StoreDb db, LiveBoard board, TimeProvider clock) : PageModel
{
    public sealed record AccountChoice(Guid Id, string Name);

    public sealed record NumberLine(Guid Id, string E164);

    [BindProperty(SupportsGet = true)]
    public Guid? AccountId { get; set; }

    public IReadOnlyList<AccountChoice> Accounts { get; private set; } = [];

    public AccountChoice? Account { get; private set; }

    public Currency Currency { get; private set; }

    /// <summary>The customer's zone: times on the page are those of its wall clock.</summary>
    public string TimeZone { get; private set; } = LocalTime.Paris;

    public IReadOnlyList<NumberLine> Numbers { get; private set; } = [];

    public AccountFigures? Figures { get; private set; }

    public string AccountGlobalId => Account is null ? string.Empty : GlobalId.Encode(CustomerType.TypeName, Account.Id);

    public string NumberGlobalIds => string.Join(',', Numbers.Select(n => GlobalId.Encode(TelephoneNumberType.TypeName, n.Id)));

    public async Task<IActionResult> OnGetAsync()
    {
        // The accounts this person belongs to, whatever their role there.
        var userId = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
        var customerIds = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId && m.CustomerId != null).Select(m => m.CustomerId!.Value).ToListAsync();
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).OrderBy(c => c.LegalName).ToListAsync();
        Accounts = [.. customers.Select(c => new AccountChoice(c.Id, c.LegalName))];
        var chosen = customers.FirstOrDefault(c => AccountId is null || c.Id == AccountId);
        if (chosen is null)
        {
            return AccountId is null ? Page() : NotFound();
        }

        Account = new AccountChoice(chosen.Id, chosen.LegalName);
        AccountId = chosen.Id;
        Currency = chosen.Currency;
        TimeZone = chosen.TimeZone;
        Numbers = await db.Numbers.AsNoTracking().Where(n => n.CustomerId == chosen.Id).OrderBy(n => n.E164).Select(n => new NumberLine(n.Id, n.E164)).ToListAsync();
        Figures = board.Account(chosen.Id, chosen.TimeZone, clock.GetUtcNow(), minutes: 60, recentCalls: 20);
        return Page();
    }
}
