using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Store.Domain.Billing;
using Store.Domain.Catalog;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Domain.Signup;
using Store.Domain.Subscriptions;
using Store.Site.Localization;
using Store.Site.Payments;
using Store.Site.Signup;

namespace Store.Site.Pages.Signup;

/// <summary>
/// Step 4: the contract summary in the form of 003, built from the real choices; the owner's account (created or
/// signed in, with two-factor sign-in enrolled); acceptance of the versioned conditions; payment by bank transfer
/// (the contract is active at once, and its first invoice issued), or, when Stripe is configured, a card or SEPA mandate saved through Stripe
/// Checkout (the contract is active once it is confirmed).
/// </summary>
public sealed class SummaryModel(
    SignupSession session,
    PlaceSignupOrder placeOrder,
    UserManager<StoreUser> users,
    SignInManager<StoreUser> signIn,
    WelcomeMail welcome,
    FirstInvoice firstInvoice,
    StripeCheckout stripe,
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

    /// <summary>Whether the payment step goes through Stripe Checkout (card or SEPA direct debit).</summary>
    public bool PaysThroughStripe => stripe.Configured;

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
        var placed = await placeOrder.RunAsync(Order, Owner.Id, acceptance, activateNow: !stripe.Configured);
        if (placed.Value is not { } order)
        {
            Show(placed.Problems, _ => string.Empty);
            PriceOrder();
            return Page();
        }

        draft.MarkPlaced(order.Customer.Id, Clock.GetUtcNow());
        if (!stripe.Configured)
        {
            welcome.Enqueue(Owner, order.Customer, order.Contract, Order);
        }

        await db.SaveChangesAsync();
        if (!stripe.Configured)
        {
            await firstInvoice.IssueAsync(order.Contract);
        }

        // The new membership changes what the sign-in cookie says the person may see.
        await signIn.RefreshSignInAsync(Owner);
        if (stripe.Configured)
        {
            // Off to Stripe to save a card or a SEPA mandate; the contract waits, pending, and the Done page offers to try again.
            try
            {
                return Redirect((await stripe.StartSetupAsync(order.Customer.Id, Request, "/Signup/Done")).ToString());
            }
            catch (Stripe.StripeException)
            {
                return RedirectToPage("Done", new { problem = "stripe" });
            }
        }

        return RedirectToPage("Done");
    }
}
