using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Store.Domain;
using Store.Domain.Catalog;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;
using Store.Domain.Tenancy;
using Store.Site.CustomerArea;
using Store.Site.Identity;
using Store.Site.Localization;

namespace Store.Site.Pages.CustomerArea;

/// <summary>
/// One subscription: users and options added or removed, and cancellation. Every change shows its effect first (when
/// it takes effect, the price change, any fee) and is made only when confirmed.
/// </summary>
public sealed class SubscriptionModel(StoreDb db, AccountAccess access, TenantScope tenant, CatalogRegistry catalogs, TimeProvider clock, IStringLocalizer<SiteTexts> texts)
    : CustomerAreaPage(access, tenant, catalogs, clock, texts)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public int Quantity { get; set; }

    [BindProperty]
    public string? OptionCode { get; set; }

    [BindProperty]
    public int OptionQuantity { get; set; }

    public Subscription Subscription { get; private set; } = null!;

    public CatalogVersion Catalog { get; private set; } = null!;

    /// <summary>The change being shown before confirmation, and what confirming posts.</summary>
    public ChangeQuote? Pending { get; private set; }

    public string? PendingKind { get; private set; }

    public CancellationQuote? Cancellation { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostQuoteUsersAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return Preview(Subscription.QuoteQuantity(Catalog, Quantity, Today), "users", nameof(Quantity));
    }

    public async Task<IActionResult> OnPostConfirmUsersAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return await CommitAsync(Subscription.ChangeQuantity(Catalog, Quantity, Today, Clock.GetUtcNow()), nameof(Quantity));
    }

    public async Task<IActionResult> OnPostQuoteOptionAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return Preview(Subscription.QuoteOption(Catalog, OptionCode ?? string.Empty, OptionQuantity, Today), "option", nameof(OptionQuantity));
    }

    public async Task<IActionResult> OnPostConfirmOptionAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        return await CommitAsync(Subscription.SetOption(Catalog, OptionCode ?? string.Empty, OptionQuantity, Today), nameof(OptionQuantity));
    }

    public async Task<IActionResult> OnPostQuoteCancelAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Cancellation = Store.Domain.Subscriptions.Cancellation.Quote(Subscription, Catalog, Today, Today);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmCancelAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Subscription.EndsOn is null)
        {
            Subscription.Cancel(Store.Domain.Subscriptions.Cancellation.Quote(Subscription, Catalog, Today, Today));
            await db.SaveChangesAsync();
        }

        Done = Texts["subscription.cancelled", Date(Subscription.EndsOn!.Value)];
        return Page();
    }

    private PageResult Preview(Outcome<ChangeQuote> quote, string kind, string field)
    {
        if (quote.Value is null)
        {
            Show(quote.Problems.Select(p => p with { Field = field }));
            return Page();
        }

        Pending = quote.Value;
        PendingKind = kind;
        return Page();
    }

    private async Task<IActionResult> CommitAsync(Outcome<ChangeQuote> change, string field)
    {
        if (change.Value is not { } made)
        {
            Show(change.Problems.Select(p => p with { Field = field }));
            return Page();
        }

        await db.SaveChangesAsync();
        Done = made.ToQuantity == made.FromQuantity
            ? Texts["subscription.withdrawn"]
            : Texts["subscription.changed", made.FromQuantity, made.ToQuantity, Date(made.EffectiveOn)];
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (!await EnterAsync())
        {
            return false;
        }

        var found = await (from s in db.Subscriptions.Include(s => s.Options).Include(s => s.QuantityChanges)
                           join c in db.Contracts on s.ContractId equals c.Id
                           where s.Id == Id && c.CustomerId == Account.Id
                           select s).AsSplitQuery().SingleOrDefaultAsync();
        if (found is null)
        {
            return false;
        }

        Subscription = found;
        Catalog = Catalogs.Get(found.CatalogVersion);
        return true;
    }

    public string ProductName => Catalog.PricedItems().FirstOrDefault(p => p.Code == Subscription.ProductCode) is { Code: not null } item ? Name(item.Name) : Subscription.ProductCode;

    /// <summary>The options this subscription can take, with the quantity in force today.</summary>
    public IEnumerable<(string Code, string Name, int Quantity)> OfferedOptions()
    {
        var codes = Subscription.Kind switch
        {
            ProductKind.Plan => Catalog.FindPlan(Subscription.ProductCode)?.Options ?? [],
            ProductKind.ContactExperience => [.. Catalog.ContactExperience.Options.Where(o => o.Prices.Count > 0).Select(o => o.Code)],
            _ => [],
        };
        foreach (var code in codes)
        {
            var name = Catalog.PricedItems().FirstOrDefault(p => p.Code == code) is { Code: not null } item ? Name(item.Name) : code;
            yield return (code, name, Subscription.OptionQuantityOn(code, Today));
        }
    }
}
