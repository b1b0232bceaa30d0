using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Store.Domain;
using Store.Domain.Calls.Alerts;
using Store.Domain.Catalog;
using Store.Domain.Numbers;
using Store.Domain.Persistence;
using Store.Domain.Tenancy;
using Store.Site.CustomerArea;
using Store.Site.Identity;
using Store.Site.Localization;

namespace Store.Site.Pages.CustomerArea;

/// <summary>A person of the account an alert can be mailed to.</summary>
public sealed record AlertPerson(Guid UserId, string Email, string Name);

/// <summary>
/// The e-mail alerts (001): the daily figures mail on or off, and thresholds on a day's calls, missed calls or revenue,
/// for the account or one number, mailed to some of the account's people. Owners and administrators only, like the
/// whole customer area; the alerts job sends them.
/// </summary>
public sealed class AlertsModel(StoreDb db, AccountAccess access, TenantScope tenant, CatalogRegistry catalogs, TimeProvider clock, IStringLocalizer<SiteTexts> texts)
    : CustomerAreaPage(access, tenant, catalogs, clock, texts)
{
    public static readonly AlertKind[] ThresholdKinds = [AlertKind.CallsAbove, AlertKind.MissedCallsAbove, AlertKind.RevenueAbove, AlertKind.RevenueBelow];

    public IReadOnlyList<AlertPerson> People { get; private set; } = [];

    public IReadOnlyList<TelephoneNumber> Numbers { get; private set; } = [];

    public IReadOnlyList<FigureAlert> Thresholds { get; private set; } = [];

    public FigureAlert? Daily { get; private set; }

    public Currency Currency { get; private set; }

    public string? Done { get; private set; }

    [BindProperty]
    public bool DailyOn { get; set; }

    [BindProperty]
    public List<Guid> DailyRecipients { get; set; } = [];

    [BindProperty]
    public AlertKind Kind { get; set; } = AlertKind.CallsAbove;

    [BindProperty]
    public Guid? NumberId { get; set; }

    [BindProperty]
    public string? Threshold { get; set; }

    [BindProperty]
    public List<Guid> Recipients { get; set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NoAccount();
        }

        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostDailyAsync()
    {
        if (!await LoadAsync())
        {
            return NoAccount();
        }

        var people = People.Select(p => p.UserId).ToHashSet();
        if (!DailyOn)
        {
            if (Daily is not null)
            {
                db.FigureAlerts.Remove(Daily);
            }
        }
        else if (Daily is null)
        {
            var created = FigureAlert.Create(Account.Id, AlertKind.DailyFigures, null, 0m, DailyRecipients, people, Clock.GetUtcNow());
            if (!created.Succeeded)
            {
                Show(created.Problems.Select(p => p with { Field = nameof(DailyRecipients) }));
                return Page();
            }

            db.FigureAlerts.Add(created.Value!);
        }
        else if (Daily.ChangeRecipients(DailyRecipients, people) is { Count: > 0 } problems)
        {
            Show(problems.Select(p => p with { Field = nameof(DailyRecipients) }));
            return Page();
        }

        return await SavedAsync(DailyOn ? "dailyOn" : "dailyOff");
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!await LoadAsync())
        {
            return NoAccount();
        }

        if (!decimal.TryParse(Threshold?.Trim(), NumberStyles.Number, CultureInfo.CurrentCulture, out var threshold) || !ThresholdKinds.Contains(Kind))
        {
            ModelState.AddModelError(nameof(Threshold), Texts["alerts.thresholdInvalid"]);
            return Page();
        }

        var number = NumberId is { } id && Numbers.Any(n => n.Id == id) ? NumberId : null;
        var created = FigureAlert.Create(Account.Id, Kind, number, threshold, Recipients, People.Select(p => p.UserId).ToHashSet(), Clock.GetUtcNow());
        if (!created.Succeeded)
        {
            foreach (var problem in created.Problems)
            {
                ModelState.AddModelError(problem.Field == "recipients" ? nameof(Recipients) : nameof(Threshold), Message(problem));
            }

            return Page();
        }

        db.FigureAlerts.Add(created.Value!);
        return await SavedAsync("added");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid alertId)
    {
        if (!await LoadAsync())
        {
            return NoAccount();
        }

        if (Thresholds.FirstOrDefault(a => a.Id == alertId) is not { } alert)
        {
            return NotFound();
        }

        db.FigureAlerts.Remove(alert);
        return await SavedAsync("deleted");
    }

    private async Task<IActionResult> SavedAsync(string done)
    {
        await db.SaveChangesAsync();
        Done = Texts["alerts.done." + done];
        ModelState.Clear();
        await LoadAsync();
        Fill();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (!await EnterAsync())
        {
            return false;
        }

        People = await (from m in db.Memberships.AsNoTracking()
                        join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                        where m.CustomerId == Account.Id && u.Email != null
                        orderby u.Email
                        select new AlertPerson(u.Id, u.Email!, u.DisplayName)).ToListAsync();
        Numbers = await db.Numbers.AsNoTracking().Where(n => n.CustomerId == Account.Id).OrderBy(n => n.E164).ToListAsync();
        Currency = await db.Customers.AsNoTracking().Where(c => c.Id == Account.Id).Select(c => c.Currency).SingleAsync();
        var alerts = await db.FigureAlerts.Include(a => a.Recipients).Where(a => a.CustomerId == Account.Id).OrderBy(a => a.CreatedAt).ToListAsync();
        Daily = alerts.FirstOrDefault(a => a.Kind == AlertKind.DailyFigures);
        Thresholds = [.. alerts.Where(a => a.IsThreshold)];
        return true;
    }

    private void Fill()
    {
        DailyOn = Daily is not null;
        DailyRecipients = Daily is null ? [.. People.Take(1).Select(p => p.UserId)] : [.. Daily.Recipients.Select(r => r.UserId)];
        Recipients = [.. People.Take(1).Select(p => p.UserId)];
        Threshold = null;
    }

    /// <summary>"Plus de 100 appels dans la journée", "Revenue of a day below EUR 50.00".</summary>
    public string Describe(FigureAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var value = alert.Kind is AlertKind.RevenueAbove or AlertKind.RevenueBelow ? Money(new Money(alert.Threshold, Currency)) : alert.Threshold.ToString("N0", CultureInfo.CurrentCulture);
        return Texts["alerts.describe." + alert.Kind, value];
    }

    public string NumberOf(FigureAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert.NumberId is { } id ? Numbers.FirstOrDefault(n => n.Id == id)?.E164 ?? "?" : Texts["alerts.allNumbers"];
    }

    public string RecipientsOf(FigureAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return string.Join(", ", alert.Recipients.Select(r => People.FirstOrDefault(p => p.UserId == r.UserId)?.Email).OfType<string>());
    }
}
