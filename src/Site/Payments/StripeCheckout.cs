using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Store.Domain.Payments;
using Store.Domain.Persistence;

namespace Store.Site.Payments;

/// <summary>
/// The site's side of Stripe Checkout: sends a customer to save a card or a SEPA mandate (setup mode) or to pay an
/// open invoice (payment mode), and, when they come back, confirms from Stripe's own state what they did.
/// Only used when <see cref="Configured"/>; otherwise everyone pays by bank transfer.
/// </summary>
public sealed class StripeCheckout(StoreDb db, IOptions<StripeOptions> options, IServiceProvider services, StripePayments payments)
{
    /// <summary>The query parameter Stripe fills with the Checkout session's id on the way back.</summary>
    public const string SessionParameter = "stripe_session";

    public bool Configured => options.Value.Configured;

    private StripeGateway Gateway => services.GetRequiredService<StripeGateway>();

    /// <summary>A Checkout page where the customer saves a card or gives a SEPA mandate; back to <paramref name="returnPath"/> either way.</summary>
    public async Task<Uri> StartSetupAsync(Guid customerId, HttpRequest request, string returnPath, CancellationToken cancellationToken = default)
    {
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, cancellationToken);
        var stripeCustomerId = await LinkAsync(customer, cancellationToken);
        var page = await Gateway.StartSetupAsync(customer.Id, stripeCustomerId, customer.Currency, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, Back(request, returnPath, withSession: true), Back(request, returnPath, withSession: false), cancellationToken);
        return page.Url;
    }

    /// <summary>A Checkout page to pay what is left on one of the customer's invoices.</summary>
    public async Task<Uri?> StartPaymentAsync(Guid customerId, Guid invoiceId, HttpRequest request, string returnPath, CancellationToken cancellationToken = default)
    {
        var receivable = await db.Receivables.AsNoTracking().SingleOrDefaultAsync(r => r.InvoiceId == invoiceId && r.CustomerId == customerId, cancellationToken);
        if (receivable is null || receivable.SettledOn is not null || receivable.Outstanding <= 0m)
        {
            return null;
        }

        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, cancellationToken);
        var stripeCustomerId = await LinkAsync(customer, cancellationToken);
        var page = await Gateway.StartPaymentAsync(receivable, stripeCustomerId, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, Back(request, returnPath, withSession: true), Back(request, returnPath, withSession: false), cancellationToken);
        return page.Url;
    }

    /// <summary>
    /// The customer is back from Checkout: whatever the session did (a method saved, an invoice paid) is taken from
    /// Stripe and applied, unless a webhook did it first. A session of another account changes nothing here.
    /// </summary>
    public async Task<bool> ConfirmAsync(string sessionId, Guid customerId, CancellationToken cancellationToken = default)
    {
        var stripeCustomerId = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.StripeCustomerId).SingleOrDefaultAsync(cancellationToken);
        if (stripeCustomerId is null)
        {
            return false;
        }

        if (await Gateway.FindSetupOfSessionAsync(sessionId, cancellationToken) is { } setup)
        {
            if (setup.StripeCustomerId != stripeCustomerId)
            {
                return false;
            }

            await payments.ConfirmSetupAsync(setup, cancellationToken);
            return true;
        }

        if (await Gateway.FindPaymentOfSessionAsync(sessionId, cancellationToken) is { } intent)
        {
            var ofThisAccount = intent.InvoiceId is { } invoiceId && await db.Receivables.AnyAsync(r => r.InvoiceId == invoiceId && r.CustomerId == customerId, cancellationToken);
            return ofThisAccount && await payments.RecordAsync(intent, cancellationToken) is PaymentOutcome.Recorded or PaymentOutcome.AlreadyRecorded;
        }

        return false;
    }

    private async Task<string> LinkAsync(Store.Domain.Customers.Customer customer, CancellationToken cancellationToken)
    {
        if (customer.StripeCustomerId is { } known)
        {
            return known;
        }

        var created = await Gateway.CreateCustomerAsync(customer.Id, customer.LegalName, customer.BillingEmail, cancellationToken);
        customer.LinkStripeCustomer(created);
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    private static Uri Back(HttpRequest request, string returnPath, bool withSession)
    {
        var separator = returnPath.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var path = withSession ? $"{returnPath}{separator}{SessionParameter}={{CHECKOUT_SESSION_ID}}" : returnPath;
        return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{path}");
    }
}
