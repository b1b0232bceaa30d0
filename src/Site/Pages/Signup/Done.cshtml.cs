using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Billing;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;
using Store.Site.Payments;
using Store.Site.Signup;

namespace Store.Site.Pages.Signup;

/// <summary>
/// The end of the signup: the contract number, its state, its first invoice, and the way to the customer area. Back from Stripe
/// Checkout, the saved card or SEPA mandate is confirmed from Stripe's state and activates the contract (unless the
/// webhook did first); while it is pending, the customer can go to Checkout again.
/// </summary>
[Authorize]
public sealed class DoneModel(SignupSession session, StoreDb db, StripeCheckout stripe) : PageModel
{
    public Contract? Contract { get; private set; }

    /// <summary>The contract's first invoice, issued once it is active.</summary>
    public Invoice? FirstInvoice { get; private set; }

    /// <summary>Stripe could not be reached, or the customer left Checkout without saving a method.</summary>
    public bool PaymentProblem { get; private set; }

    public bool PaysThroughStripe => stripe.Configured;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = StripeCheckout.SessionParameter)] string? sessionId, string? problem, CancellationToken cancellationToken)
    {
        var draft = await session.FindAsync(cancellationToken);
        if (draft?.CustomerId is not { } customerId)
        {
            return RedirectToPage("Index");
        }

        if (stripe.Configured && !string.IsNullOrWhiteSpace(sessionId))
        {
            try
            {
                PaymentProblem = !await stripe.ConfirmAsync(sessionId, customerId, cancellationToken);
            }
            catch (Stripe.StripeException)
            {
                PaymentProblem = true;
            }
        }

        PaymentProblem |= problem == "stripe";
        Contract = await db.Contracts.AsNoTracking().Where(c => c.CustomerId == customerId).OrderByDescending(c => c.SignedAt).FirstOrDefaultAsync(cancellationToken);
        FirstInvoice = await db.Invoices.AsNoTracking().Where(i => i.CustomerId == customerId).OrderBy(i => i.IssuedAt).FirstOrDefaultAsync(cancellationToken);
        return Page();
    }

    /// <summary>To Stripe Checkout again, for a contract still waiting for its payment method.</summary>
    public async Task<IActionResult> OnPostPayAsync(CancellationToken cancellationToken)
    {
        var draft = await session.FindAsync(cancellationToken);
        if (draft?.CustomerId is not { } customerId || !stripe.Configured)
        {
            return RedirectToPage("Index");
        }

        try
        {
            return Redirect((await stripe.StartSetupAsync(customerId, Request, "/Signup/Done", cancellationToken)).ToString());
        }
        catch (Stripe.StripeException)
        {
            return RedirectToPage(new { problem = "stripe" });
        }
    }
}
