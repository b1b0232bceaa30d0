using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Store.Domain.Catalog;
using Store.Domain.Numbers;
using Store.Domain.Persistence;
using Store.Domain.Signup;
using Store.Site.Localization;
using Store.Site.Signup;

namespace Store.Site.Pages.Signup;

/// <summary>Step 1 for a Smart Number (000): type and number from the pool, tariff, destination, routing, payout, declared use, directory.</summary>
public sealed class SmartNumberModel(SignupSession session, StoreDb db, CatalogRegistry catalogs, TimeProvider clock, IStringLocalizer<SiteTexts> texts) : SignupPage(catalogs, clock, texts)
{
    [BindProperty]
    public string TypeCode { get; set; } = "0800";

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public TariffKind TariffKind { get; set; } = TariffKind.PerMinute;

    /// <summary>As the number field sends it: with a dot, whatever the page's language.</summary>
    [BindProperty]
    public string? TariffAmount { get; set; }

    private decimal? Tariff => decimal.TryParse(TariffAmount?.Replace(',', '.'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount) ? amount : null;

    [BindProperty]
    public string? Destination { get; set; }

    [BindProperty]
    public RoutingKind Routing { get; set; } = RoutingKind.Pstn;

    [BindProperty]
    public PayoutKind Payout { get; set; } = PayoutKind.Standard;

    [BindProperty]
    public string? UsageCategory { get; set; }

    [BindProperty]
    public bool DirectoryOptOut { get; set; }

    /// <summary>Free numbers of the chosen type, stable for this visitor's draft.</summary>
    public IReadOnlyList<string> Pool { get; private set; } = [];

    public SmartNumberType Type => Catalog.SmartNumbers.NumberTypes.FirstOrDefault(t => t.Code == TypeCode) ?? Catalog.SmartNumbers.NumberTypes[0];

    public bool IsPremium => Type.Kind == SmartNumberKind.Premium;

    public async Task OnGetAsync(string? type)
    {
        var draft = await session.FindAsync();
        var order = draft is { CustomerId: null } ? draft.Order : new SignupOrder();
        if (order.SmartNumber is { } smart)
        {
            (TypeCode, Number, TariffKind, TariffAmount, Destination, Routing, Payout, UsageCategory, DirectoryOptOut) =
                (smart.TypeCode, smart.Number, smart.TariffKind, smart.TariffAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture), smart.Destination, smart.Routing, smart.Payout, smart.UsageCategory, !smart.DirectoryListed);
        }

        if (type is not null && Catalog.SmartNumbers.NumberTypes.Any(t => t.Code == type))
        {
            TypeCode = type;
        }

        await PrepareAsync();
    }

    public async Task<IActionResult> OnPostUpdateAsync()
    {
        await PrepareAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostNextAsync()
    {
        var choice = new SmartNumberChoice(TypeCode, Number ?? string.Empty, IsPremium ? TariffKind : TariffKind.PerMinute, IsPremium ? Tariff : null, Destination ?? string.Empty, Routing, Payout, UsageCategory ?? string.Empty, !DirectoryOptOut);
        var candidate = new SignupOrder { ProductCode = TypeCode, SmartNumber = choice };
        var problems = candidate.CheckOffer(Catalog);
        if (problems.Count > 0)
        {
            Show(problems, field => field switch
            {
                "number" => nameof(Number),
                "tariffAmount" => nameof(TariffAmount),
                "destination" => nameof(Destination),
                "usageCategory" => nameof(UsageCategory),
                _ => string.Empty,
            });
            await PrepareAsync();
            return Page();
        }

        var draft = await session.FindOrStartAsync();
        var kept = draft.Order;
        await session.SaveAsync(draft, candidate with { Company = kept.Company?.Market == Catalog.SmartNumbers.Market ? kept.Company : null, Porting = [] });
        return RedirectToPage("Company");
    }

    private async Task PrepareAsync()
    {
        var draft = await session.FindAsync();
        var prefix = Type.Prefixes[0];
        var taken = (await db.Numbers.IgnoreQueryFilters().Where(n => n.E164.StartsWith("+41")).Select(n => n.E164).ToListAsync()).ToHashSet();
        Pool = NumberPool.Free(prefix, taken, 5, (draft?.Id ?? Guid.Empty).GetHashCode() ^ prefix.GetHashCode(StringComparison.Ordinal));
        if (Number is not null && !Pool.Contains(Number) && PhoneNumberText.ToE164("n", Number, "CH").Value is { } chosen && !taken.Contains(chosen) && Type.Prefixes.Any(p => PhoneNumberText.National(chosen).StartsWith(p, StringComparison.Ordinal)))
        {
            Pool = [chosen, .. Pool.Take(4)];
        }

        Order = new SignupOrder { ProductCode = TypeCode, SmartNumber = new SmartNumberChoice(TypeCode, Pool.Count > 0 ? Pool[0] : "+41000000000", TariffKind, Tariff, "+41000000000", Routing, Payout, "x", true) };
        Quote = SignupQuote.For(Catalog, Order, Today);
    }

    public static string Display(string e164) => PhoneNumberText.National(e164);
}
