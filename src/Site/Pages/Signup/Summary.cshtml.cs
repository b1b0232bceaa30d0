using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Store.Domain.Catalog;
using Store.Domain.Identity;
using Store.Domain.Mail;
using Store.Domain.Persistence;
using Store.Domain.Signup;
using Store.Domain.Subscriptions;
using Store.Site.Localization;
using Store.Site.Signup;

namespace Store.Site.Pages.Signup;

/// <summary>
/// Step 4: the contract summary in the form of 003, built from the real choices; the owner's account (created or
/// signed in, with two-factor sign-in enrolled); acceptance of the versioned conditions; payment by bank transfer.
/// </summary>
public sealed class SummaryModel(
    SignupSession session,
    PlaceSignupOrder placeOrder,
    UserManager<StoreUser> users,
    SignInManager<StoreUser> signIn,
    MailOutbox outbox,
    SiteTexts siteTexts,
    StoreDb db,
    CatalogRegistry catalogs,
    TimeProvider clock,
    IStringLocalizer<SiteTexts> texts) : SignupPage(catalogs, clock, texts)
{
    /// <summary>The conditions the customer accepts, with the catalog version that prices them.</summary>
    public string ConditionVersions => $"CPS-002;RC-003;catalog-{Catalog.Version}";

    [BindProperty]
    public bool Accept { get; set; }

    public StoreUser? Owner { get; private set; }

    public Plan? Plan => Catalog.FindPlan(Order.ProductCode);

    public SmartNumberType? SmartType => Order.SmartNumber is { } smart ? Catalog.SmartNumbers.NumberTypes.FirstOrDefault(t => t.Code == smart.TypeCode) : null;

    public string ProductName => Plan is { } plan ? Name(plan.Name) : SmartType is { } type ? Name(type.Name) : Order.ProductCode;

    public string Here => "/Signup/Summary";

    public async Task<IActionResult> OnGetAsync()
    {
        var draft = await session.FindAsync();
        if (draft is null)
        {
            return RedirectToPage("Index");
        }

        if (draft.CustomerId is not null)
        {
            return RedirectToPage("Done");
        }

        Order = draft.Order;
        if (Order.Company is null)
        {
            return RedirectToPage("Company");
        }

        Owner = await users.GetUserAsync(User);
        PriceOrder();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var draft = await session.FindAsync();
        if (draft is null)
        {
            return RedirectToPage("Index");
        }

        if (draft.CustomerId is not null)
        {
            return RedirectToPage("Done");
        }

        Order = draft.Order;
        Owner = await users.GetUserAsync(User);
        if (Owner is null || !Owner.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        if (!Accept)
        {
            ModelState.AddModelError(nameof(Accept), Texts["signup.summary.acceptRequired"]);
        }

        var offerProblems = Order.CheckOffer(Catalog);
        if (!ModelState.IsValid || offerProblems.Count > 0)
        {
            Show(offerProblems, _ => string.Empty);
            PriceOrder();
            return Page();
        }

        var acceptance = new ConditionsAcceptance(Owner.Email!, Clock.GetUtcNow(), HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", ConditionVersions);
        var placed = await placeOrder.RunAsync(Order, Owner.Id, acceptance, activateNow: true);
        if (placed.Value is not { } order)
        {
            Show(placed.Problems, _ => string.Empty);
            PriceOrder();
            return Page();
        }

        draft.MarkPlaced(order.Customer.Id, Clock.GetUtcNow());
        var culture = CultureInfo.GetCultureInfo(Owner.Language == "en" ? "en-GB" : "fr-FR");
        var quote = SignupQuote.For(Catalog, Order, Today);
        outbox.Enqueue(
            Owner.Email!,
            string.Format(culture, siteTexts.Find("mail.welcome.subject", culture)!, order.Contract.Number),
            string.Format(culture, siteTexts.Find("mail.welcome.body", culture)!, Owner.DisplayName, order.Customer.LegalName, order.Contract.Number, (Plan?.Name ?? SmartType?.Name)?.In(culture.TwoLetterISOLanguageName) ?? Order.ProductCode, Order.SmartNumber is null ? Order.Users : 1, quote.IncludingVat.Format(culture), order.Contract.Id.ToString("N")[..12].ToUpperInvariant()),
            null,
            "welcome");
        await db.SaveChangesAsync();

        // The new membership changes what the sign-in cookie says the person may see.
        await signIn.RefreshSignInAsync(Owner);
        return RedirectToPage("Done");
    }
}
