using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Store.Domain;
using Store.Domain.Calls.Figures;
using Store.Domain.Catalog;
using Store.Domain.Numbers;
using Store.Domain.Persistence;
using Store.Domain.Tenancy;
using Store.Site.CustomerArea;
using Store.Site.Identity;
using Store.Site.Localization;

namespace Store.Site.Pages.CustomerArea;

/// <summary>The Top 200 callers (001): the numbers that called the account most this month or over the last three months, per number or all; CSV export.</summary>
public sealed class TopCallersModel(StoreDb db, AccountAccess access, TenantScope tenant, CatalogRegistry catalogs, TimeProvider clock, IStringLocalizer<SiteTexts> texts)
    : CustomerAreaPage(access, tenant, catalogs, clock, texts)
{
    [BindProperty(SupportsGet = true)]
    public TopCallersRange Range { get; set; }

    [BindProperty(SupportsGet = true)]
    public TopCallersOrder Order { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Number { get; set; }

    public IReadOnlyList<TelephoneNumber> Numbers { get; private set; } = [];

    public IReadOnlyList<TopCaller> Callers { get; private set; } = [];

    public IReadOnlyList<string> Periods { get; private set; } = [];

    public Currency Currency { get; private set; }

    public bool HasSmartNumbers => Numbers.Any(n => n.SmartNumber is not null);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NoAccount();
        }

        return Page();
    }

    /// <summary>The list as CSV (semicolon-separated, as French spreadsheets expect), best first.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!await LoadAsync())
        {
            return NoAccount();
        }

        var csv = new StringBuilder();
        csv.AppendLine(string.Join(';', Texts["topCallers.csv.header"].Value.Split('|')));
        var amounts = Language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("fr-FR");
        foreach (var c in Callers)
        {
            csv.AppendLine(string.Join(
                ';',
                c.Rank.ToString(CultureInfo.InvariantCulture),
                c.Caller.Length == 0 ? Texts["topCallers.hidden"].Value : c.Caller,
                c.Calls.ToString(CultureInfo.InvariantCulture),
                c.Minutes.ToString("0.0", amounts),
                c.HolderShare.ToString("0.00", amounts),
                c.CallerRevenue.ToString("0.00", amounts),
                Currency.ToString()));
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"top-200-{string.Join('_', Periods)}.csv");
    }

    private async Task<bool> LoadAsync()
    {
        if (!await EnterAsync())
        {
            return false;
        }

        Numbers = await db.Numbers.AsNoTracking().Where(n => n.CustomerId == Account.Id).OrderBy(n => n.E164).ToListAsync();
        if (Number is { } chosen && Numbers.All(n => n.Id != chosen))
        {
            Number = null;
        }

        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == Account.Id).Select(c => new { c.TimeZone, c.Currency }).SingleAsync();
        Currency = customer.Currency;
        Periods = TopCallers.Periods(Range, LocalTime.Today(Clock, customer.TimeZone));
        Callers = await TopCallers.ListAsync(db, Account.Id, Periods, Number, Order, HttpContext.RequestAborted);
        return true;
    }

    public string Amount(decimal amount) => Money(new Money(amount, Currency));

    /// <summary>"mars 2026" or "janvier – mars 2026".</summary>
    public string PeriodText()
    {
        static DateTime First(string period) => DateTime.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = First(Periods[^1]).ToString("MMMM yyyy", CultureInfo.CurrentCulture);
        return Periods.Count == 1 ? last : First(Periods[0]).ToString("MMMM yyyy", CultureInfo.CurrentCulture) + " – " + last;
    }

    public Dictionary<string, string?> Query(TopCallersRange range, TopCallersOrder order) => new()
    {
        ["AccountId"] = Account.Id.ToString(),
        ["Range"] = range.ToString(),
        ["Order"] = order.ToString(),
        ["Number"] = Number?.ToString(),
    };
}
