using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Store.Domain.Catalog;
using Store.Domain.Signup;
using Store.Domain.Subscriptions;
using Store.Site.Localization;
using Store.Site.Signup;

namespace Store.Site.Pages.Signup;

/// <summary>Step 1: the plan, its users, monthly or yearly billing, and options, with the price as it stands.</summary>
public sealed class IndexModel(SignupSession session, CatalogRegistry catalogs, TimeProvider clock, IStringLocalizer<SiteTexts> texts) : SignupPage(catalogs, clock, texts)
{
    [BindProperty]
    public string ProductCode { get; set; } = "forfait-pro";

    [BindProperty]
    public int Users { get; set; } = 1;

    [BindProperty]
    public PricePeriod Period { get; set; } = PricePeriod.Monthly;

    [BindProperty]
    public Dictionary<string, int> Options { get; set; } = [];

    public async Task OnGetAsync(string? plan)
    {
        var draft = await session.FindAsync();
        Order = draft?.CustomerId is null && draft is not null ? draft.Order : new SignupOrder();
        if (plan is not null && Catalog.FindPlan(plan) is not null)
        {
            Order = Order with { ProductCode = plan };
        }

        ProductCode = Order.ProductCode;
        Users = Order.Users;
        Period = Order.Period;
        Options = Order.Options.ToDictionary(o => o.Code, o => o.Quantity);
        PriceOrder();
    }

    /// <summary>The price summary alone, for the page's script to refresh it as choices change.</summary>
    public IActionResult OnPostQuote()
    {
        Order = FromForm();
        PriceOrder();
        return Partial("_Quote", this);
    }

    /// <summary>Without script: the same page, priced again.</summary>
    public IActionResult OnPostUpdate()
    {
        Order = FromForm();
        Show(Order.CheckOffer(Catalog), Field);
        PriceOrder();
        return Page();
    }

    public async Task<IActionResult> OnPostNextAsync()
    {
        Order = FromForm();
        var problems = Order.CheckOffer(Catalog);
        if (problems.Count > 0)
        {
            Show(problems, Field);
            PriceOrder();
            return Page();
        }

        var draft = await session.FindOrStartAsync();
        var kept = draft.Order;
        await session.SaveAsync(draft, Order with { Porting = kept.Porting, Company = kept.Company });
        return RedirectToPage("Numbers");
    }

    private SignupOrder FromForm()
    {
        var plan = Catalog.FindPlan(ProductCode);
        var options = Options.Where(o => o.Value > 0 && plan is not null && plan.Options.Contains(o.Key)).Select(o => new OptionOrder(o.Key, o.Value)).ToList();
        return new SignupOrder { ProductCode = ProductCode, Users = Users, Period = Period, Options = options };
    }

    private static string Field(string field) => field switch
    {
        "productCode" => nameof(ProductCode),
        "users" => nameof(Users),
        "period" => nameof(Period),
        _ => string.Empty,
    };

    public bool IsChosen(string plan) => ProductCode == plan;

    public int OptionQuantity(string code) => Options.GetValueOrDefault(code);

    public IEnumerable<Plan> Plans => Catalog.Plans;
}
