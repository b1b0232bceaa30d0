using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Store.Domain;
using Store.Domain.Billing;
using Store.Domain.Persistence;
using Store.Jobs.Billing;
using Store.Jobs.Rating;
using Store.Site.Identity;

namespace Store.Site.Pages.BackOffice;

/// <summary>Billing runs: start one for a month, follow its progress (the page refreshes itself while a run is going).</summary>
[Authorize(Policy = BackOfficePolicy.Name)]
public sealed class BillingModel(StoreDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<BillingRun> Runs { get; private set; } = [];

    [BindProperty]
    public string Period { get; set; } = string.Empty;

    /// <summary>The month just started, shown after a start.</summary>
    [FromQuery(Name = "started")]
    public string? Started { get; set; }

    /// <summary>The month whose statements were just asked for.</summary>
    [FromQuery(Name = "statements")]
    public string? StatementsStarted { get; set; }

    /// <summary>The month whose re-rating was just asked for.</summary>
    [FromQuery(Name = "rerating")]
    public string? ReratingStarted { get; set; }

    /// <summary>How many Smart Number statements each recent month has.</summary>
    public IReadOnlyList<(string Period, int Count)> StatementCounts { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>
    /// Whether the page reloads itself: while a run goes, and just after a start until the job has opened the run.
    /// </summary>
    public bool Refreshing => Runs.Any(r => r.Status == BillingRunStatus.Running) || (Started is not null && Runs.All(r => r.Period != Started));

    public async Task OnGetAsync()
    {
        Period = BillingPeriod.Of(LocalTime.Today(clock)).ToString();
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        if (!TryParse(Period, out var period))
        {
            Error = "backOffice.billing.badPeriod";
        }
        else if (HttpContext.RequestServices.GetService<ISchedulerFactory>() is not { } schedulers)
        {
            Error = "backOffice.billing.noJobs";
        }
        else
        {
            await BillingRunJob.TriggerAsync(schedulers, period, cancellationToken);
            return RedirectToPage(new { started = period.ToString() });
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>Issues and mails the Smart Number statements of a month (the job does it on the 1st for the month that ended).</summary>
    public async Task<IActionResult> OnPostStatementsAsync(CancellationToken cancellationToken)
    {
        if (!TryParse(Period, out var period))
        {
            Error = "backOffice.billing.badPeriod";
        }
        else if (HttpContext.RequestServices.GetService<ISchedulerFactory>() is not { } schedulers)
        {
            Error = "backOffice.billing.noJobs";
        }
        else
        {
            await StatementJob.TriggerAsync(schedulers, period, cancellationToken);
            return RedirectToPage(new { statements = period.ToString() });
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>Re-rates a month after a catalog correction, for every customer on a corrected version.</summary>
    public async Task<IActionResult> OnPostRerateAsync(CancellationToken cancellationToken)
    {
        if (!TryParse(Period, out var period))
        {
            Error = "backOffice.billing.badPeriod";
        }
        else if (HttpContext.RequestServices.GetService<ISchedulerFactory>() is not { } schedulers)
        {
            Error = "backOffice.billing.noJobs";
        }
        else
        {
            await RerateMonthJob.TriggerAsync(schedulers, period, cancellationToken: cancellationToken);
            return RedirectToPage(new { rerating = period.ToString() });
        }

        await LoadAsync();
        return Page();
    }

    private static bool TryParse(string? text, out BillingPeriod period)
    {
        period = default;
        if (!DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || first.Year < 2000)
        {
            return false;
        }

        period = BillingPeriod.Of(first);
        return true;
    }

    private async Task LoadAsync()
    {
        Runs = await db.BillingRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(24).ToListAsync();
        StatementCounts = [.. (await db.Statements.AsNoTracking().GroupBy(s => s.Period).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .OrderByDescending(x => x.Key, StringComparer.Ordinal).Take(12).Select(x => (x.Key, x.Count))];
    }
}
