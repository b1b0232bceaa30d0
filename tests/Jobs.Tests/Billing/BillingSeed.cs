using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;

namespace Store.Jobs.Tests.Billing;

/// <summary>Customers with a signed contract and a Forfait, saved the way the application saves them.</summary>
internal static class BillingSeed
{
    public static async Task<List<Customer>> CustomersAsync(IHost host, int count, string plan = "forfait-pro", int licences = 2)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogRegistry>().Get("2025-03");
        var created = DateTimeOffset.Parse("2025-05-20T10:00:00+02:00", System.Globalization.CultureInfo.InvariantCulture);
        var customers = new List<Customer>();
        for (var i = 0; i < count; i++)
        {
            var customer = new Customer($"Client {i + 1:00} SARL", Market.FR, new Address($"{i + 1} rue du Test", null, "69001", "Lyon", "FR"), $"compta{i + 1}@example.fr", created.AddMinutes(i));
            customer.SetCompanyIdentifiers("732 829 320", null);
            var contract = new Contract(customer.Id, $"C-2025-{i + 1:000000}", catalog.Version, new ConditionsAcceptance($"owner{i}@example.fr", created, "127.0.0.1", "003"));
            contract.Activate();
            Subscription.Start(contract, catalog, plan, PricePeriod.Monthly, licences, new DateOnly(2025, 6, 1));
            db.Customers.Add(customer);
            db.Contracts.Add(contract);
            customers.Add(customer);
        }

        await db.SaveChangesAsync();
        return customers;
    }
}
