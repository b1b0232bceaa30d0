using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Store.Domain;
using Store.Domain.Calls.Figures;
using Store.Domain.Catalog;
using Store.Domain.Numbers;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;
using Store.Domain.Tenancy;
using Store.Site.CustomerArea;
using Store.Site.Identity;
using Store.Site.Localization;

namespace Store.Site.Pages.CustomerArea;

/// <summary>The customer area's home: the key figures (001), the account's contracts, subscriptions with what is planned, and numbers.</summary>
public sealed class IndexModel(StoreDb db, AccountAccess access, TenantScope tenant, CatalogRegistry catalogs, TimeProvider clock, IStringLocalizer<SiteTexts> texts)
    : CustomerAreaPage(access, tenant, catalogs, clock, texts)
{
    public IReadOnlyList<Contract> Contracts { get; private set; } = [];

    public IReadOnlyList<Subscription> Subscriptions { get; private set; } = [];

    public IReadOnlyList<TelephoneNumber> Numbers { get; private set; } = [];

    public KeyFigures Figures { get; private set; } = null!;

    public Currency Currency { get; private set; }

    /// <summary>Whether the account holds Smart Numbers: then the revenue figures are shown.</summary>
    public bool HasSmartNumbers => Numbers.Any(n => n.SmartNumber is not null);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await EnterAsync())
        {
            return NoAccount();
        }

        Contracts = await db.Contracts.AsNoTracking().Where(c => c.CustomerId == Account.Id).OrderBy(c => c.SignedAt).ToListAsync();
        var contractIds = Contracts.Select(c => c.Id).ToList();
        Subscriptions = await db.Subscriptions.AsNoTracking().Include(s => s.Options).Include(s => s.QuantityChanges).AsSplitQuery()
            .Where(s => contractIds.Contains(s.ContractId)).OrderBy(s => s.StartsOn).ToListAsync();
        Numbers = await db.Numbers.AsNoTracking().Include(n => n.ScheduledChanges).Where(n => n.CustomerId == Account.Id).OrderBy(n => n.E164).ToListAsync();
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == Account.Id).Select(c => new { c.TimeZone, c.Currency }).SingleAsync();
        Currency = customer.Currency;
        Figures = await KeyFigures.ComputeAsync(db, Account.Id, customer.TimeZone, Clock.GetUtcNow(), HttpContext.RequestAborted);
        return Page();
    }

    public string Amount(decimal amount) => Money(new Money(amount, Currency));

    public static string Minutes(DayFigures figures) => FigureText.Minutes(figures?.Seconds ?? 0);

    public string ProductName(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var catalog = Catalogs.Get(subscription.CatalogVersion);
        return catalog.PricedItems().FirstOrDefault(p => p.Code == subscription.ProductCode) is { Code: not null } item ? Name(item.Name) : subscription.ProductCode;
    }

    public string OptionName(Subscription subscription, string code)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var catalog = Catalogs.Get(subscription.CatalogVersion);
        return catalog.PricedItems().FirstOrDefault(p => p.Code == code) is { Code: not null } item ? Name(item.Name) : code;
    }
}
