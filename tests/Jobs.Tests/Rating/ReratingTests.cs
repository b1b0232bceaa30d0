using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Store.Domain.Billing;
using Store.Domain.Calls;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Numbers;
using Store.Domain.Rating;
using Store.Jobs.Billing;
using Store.Jobs.Tests.Billing;

namespace Store.Jobs.Tests.Rating;

/// <summary>
/// A catalog correction (Forfait Start's overage in France at 0.12 EUR/min instead of 0.15) and the re-rating of
/// March 2026 it calls for: adjustments of the difference, never a rewritten charge or a changed invoice.
/// </summary>
public sealed class ReratingTests
{
    private const string March = "2026-03";
    private const string Account = "+33145678912";

    [Fact]
    public async Task Re_rating_a_month_not_yet_invoiced_books_the_exact_negative_adjustments_once_and_the_invoice_bills_the_corrected_price()
    {
        await using var world = await JobsWorld.CreateAsync();
        var (host, customer) = await StartAsync(world);
        await IngestAsync(host, Call("long-1", "+33140000001", 3900, day: 10), Call("long-2", "+33140000002", 4500, day: 11), Call("us-1", "+12125550100", 120, day: 12));
        var original = await ChargesAsync(world);
        await PublishCorrectionAsync(host, world, domesticPerMinute: 0.12m);

        var first = await RerateAsync(host, customer.Id);

        // 300 s beyond 1 h: 0.75 EUR at 0.15, 0.60 at 0.12 → -0.15. 900 s beyond: 2.25 → 1.80 → -0.45.
        // The call to New York (0.89 EUR/min, not corrected) and the included hour of each call do not change.
        Assert.Equal((3, 2, 2, -0.60m, March), (first.Calls, first.CallsAdjusted, first.Adjustments, first.Difference, first.BilledWith));
        var all = await ChargesAsync(world);
        var adjustments = all.Where(c => c.Kind == ChargeKind.Adjustment).OrderBy(c => c.CallStartedAt).ToList();
        Assert.Equal([-0.15m, -0.45m], adjustments.Select(a => a.Amount));
        Assert.All(adjustments, a =>
        {
            Assert.Equal((AdjustmentReason?)AdjustmentReason.Rerated, a.Reason);
            Assert.Equal((ChargeCategory.DomesticOverage, RatingRule.BeyondCallLength, 0, March, null, "2025-03-r1"), (a.Category, a.Rule, a.Seconds, a.Period, a.CallPeriod, a.CatalogVersion));
        });

        // What was booked first is still there, word for word.
        Assert.Equal(original.Select(Fields), all.Where(c => c.Kind == ChargeKind.Charge).Select(Fields));

        var second = await RerateAsync(host, customer.Id);
        Assert.Equal((3, 0, 0, 0m), (second.Calls, second.CallsAdjusted, second.Adjustments, second.Difference));
        Assert.Equal(all.Count, (await ChargesAsync(world)).Count);

        // The subscription still records what it signed; the counters are those of the month rated again (the call to
        // New York is outside the bundle: not a counted correspondent).
        await using (var db = world.OpenDatabase())
        {
            Assert.Equal("2025-03", (await db.Subscriptions.SingleAsync()).CatalogVersion);
            Assert.Equal(2, (await db.UsageCounters.SingleAsync(c => c.Name == UsageCounter.CorrespondentsPrefix + "u1")).Value);
            Assert.Equal(2, await db.MonthlyCorrespondents.CountAsync(c => c.Period == March));
        }

        // A call ingested after the correction is rated with it, from the saved counters: 60 s beyond 1 h at 0.12.
        await IngestAsync(host, Call("long-3", "+33140000003", 3660, day: 20));
        Assert.Equal(0.12m, (await ChargesAsync(world)).Single(c => c.Rule == RatingRule.BeyondCallLength && c.CallStartedAt.Day == 20).Amount);

        await host.Services.GetRequiredService<BillingRunner>().RunAsync(new BillingPeriod(2026, 4));
        await using var read = world.OpenDatabase();
        var invoice = await read.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync();
        var domestic = invoice.Lines.Single(l => l.Code == nameof(ChargeCategory.DomesticOverage));
        Assert.Equal(0.60m + 1.80m + 0.12m, domestic.Amount);
        Assert.DoesNotContain(invoice.Lines, l => l.Description.Contains("Régularisation", StringComparison.Ordinal));
        Assert.Equal(19.90m + 2.52m + 1.78m, invoice.TotalExcludingVat);
    }

    [Fact]
    public async Task Re_rating_a_month_already_invoiced_leaves_the_invoice_as_issued_and_bills_the_difference_on_the_next_invoice_as_its_own_line()
    {
        await using var world = await JobsWorld.CreateAsync();
        var (host, customer) = await StartAsync(world);
        await IngestAsync(host, Call("long-1", "+33140000001", 3900, day: 10), Call("long-2", "+33140000002", 4500, day: 11));
        var billing = host.Services.GetRequiredService<BillingRunner>();
        await billing.RunAsync(new BillingPeriod(2026, 4));
        var issued = await InvoiceAsync(world, "2026-04");
        Assert.Equal(3.00m, issued.Lines.Single(l => l.Kind == LineKind.Usage).Amount);

        await PublishCorrectionAsync(host, world, domesticPerMinute: 0.12m);
        IReadOnlyList<Rerating> results;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            results = await scope.ServiceProvider.GetRequiredService<MonthRerating>().RerateCorrectedAsync(March, CancellationToken.None);
        }

        // March is on the April invoice: the difference is billed with April's usage, on the May invoice.
        var result = Assert.Single(results);
        Assert.Equal((customer.Id, -0.60m, "2026-04"), (result.CustomerId, result.Difference, result.BilledWith));
        var adjustments = (await ChargesAsync(world)).Where(c => c.Reason == AdjustmentReason.Rerated).ToList();
        Assert.Equal(2, adjustments.Count);
        Assert.All(adjustments, a => Assert.Equal(("2026-04", (string?)March), (a.Period, a.CallPeriod)));

        await billing.RunAsync(new BillingPeriod(2026, 5));

        var april = await InvoiceAsync(world, "2026-04");
        Assert.Equal((issued.Number, issued.TotalExcludingVat, issued.TotalIncludingVat), (april.Number, april.TotalExcludingVat, april.TotalIncludingVat));
        Assert.Equal(issued.Lines.OrderBy(l => l.Position).Select(l => (l.Id, l.Description, l.Amount)), april.Lines.OrderBy(l => l.Position).Select(l => (l.Id, l.Description, l.Amount)));
        var may = await InvoiceAsync(world, "2026-05");
        var regularisation = may.Lines.Single(l => l.Kind == LineKind.Usage);
        Assert.StartsWith("Régularisation après correction tarifaire — mars 2026", regularisation.Description, StringComparison.Ordinal);
        Assert.Contains("Adjustment after a tariff correction — March 2026", regularisation.Description, StringComparison.Ordinal);
        Assert.Equal((-0.60m, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), (regularisation.Amount, regularisation.ServiceFrom, regularisation.ServiceTo));
        Assert.Equal(19.90m - 0.60m, may.TotalExcludingVat);

        // Re-rated again, nothing more to bill.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<MonthRerating>().RerateAsync(customer.Id, March, CancellationToken.None)).Adjustments);
        }
    }

    [Fact]
    public async Task A_correction_that_changes_nothing_for_the_months_calls_adds_no_row()
    {
        await using var world = await JobsWorld.CreateAsync();
        var (host, customer) = await StartAsync(world);
        await IngestAsync(host, Call("short-1", "+33140000001", 600, day: 10), Call("us-1", "+12125550100", 120, day: 12));
        var before = (await ChargesAsync(world)).Count;
        await PublishCorrectionAsync(host, world, domesticPerMinute: 0.12m);

        var result = await RerateAsync(host, customer.Id);

        Assert.Equal((2, 0, 0), (result.Calls, result.CallsAdjusted, result.Adjustments));
        Assert.Equal(before, (await ChargesAsync(world)).Count);
    }

    [Fact]
    public async Task Calls_reported_after_their_month_was_invoiced_are_billed_on_the_next_invoice_and_the_issued_one_is_unchanged()
    {
        await using var world = await JobsWorld.CreateAsync();
        var (host, customer) = await StartAsync(world);
        await IngestAsync(host, Call("long-1", "+33140000001", 3900, day: 10));
        var billing = host.Services.GetRequiredService<BillingRunner>();
        await billing.RunAsync(new BillingPeriod(2026, 4));
        var issued = await InvoiceAsync(world, "2026-04");
        Assert.Equal(0.75m, issued.Lines.Single(l => l.Kind == LineKind.Usage).Amount);

        // In May, the platform sends a March call it had missed (900 s beyond 1 h: 2.25 EUR), and a later version of the
        // first call, which ended 300 s later than it said (600 s beyond: 1.50 EUR instead of 0.75).
        await IngestAsync(host, Call("late-1", "+33140000002", 4500, day: 11));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var replaced = await scope.ServiceProvider.GetRequiredService<CallIngestion>().IngestAsync("json", [new ReceivedCall(Call("long-1", "+33140000001", 4200, day: 10), "{}")], CancellationToken.None);
            Assert.Equal(1, replaced.Replaced);
        }

        var late = (await ChargesAsync(world)).Where(c => c.Amount != 0m && c.CallPeriod == March).ToList();
        Assert.Equal([(2.25m, ChargeKind.Charge), (0.75m, ChargeKind.Adjustment)], late.Select(c => (c.Amount, c.Kind)));
        Assert.All(late, c => Assert.Equal("2026-04", c.Period));

        await billing.RunAsync(new BillingPeriod(2026, 5));

        var april = await InvoiceAsync(world, "2026-04");
        Assert.Equal((issued.Number, issued.TotalExcludingVat), (april.Number, april.TotalExcludingVat));
        Assert.Equal(issued.Lines.OrderBy(l => l.Position).Select(l => (l.Id, l.Amount)), april.Lines.OrderBy(l => l.Position).Select(l => (l.Id, l.Amount)));
        var may = await InvoiceAsync(world, "2026-05");
        var regularisation = may.Lines.Single(l => l.Kind == LineKind.Usage);
        Assert.StartsWith("Régularisation — appels de mars 2026 reçus après sa facture", regularisation.Description, StringComparison.Ordinal);
        Assert.Equal((3.00m, new DateOnly(2026, 3, 1)), (regularisation.Amount, regularisation.ServiceFrom));
        Assert.Equal(19.90m + 3.00m, may.TotalExcludingVat);
    }

    private static async Task<(IHost Host, Customer Customer)> StartAsync(JobsWorld world)
    {
        var catalog = Path.Combine(world.Folder, "catalog");
        Directory.CreateDirectory(catalog);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "catalog", "2025-03.json"), Path.Combine(catalog, "2025-03.json"));
        var host = await world.StartHostAsync(new Dictionary<string, string?> { ["Store:Catalog:Path"] = catalog });
        var customer = (await BillingSeed.CustomersAsync(host, 1, plan: "forfait-start", licences: 1))[0];
        await using var db = world.OpenDatabase();
        db.Numbers.Add(TelephoneNumber.RequestPorting(customer.Id, "01 45 67 89 12", "FR", new DateOnly(2026, 1, 30), null, new DateOnly(2026, 1, 2), DateTimeOffset.UtcNow).Value!);
        await db.SaveChangesAsync();
        return (host, customer);
    }

    /// <summary>A correction of 2025-03 where only Forfait Start's overage in France changes.</summary>
    private static async Task PublishCorrectionAsync(IHost host, JobsWorld world, decimal domesticPerMinute)
    {
        var folder = Path.Combine(world.Folder, "catalog");
        var root = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "2025-03.json")))!.AsObject();
        root["version"] = "2025-03-r1";
        root["corrects"] = "2025-03";
        var start = root["plans"]!.AsArray().Single(p => (string?)p!["code"] == "forfait-start")!;
        start["overage"]!["domesticPerMinute"] = domesticPerMinute;
        await File.WriteAllTextAsync(Path.Combine(folder, "2025-03-r1.json"), root.ToJsonString());
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CatalogPublisher>().PublishAsync();
    }

    private static CallRecordInput Call(string id, string callee, int seconds, int day)
    {
        var start = new DateTimeOffset(2026, 3, day, 10, 0, 0, TimeSpan.FromHours(1));
        return new CallRecordInput
        {
            CallId = id,
            Account = Account,
            User = "u1",
            Direction = "outbound",
            Caller = Account,
            Callee = callee,
            StartedAt = start.ToString("O"),
            AnsweredAt = start.AddSeconds(5).ToString("O"),
            EndedAt = start.AddSeconds(5 + seconds).ToString("O"),
        };
    }

    private static async Task IngestAsync(IHost host, params CallRecordInput[] calls)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CallIngestion>().IngestAsync("json", [.. calls.Select(c => new ReceivedCall(c, c.ToJson()))], CancellationToken.None);
        Assert.Equal(calls.Length, result.Accepted);
    }

    private static async Task<Rerating> RerateAsync(IHost host, Guid customerId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MonthRerating>().RerateAsync(customerId, March, CancellationToken.None);
    }

    private static async Task<List<CallCharge>> ChargesAsync(JobsWorld world)
    {
        await using var db = world.OpenDatabase();
        return [.. (await db.CallCharges.AsNoTracking().ToListAsync()).OrderBy(c => c.Id)];
    }

    private static async Task<Invoice> InvoiceAsync(JobsWorld world, string period)
    {
        await using var db = world.OpenDatabase();
        return await db.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Period == period);
    }

    private static (Guid, string, ChargeCategory, RatingRule, int, decimal, ChargeKind, string) Fields(CallCharge c) =>
        (c.Id, c.Period, c.Category, c.Rule, c.Seconds, c.Amount, c.Kind, c.CatalogVersion);
}
