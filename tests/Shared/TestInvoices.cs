using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Store.Domain.Billing;
using Store.Domain.Catalog;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;

namespace Store.Testing;

/// <summary>Invoices issued the way a billing run issues them, for tests of what customers and resellers see of them.</summary>
public static class TestInvoices
{
    /// <summary>Issues the customer's invoice of <paramref name="period"/> (April 2026 by default) for two Forfait Pro licences: 95.76 EUR.</summary>
    public static async Task<Invoice> IssueAsync(IServiceProvider services, Guid customerId, BillingPeriod? period = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var catalogs = scope.ServiceProvider.GetRequiredService<CatalogRegistry>();
        var billing = scope.ServiceProvider.GetRequiredService<IOptions<BillingOptions>>().Value;
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        var catalog = catalogs.Get("2025-03");
        var contract = new Contract(customerId, $"C-I-{Guid.NewGuid():N}"[..20], catalog.Version, new ConditionsAcceptance(customer.BillingEmail, DateTimeOffset.UtcNow, "127.0.0.1", "003"));
        contract.Activate();
        var subscription = Subscription.Start(contract, catalog, "forfait-pro", PricePeriod.Monthly, 2, new DateOnly(2025, 6, 1));
        db.Contracts.Add(contract);
        await db.SaveChangesAsync();
        var draft = Invoicing.Draft(catalogs.Get, new BillingInput(LegalDetails.Of(customer), billing.SellerFor(customer.Market), period ?? new BillingPeriod(2026, 4), [SubscriptionTimeline.Of(subscription)], [], [], []));
        return await DocumentIssuing.IssueInvoiceAsync(db, draft, DateTimeOffset.UtcNow, billing.PaymentTermDays, null);
    }
}
