using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Billing;
using Store.Domain.Persistence;
using Store.Site.Identity;

namespace Store.Site.Pages.BackOffice;

/// <summary>Service interruptions of a customer's subscription, entered in the customer's local time; SLA credits are computed from them.</summary>
[Authorize(Policy = BackOfficePolicy.Name)]
public sealed class IncidentsModel(StoreDb db, TimeProvider clock) : PageModel
{
    public sealed record SubscriptionChoice(Guid Id, Guid CustomerId, string Customer, string Product, string TimeZone);

    public sealed record IncidentRow(ServiceIncident Incident, string Customer, string Product);

    public IReadOnlyList<SubscriptionChoice> Subscriptions { get; private set; } = [];

    public IReadOnlyList<IncidentRow> Incidents { get; private set; } = [];

    public string? Error { get; private set; }

    [TempData]
    public bool Recorded { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(Guid subscriptionId, DateTime? start, DateTime? end, bool excusable, string? description)
    {
        await LoadAsync();
        var subscription = Subscriptions.FirstOrDefault(s => s.Id == subscriptionId);
        if (subscription is null)
        {
            Error = "backOffice.incidents.chooseSubscription";
            return Page();
        }

        if (start is null || end is null || end <= start)
        {
            Error = "backOffice.incidents.badTimes";
            return Page();
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone);
        DateTimeOffset Instant(DateTime local) => new(local, zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)));
        db.ServiceIncidents.Add(new ServiceIncident(subscription.CustomerId, subscription.Id, Instant(start.Value), Instant(end.Value), excusable, description?.Trim() ?? string.Empty, clock.GetUtcNow()));
        await db.SaveChangesAsync();
        Recorded = true;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Subscriptions = await (from s in db.Subscriptions.AsNoTracking()
                               join k in db.Contracts.AsNoTracking() on s.ContractId equals k.Id
                               join c in db.Customers.AsNoTracking() on k.CustomerId equals c.Id
                               orderby c.LegalName, s.StartsOn
                               select new SubscriptionChoice(s.Id, c.Id, c.LegalName, s.ProductCode, c.TimeZone)).Take(1000).ToListAsync();
        var incidents = await db.ServiceIncidents.AsNoTracking().OrderByDescending(i => i.Start).Take(200).ToListAsync();
        var names = await db.Customers.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.LegalName);
        var products = Subscriptions.ToDictionary(s => s.Id, s => s.Product);
        Incidents = [.. incidents.Select(i => new IncidentRow(i, names.GetValueOrDefault(i.CustomerId, "?"), products.GetValueOrDefault(i.SubscriptionId, "?")))];
    }
}
