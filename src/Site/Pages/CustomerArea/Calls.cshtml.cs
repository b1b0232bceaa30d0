using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Store.Domain;
using Store.Domain.Calls;
using Store.Domain.Catalog;
using Store.Domain.Numbers;
using Store.Domain.Persistence;
using Store.Domain.Tenancy;
using Store.Site.CustomerArea;
using Store.Site.Identity;
using Store.Site.Localization;

namespace Store.Site.Pages.CustomerArea;

/// <summary>The detailed call list (001): filters by period, number, answered or missed and tariff; each call's charge and the rule that priced it; CSV export.</summary>
public sealed class CallsModel(StoreDb db, AccountAccess access, TenantScope tenant, CatalogRegistry catalogs, TimeProvider clock, IStringLocalizer<SiteTexts> texts)
    : CustomerAreaPage(access, tenant, catalogs, clock, texts)
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Answered { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Tariff { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<ListedCall> Calls { get; private set; } = [];

    public IReadOnlyList<TelephoneNumber> Numbers { get; private set; } = [];

    public string? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await EnterAsync())
        {
            return NoAccount();
        }

        Numbers = await db.Numbers.AsNoTracking().Where(n => n.CustomerId == Account.Id).OrderBy(n => n.E164).ToListAsync();
        (Calls, Next) = await CallSearch.PageAsync(db, Account.Id, Filter(), PageSize, After, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The whole filtered list as CSV (semicolon-separated, as French spreadsheets expect), newest first.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!await EnterAsync())
        {
            return NoAccount();
        }

        var csv = new StringBuilder();
        csv.AppendLine(string.Join(';', Texts["calls.csv.header"].Value.Split('|')));
        string? after = null;
        var french = Language != "en";
        for (var pages = 0; pages < 200; pages++)
        {
            var (calls, next) = await CallSearch.PageAsync(db, Account.Id, Filter(), 500, after, HttpContext.RequestAborted);
            foreach (var c in calls)
            {
                csv.AppendLine(string.Join(';',
                    LocalTime.In(c.Call.StartedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    c.Call.Account,
                    c.Call.Direction,
                    c.Call.Caller,
                    c.Call.Callee,
                    c.Call.Disposition,
                    c.Call.Seconds.ToString(CultureInfo.InvariantCulture),
                    c.Amount.ToString("0.0000", french ? CultureInfo.GetCultureInfo("fr-FR") : CultureInfo.InvariantCulture),
                    c.Currency?.ToString() ?? string.Empty,
                    Quote(c.RuleText(french ? "fr" : "en"))));
            }

            if (next is null)
            {
                break;
            }

            after = next;
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"appels-{Today:yyyy-MM-dd}.csv");
    }

    private static string Quote(string text) => text.Contains(';', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private CallFilter Filter()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(LocalTime.Paris);
        DateTimeOffset? Start(DateOnly? day) => day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(d.ToDateTime(TimeOnly.MinValue))) : null;
        return new CallFilter(Start(From), Start(To?.AddDays(1)), Number, Answered, Tariff);
    }

    public static string Duration(int seconds) => TimeSpan.FromSeconds(seconds).ToString(seconds >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);

    public string Amount(ListedCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Currency is { } currency ? new Money(call.Amount, currency).Format(CultureInfo.CurrentCulture) : "—";
    }

    public Dictionary<string, string?> Query(string? after) => new()
    {
        ["AccountId"] = Account.Id.ToString(),
        ["From"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["To"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Number"] = Number?.ToString(),
        ["Answered"] = Answered?.ToString(),
        ["Tariff"] = Tariff?.ToString(CultureInfo.InvariantCulture),
        ["After"] = after,
    };
}
