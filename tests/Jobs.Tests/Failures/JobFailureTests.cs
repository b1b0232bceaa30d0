using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Store.Domain.Billing;
using Store.Jobs.Billing;
using Store.Jobs.Tests.Billing;
using Store.Testing;

namespace Store.Jobs.Tests.Failures;

public sealed class JobFailureTests
{
    private static readonly BillingPeriod April = new(2026, 4);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task A_billing_run_that_fails_for_a_customer_alerts_the_operators_and_is_retried_until_every_customer_has_one_invoice()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync(new(JobsWorld.Smtp(smtp.Port))
        {
            ["Store:Jobs:AlertTo"] = "ops@operator.example",
            ["Store:Jobs:RetryFirstSeconds"] = "1",
        });
        var customers = await BillingSeed.CustomersAsync(host, 3);
        var broken = customers[1];
        await using (var db = world.OpenDatabase())
        {
            // A subscription pointing at a catalog version nobody published (as a damaged row would): its customer
            // cannot be invoiced. The foreign key is lifted on this connection only, to let the damage in.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF");
            var contract = await db.Contracts.Where(c => c.CustomerId == broken.Id).Select(c => c.Id).SingleAsync();
            await db.Subscriptions.Where(s => s.ContractId == contract).ExecuteUpdateAsync(s => s.SetProperty(x => x.CatalogVersion, "1999-01"));
        }

        await BillingRunJob.TriggerAsync(host.Services.GetRequiredService<ISchedulerFactory>(), April);

        var alert = await smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(b => b.Address == "ops@operator.example"), Timeout);
        Assert.Contains("billing.billing-run: failed, will be retried", alert.Subject, StringComparison.Ordinal);
        Assert.Contains("period = 2026-04", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains("1 customer(s) could not be invoiced", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains(broken.Id.ToString(), alert.TextBody, StringComparison.Ordinal);
        await using (var db = world.OpenDatabase())
        {
            // The others were invoiced at once; nobody waits for the broken one.
            Assert.Equal(2, await db.Invoices.CountAsync(i => i.Period == "2026-04"));
            Assert.DoesNotContain(broken.Id, await db.Invoices.Select(i => i.CustomerId).ToListAsync());
        }

        // An operator mends the subscription; the next retry bills only the missing customer.
        await using (var db = world.OpenDatabase())
        {
            var contract = await db.Contracts.Where(c => c.CustomerId == broken.Id).Select(c => c.Id).SingleAsync();
            await db.Subscriptions.Where(s => s.ContractId == contract).ExecuteUpdateAsync(s => s.SetProperty(x => x.CatalogVersion, "2025-03"));
        }

        var recovered = await smtp.WaitForMessageAsync(m => m.Subject?.Contains("succeeded on retry", StringComparison.Ordinal) == true, Timeout);
        Assert.Equal("ops@operator.example", Assert.Single(recovered.To.Mailboxes).Address);
        await using var read = world.OpenDatabase();
        var invoices = await read.Invoices.AsNoTracking().Where(i => i.Period == "2026-04").ToListAsync();
        Assert.Equal(customers.Select(c => c.Id).Order(), invoices.Select(i => i.CustomerId).Order());
        var sequence = invoices.Select(i => int.Parse(i.Number[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(sequence[0], 3), sequence);
        var run = await read.BillingRuns.AsNoTracking().SingleAsync();
        Assert.Equal((BillingRunStatus.Completed, 3), (run.Status, run.InvoicesIssued));
        Assert.Single(smtp.Messages, m => m.Subject?.Contains("failed, will be retried", StringComparison.Ordinal) == true);
    }
}
