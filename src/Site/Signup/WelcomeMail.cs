using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Store.Domain;
using Store.Domain.Billing;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Identity;
using Store.Domain.Mail;
using Store.Domain.Payments;
using Store.Domain.Persistence;
using Store.Domain.Signup;
using Store.Domain.Subscriptions;
using Store.Site.Localization;

namespace Store.Site.Signup;

/// <summary>
/// The welcome mail of a signed contract, once it is active: at once for a bank transfer, when the card or SEPA
/// mandate is confirmed otherwise. It recaps the order of the signup that made the contract, to its signer, with
/// the contract summary as a PDF.
/// </summary>
public sealed class WelcomeMail(StoreDb db, MailOutbox outbox, SiteTexts texts, ContractSummary summary, IOptions<BillingOptions> billing, CatalogRegistry catalogs, TimeProvider clock) : IActivationMail
{
    public const string Kind = "welcome";

    /// <summary>Queues the mail for a contract activated later (by Stripe's confirmation): the order is read back from its signup.</summary>
    public async Task EnqueueAsync(Customer customer, Contract contract, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(contract);
        var draft = await db.SignupDrafts.AsNoTracking().Where(d => d.CustomerId == customer.Id).OrderByDescending(d => d.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        var ownerId = await db.Memberships.AsNoTracking().Where(m => m.CustomerId == customer.Id && m.Role == MemberRole.Owner).OrderBy(m => m.Since).Select(m => (Guid?)m.UserId).FirstOrDefaultAsync(cancellationToken);
        var owner = ownerId is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == ownerId, cancellationToken);
        if (draft is null || owner?.Email is null)
        {
            // A contract not made by a signup (a reseller's, the back office's): its people were told another way.
            return;
        }

        Enqueue(owner, customer, contract, draft.Order);
    }

    /// <summary>Queues the mail, saved with the caller's unit of work.</summary>
    public void Enqueue(StoreUser owner, Customer customer, Contract contract, SignupOrder order)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(order);
        var culture = CultureInfo.GetCultureInfo(owner.Language == "en" ? "en-GB" : "fr-FR");
        var catalog = catalogs.Get(contract.CatalogVersion);
        var product = order.SmartNumber is { } smart
            ? catalog.SmartNumbers.NumberTypes.FirstOrDefault(t => t.Code == smart.TypeCode)?.Name.In(culture.TwoLetterISOLanguageName)
            : catalog.FindPlan(order.ProductCode)?.Name.In(culture.TwoLetterISOLanguageName);
        var quote = SignupQuote.For(catalog, order, LocalTime.Today(clock, customer.TimeZone));
        var stripe = customer.PaysBy is PaymentMethod.Card or PaymentMethod.SepaDebit;
        var payment = stripe ? texts.Find("payments.method." + customer.PaysBy, culture)! : contract.Id.ToString("N")[..12].ToUpperInvariant();
        var mail = outbox.Enqueue(
            owner.Email!,
            string.Format(culture, texts.Find("mail.welcome.subject", culture)!, contract.Number),
            string.Format(culture, texts.Find(stripe ? "mail.welcome.bodyStripe" : "mail.welcome.body", culture)!, owner.DisplayName, customer.LegalName, contract.Number, product ?? order.ProductCode, order.SmartNumber is null ? order.Users : 1, quote.IncludingVat.Format(culture), payment),
            null,
            Kind);
        var pdf = summary.Pdf(catalog, order, quote, contract, billing.Value.SellerFor(customer.Market).LegalName, customer.TimeZone, culture);
        mail.Attach(string.Format(culture, texts.Find("contractSummary.fileName", culture)!, contract.Number), "application/pdf", pdf);
    }
}
