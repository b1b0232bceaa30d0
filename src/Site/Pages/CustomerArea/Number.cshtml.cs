using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Store.Domain;
using Store.Domain.Catalog;
using Store.Domain.Numbers;
using Store.Domain.Numbers.Routing;
using Store.Domain.Persistence;
using Store.Domain.Tenancy;
using Store.Site.CustomerArea;
using Store.Site.Identity;
using Store.Site.Localization;

namespace Store.Site.Pages.CustomerArea;

/// <summary>
/// A number's routing (001, "Planning et routage"): the destination now or from a date and time, the weekly schedule
/// with its fallback chains, blocked callers, and what is displayed.
/// </summary>
public sealed class NumberModel(StoreDb db, AccountAccess access, TenantScope tenant, CatalogRegistry catalogs, TimeProvider clock, IStringLocalizer<SiteTexts> texts)
    : CustomerAreaPage(access, tenant, catalogs, clock, texts)
{
    public const int SlotRows = 4;

    public static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public sealed class SlotInput
    {
        public List<DayOfWeek> Days { get; set; } = [];

        public string? From { get; set; }

        public string? Until { get; set; }

        public List<string?> Destinations { get; set; } = [];

        public int RingSeconds { get; set; } = RoutingSchedule.DefaultRingSeconds;
    }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Destination { get; set; }

    /// <summary>A wall-clock moment in the customer's time zone, from a datetime-local field.</summary>
    [BindProperty]
    public DateTime? EffectiveAt { get; set; }

    [BindProperty]
    public Guid ChangeId { get; set; }

    [BindProperty]
    public List<SlotInput> Slots { get; set; } = [];

    [BindProperty]
    public List<FallbackTriggers> FallbackOn { get; set; } = [];

    [BindProperty]
    public RoutingMode RoutingMode { get; set; }

    [BindProperty]
    public string? Caller { get; set; }

    [BindProperty]
    public DateOnly? BlockUntil { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public InboundDisplay InboundDisplay { get; set; }

    [BindProperty]
    public string? PresentedNumber { get; set; }

    [BindProperty]
    public CallerIdUse PresentedAs { get; set; }

    public TelephoneNumber Number { get; private set; } = null!;

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Fill();
        return Page();
    }

    public Task<IActionResult> OnPostDestinationAsync() => ChangeAsync("destination", n =>
    {
        DateTimeOffset? at = EffectiveAt is { } local ? ToInstant(local) : null;
        return n.ChangeDestination(Destination, at, Clock.GetUtcNow()).Problems;
    }, field => field == "effectiveAt" ? nameof(EffectiveAt) : nameof(Destination));

    public Task<IActionResult> OnPostCancelChangeAsync() => ChangeAsync("changeCancelled", n =>
        n.ScheduledChanges.FirstOrDefault(c => c.Id == ChangeId) is { } change ? change.Cancel(Clock.GetUtcNow()).Problems : [new Problem("changeId", "No such change.", "NOT_FOUND")], _ => string.Empty);

    public Task<IActionResult> OnPostScheduleAsync() => ChangeAsync("schedule", n =>
    {
        var problems = new List<Problem>();
        var windows = new List<RoutingWindow>();
        for (var i = 0; i < Slots.Count; i++)
        {
            var slot = Slots[i];
            var destinations = slot.Destinations.Where(d => !string.IsNullOrWhiteSpace(d)).ToList();
            if (slot.Days.Count == 0 && destinations.Count == 0)
            {
                continue;
            }

            if (!TryTime(slot.From, out var from) || !TryTime(slot.Until, out var until))
            {
                problems.Add(new Problem($"windows[{windows.Count}].from", "Give the times as HH:mm.", "INVALID_TIME"));
                continue;
            }

            windows.Add(new RoutingWindow(slot.Days, from, until, [.. destinations.Select(d => new RoutingStep(d!, slot.RingSeconds))]));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var schedule = RoutingSchedule.Create(windows, FallbackOn.Aggregate(FallbackTriggers.None, (all, f) => all | f));
        if (schedule.Value is { } valid)
        {
            n.SetSchedule(valid, RoutingMode);
        }

        return schedule.Problems;
    }, field => field.StartsWith("windows[", StringComparison.Ordinal) ? "Slots" : string.Empty);

    public Task<IActionResult> OnPostBlockAsync() => ChangeAsync("blocked", n =>
    {
        DateTimeOffset? until = BlockUntil is { } day ? ToInstant(day.ToDateTime(TimeOnly.MinValue).AddDays(1)) : null;
        return n.Block(Caller, until, Note, Clock.GetUtcNow()).Problems;
    }, field => field == "until" ? nameof(BlockUntil) : nameof(Caller));

    public Task<IActionResult> OnPostUnblockAsync() => ChangeAsync("unblocked", n => n.Unblock(Caller).Problems, _ => nameof(Caller));

    public Task<IActionResult> OnPostDisplayAsync() => ChangeAsync("display", n => n.SetCallerDisplay(InboundDisplay, PresentedNumber, PresentedAs).Problems, _ => nameof(PresentedNumber));

    private async Task<IActionResult> ChangeAsync(string done, Func<TelephoneNumber, IReadOnlyList<Problem>> change, Func<string, string> field)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var problems = change(Number);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError(field(problem.Field), Message(problem));
            }

            return Page();
        }

        await db.SaveChangesAsync();
        Done = Texts["number.done." + done];
        ModelState.Clear();
        Fill();
        return Page();
    }

    private void Fill()
    {
        Destination = null;
        EffectiveAt = null;
        RoutingMode = Number.RoutingMode;
        FallbackOn = [.. Enum.GetValues<FallbackTriggers>().Where(f => f is not FallbackTriggers.None and not FallbackTriggers.All && Number.Schedule.FallbackOn.HasFlag(f))];
        Slots = [.. Number.Schedule.Windows.Select(w => new SlotInput
        {
            Days = [.. w.Days],
            From = w.From.ToString("HH:mm", CultureInfo.InvariantCulture),
            Until = w.Until.ToString("HH:mm", CultureInfo.InvariantCulture),
            Destinations = [.. w.Steps.Select(s => (string?)s.Destination)],
            RingSeconds = w.Steps.Count > 0 ? w.Steps[0].RingSeconds : RoutingSchedule.DefaultRingSeconds,
        })];
        while (Slots.Count < SlotRows)
        {
            Slots.Add(new SlotInput());
        }

        foreach (var slot in Slots)
        {
            while (slot.Destinations.Count < 3)
            {
                slot.Destinations.Add(null);
            }
        }

        InboundDisplay = Number.InboundDisplay;
        PresentedNumber = Number.PresentedNumber;
        PresentedAs = Number.PresentedAs;
    }

    private async Task<bool> LoadAsync()
    {
        if (!await EnterAsync())
        {
            return false;
        }

        var found = await db.Numbers.Include(n => n.ScheduledChanges).Include(n => n.BlockedCallers).AsSplitQuery()
            .SingleOrDefaultAsync(n => n.Id == Id && n.CustomerId == Account.Id);
        if (found is null)
        {
            return false;
        }

        Number = found;
        return true;
    }

    private static DateTimeOffset ToInstant(DateTime local)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(LocalTime.Paris);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);
}
