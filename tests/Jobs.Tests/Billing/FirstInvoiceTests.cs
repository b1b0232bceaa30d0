using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Store.Domain.Billing;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;
using Store.Jobs.Billing;

namespace Store.Jobs.Tests.Billing;

public sealed class FirstInvoiceTests
{
    private static async Task<Contract> SignAsync(IHost host, PricePeriod period, int users, DateOnly startsOn)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogRegistry>().Get("2025-03");
        var customer = new Customer("Cabinet Neuf SARL", Market.FR, new Address("3 rue Neuve", null, "75003", "Paris", "FR"), "compta@cabinet-neuf.fr", DateTimeOffset.UtcNow);
        var contract = new Contract(customer.Id, $"C-N-{Guid.NewGuid():N}"[..20], catalog.Version, new ConditionsAcceptance("owner@cabinet-neuf.fr", DateTimeOffset.UtcNow, "127.0.0.1", "003"));
        contract.Activate();
        var subscription = Subscription.Start(contract, catalog, "forfait-pro", period, users, startsOn);
        subscription.AddOption(catalog, "call-recording", 1, startsOn);
        db.Customers.Add(customer);
        db.Contracts.Add(contract);
        await db.SaveChangesAsync();
        return contract;
    }

    private static async Task<Invoice> IssueFirstAsync(IHost host, Contract contract)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var invoice = await scope.ServiceProvider.GetRequiredService<FirstInvoice>().IssueAsync(contract);
        return Assert.IsType<Invoice>(invoice);
    }

    private static async Task<List<Invoice>> InvoicesAsync(JobsWorld world, Guid customerId)
    {
        await using var db = world.OpenDatabase();
        return await db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => i.CustomerId == customerId).OrderBy(i => i.Period).ToListAsync();
    }

    [Fact]
    public async Task A_monthly_signup_on_the_10th_is_invoiced_at_once_to_the_end_of_the_month_and_the_next_run_bills_only_the_next_month()
    {
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync([]);
        var contract = await SignAsync(host, PricePeriod.Monthly, 2, new DateOnly(2026, 3, 10));

        var first = await IssueFirstAsync(host, contract);

        // 10 to 31 March, 22 days of 31: 2 × 39.90 × 22/31 = 56.63, recording 10 × 22/31 = 7.10; 63.73 HT, 12.75 VAT, 76.48 TTC.
        Assert.Equal(("2026-03", 63.73m, 12.75m, 76.48m), (first.Period, first.TotalExcludingVat, first.TotalVat, first.TotalIncludingVat));
        Assert.All(first.Lines, l => Assert.Equal((new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 31), 22, 31), (l.ServiceFrom, l.ServiceTo, l.ProratedDays, l.PeriodDays)));
        Assert.Matches(@"^F-\d{4}-\d{6}$", first.Number);
        await using (var db = world.OpenDatabase())
        {
            var mail = await db.OutboxMails.AsNoTracking().Include(m => m.Attachments).SingleAsync(m => m.Kind == InvoiceMail.Kind);
            Assert.Equal(($"Votre facture {first.Number}", $"{first.Number}.pdf"), (mail.Subject, Assert.Single(mail.Attachments).FileName));
        }

        var run = await host.Services.GetRequiredService<BillingRunner>().RunAsync(new BillingPeriod(2026, 4));
        Assert.Equal(BillingRunStatus.Completed, run.Status);

        var invoices = await InvoicesAsync(world, contract.CustomerId);
        Assert.Equal(["2026-03", "2026-04"], invoices.Select(i => i.Period));
        var april = invoices[1];

        // April alone: 2 × 39.90 + 10.00 = 89.80 HT, 17.96 VAT, 107.76 TTC; nothing of March again.
        Assert.DoesNotContain(april.Lines, l => l.ServiceFrom < new DateOnly(2026, 4, 1));
        Assert.Equal((89.80m, 17.96m, 107.76m), (april.TotalExcludingVat, april.TotalVat, april.TotalIncludingVat));
        Assert.Equal(int.Parse(first.Number[^6..], System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(april.Number[^6..], System.Globalization.CultureInfo.InvariantCulture));

        // Together, what the April run alone would have billed: 63.73 + 89.80 HT.
        Assert.Equal(153.53m, invoices.Sum(i => i.TotalExcludingVat));
    }

    [Fact]
    public async Task A_yearly_signup_is_invoiced_for_its_first_year_at_once_and_the_next_run_bills_only_the_monthly_option()
    {
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync([]);
        var contract = await SignAsync(host, PricePeriod.Yearly, 3, new DateOnly(2026, 3, 10));

        var first = await IssueFirstAsync(host, contract);

        // 3 × 399.00 for 10 March 2026 to 9 March 2027, recording 10 × 22/31 = 7.10: 1 204.10 HT, 240.82 VAT, 1 444.92 TTC.
        var plan = Assert.Single(first.Lines, l => l.Kind == LineKind.Subscription);
        Assert.Equal((3m, 1197.00m, new DateOnly(2026, 3, 10), new DateOnly(2027, 3, 9)), (plan.Quantity, plan.Amount, plan.ServiceFrom, plan.ServiceTo));
        Assert.Equal((1204.10m, 240.82m, 1444.92m), (first.TotalExcludingVat, first.TotalVat, first.TotalIncludingVat));

        await host.Services.GetRequiredService<BillingRunner>().RunAsync(new BillingPeriod(2026, 4));
        var april = (await InvoicesAsync(world, contract.CustomerId)).Single(i => i.Period == "2026-04");
        var line = Assert.Single(april.Lines);
        Assert.Equal((LineKind.Option, 10.00m, new DateOnly(2026, 4, 1)), (line.Kind, line.Amount, line.ServiceFrom));
        Assert.Equal(12.00m, april.TotalIncludingVat);
    }

    [Fact]
    public async Task A_signup_on_the_1st_is_that_months_invoice_and_the_run_of_the_month_leaves_the_customer_alone()
    {
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync([]);
        var contract = await SignAsync(host, PricePeriod.Monthly, 1, new DateOnly(2026, 4, 1));

        var first = await IssueFirstAsync(host, contract);
        Assert.Equal(("2026-04", 49.90m), (first.Period, first.TotalExcludingVat));

        var runner = host.Services.GetRequiredService<BillingRunner>();
        await runner.RunAsync(new BillingPeriod(2026, 4));
        await runner.RunAsync(new BillingPeriod(2026, 5));
        var invoices = await InvoicesAsync(world, contract.CustomerId);
        Assert.Equal([("2026-04", 49.90m), ("2026-05", 49.90m)], invoices.Select(i => (i.Period, i.TotalExcludingVat)));
        Assert.All(invoices[1].Lines, l => Assert.Equal(new DateOnly(2026, 5, 1), l.ServiceFrom));
    }
}
