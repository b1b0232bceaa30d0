using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain.Billing;
using Store.Domain.Calls;
using Store.Domain.Numbers;
using Store.Jobs.Billing;

namespace Store.Jobs.Tests.Billing;

public sealed class UsageBillingTests
{
    [Fact]
    public async Task Calls_ingested_in_March_are_billed_in_arrears_on_the_April_invoice_at_the_rate_that_priced_them()
    {
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync([]);
        var customer = (await BillingSeed.CustomersAsync(host, 1, plan: "forfait-start", licences: 1))[0];
        await using (var db = world.OpenDatabase())
        {
            var number = TelephoneNumber.RequestPorting(customer.Id, "01 45 67 89 12", "FR", new DateOnly(2026, 1, 30), null, new DateOnly(2026, 1, 2), DateTimeOffset.UtcNow).Value!;
            db.Numbers.Add(number);
            await db.SaveChangesAsync();
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            // Two minutes to a US number: international, outside Forfait Start (0.89 EUR/min) → 1.78 EUR.
            // A minute to a Paris number: included.
            var ingestion = scope.ServiceProvider.GetRequiredService<CallIngestion>();
            var calls = new[]
            {
                new CallRecordInput { CallId = "march-1", Account = "+33145678912", User = "u1", Direction = "outbound", Caller = "+33145678912", Callee = "+12125550100", StartedAt = "2026-03-10T10:00:00+01:00", AnsweredAt = "2026-03-10T10:00:05+01:00", EndedAt = "2026-03-10T10:02:05+01:00" },
                new CallRecordInput { CallId = "march-2", Account = "+33145678912", User = "u1", Direction = "outbound", Caller = "+33145678912", Callee = "+33140000001", StartedAt = "2026-03-11T10:00:00+01:00", AnsweredAt = "2026-03-11T10:00:05+01:00", EndedAt = "2026-03-11T10:01:05+01:00" },
            };
            var result = await ingestion.IngestAsync("json", [.. calls.Select(c => new ReceivedCall(c, c.ToJson()))], CancellationToken.None);
            Assert.Equal(2, result.Accepted);
        }

        await host.Services.GetRequiredService<BillingRunner>().RunAsync(new BillingPeriod(2026, 4));

        await using var read = world.OpenDatabase();
        var invoice = await read.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync();
        var usage = invoice.Lines.Single(l => l.Kind == LineKind.Usage);
        Assert.Equal(1.78m, usage.Amount);
        Assert.Contains("internationaux", usage.Description, StringComparison.Ordinal);
        Assert.Equal(19.90m + 1.78m, invoice.TotalExcludingVat);
    }
}
