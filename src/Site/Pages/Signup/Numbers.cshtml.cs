using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Store.Domain.Catalog;
using Store.Domain.Numbers;
using Store.Domain.Signup;
using Store.Site.Localization;
using Store.Site.Signup;

namespace Store.Site.Pages.Signup;

/// <summary>Step 2: the numbers the company keeps, ported from its operator on a date at least 14 working days away.</summary>
public sealed class NumbersModel(SignupSession session, CatalogRegistry catalogs, TimeProvider clock, IStringLocalizer<SiteTexts> texts) : SignupPage(catalogs, clock, texts)
{
    public const int Rows = 5;

    public sealed class PortRow
    {
        public string? Number { get; set; }

        public string? Operator { get; set; }

        public DateOnly? Date { get; set; }
    }

    [BindProperty]
    public List<PortRow> Porting { get; set; } = [];

    [BindProperty]
    public bool Mandate { get; set; }

    public DateOnly Earliest => Domain.Numbers.Porting.EarliestDate(Today);

    public async Task<IActionResult> OnGetAsync()
    {
        var draft = await session.FindAsync();
        if (draft is null || draft.CustomerId is not null)
        {
            return RedirectToPage("Index");
        }

        Order = draft.Order;
        Porting = [.. Order.Porting.Select(p => new PortRow { Number = p.Number, Operator = p.CurrentOperator, Date = p.Date })];
        Mandate = Order.Porting.Count > 0;
        Pad();
        PriceOrder();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var draft = await session.FindAsync();
        if (draft is null || draft.CustomerId is not null)
        {
            return RedirectToPage("Index");
        }

        Order = draft.Order;
        var filled = Porting.Select((row, index) => (row, index)).Where(r => !string.IsNullOrWhiteSpace(r.row.Number)).ToList();
        var ports = filled.Select(r => new PortIn(r.row.Number!.Trim(), string.IsNullOrWhiteSpace(r.row.Operator) ? null : r.row.Operator.Trim(), r.row.Date ?? Earliest)).ToList();
        var candidate = Order with { Porting = ports };
        var problems = candidate.CheckPorting(Today);
        Show(problems, field => MapField(field, filled.Select(r => r.index).ToList()));
        if (ports.Count > 0 && !Mandate)
        {
            ModelState.AddModelError(nameof(Mandate), Texts["signup.numbers.mandateRequired"]);
        }

        if (!ModelState.IsValid)
        {
            Pad();
            PriceOrder();
            return Page();
        }

        await session.SaveAsync(draft, candidate with { Porting = [.. ports.Select(p => p with { Number = PhoneNumberText.ToE164("n", p.Number).Value ?? p.Number })] });
        return RedirectToPage("Company");
    }

    private void Pad()
    {
        while (Porting.Count < Rows)
        {
            Porting.Add(new PortRow());
        }
    }

    // "porting[1].date" of the filled rows → "Porting[3].Date" of the form's rows.
    private static string MapField(string field, List<int> rows)
    {
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        if (open < 0 || close < 0 || !int.TryParse(field[(open + 1)..close], out var i) || i >= rows.Count)
        {
            return string.Empty;
        }

        var name = field[(close + 2)..];
        return $"Porting[{rows[i]}].{char.ToUpperInvariant(name[0])}{name[1..]}";
    }
}
