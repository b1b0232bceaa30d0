using Microsoft.Extensions.DependencyInjection;
using Store.Domain;
using Store.Domain.Calls;
using Store.Domain.Catalog;
using Store.Domain.Identity;
using Store.Domain.Numbers;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;
using Store.Site.Tests.Identity;
using Store.Testing;

namespace Store.Site.Tests.CustomerArea;

public sealed class CallsPageTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task The_call_list_shows_each_calls_charge_and_rule_filters_missed_calls_and_exports_CSV()
    {
        var email = $"calls.{Guid.NewGuid():N}@example.fr";
        var (_, key, customerId) = await factory.CreateEnrolledUserAsync(email, MemberRole.Owner);
        var account = $"+3314{Random.Shared.Next(1000000, 9999999)}";
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            var catalog = scope.ServiceProvider.GetRequiredService<CatalogRegistry>().Get("2025-03");
            var contract = new Contract(customerId!.Value, $"C-K-{Guid.NewGuid():N}"[..20], catalog.Version, new ConditionsAcceptance(email, DateTimeOffset.UtcNow, "127.0.0.1", "003"));
            Subscription.Start(contract, catalog, "forfait-start", PricePeriod.Monthly, 1, new DateOnly(2025, 3, 1));
            db.Contracts.Add(contract);
            var today = LocalTime.Today(TimeProvider.System);
            db.Numbers.Add(TelephoneNumber.RequestPorting(customerId.Value, account, "FR", Porting.EarliestDate(today), null, today, DateTimeOffset.UtcNow).Value!);
            await db.SaveChangesAsync();

            var calls = new[]
            {
                new CallRecordInput { CallId = $"{account}-1", Account = account, User = "u", Direction = "outbound", Caller = account, Callee = "+12125550100", StartedAt = "2025-03-10T10:00:00+01:00", AnsweredAt = "2025-03-10T10:00:00+01:00", EndedAt = "2025-03-10T10:02:00+01:00" },
                new CallRecordInput { CallId = $"{account}-2", Account = account, User = "u", Direction = "outbound", Caller = account, Callee = "+33612345678", StartedAt = "2025-03-11T10:00:00+01:00", EndedAt = "2025-03-11T10:00:30+01:00", Disposition = "no-answer" },
            };
            var result = await scope.ServiceProvider.GetRequiredService<CallIngestion>().IngestAsync("json", [.. calls.Select(c => new ReceivedCall(c, c.ToJson()))], CancellationToken.None);
            Assert.Equal(2, result.Accepted);
        }

        var browser = factory.Browser();
        await browser.SignInWithCodeAsync(email, key);
        var page = FormClient.Text(await browser.GetPageAsync("/CustomerArea/Calls")).Replace('\u202F', ' ').Replace('\u00A0', ' ');
        Assert.Contains("+12125550100", page, StringComparison.Ordinal);
        Assert.Contains("1,78 EUR", page, StringComparison.Ordinal);
        Assert.Contains("non répondu", page, StringComparison.Ordinal);

        var missed = FormClient.Text(await browser.GetPageAsync("/CustomerArea/Calls?Answered=false"));
        Assert.DoesNotContain("+12125550100", missed, StringComparison.Ordinal);
        Assert.Contains("+33612345678", missed, StringComparison.Ordinal);

        var csv = await browser.GetAsync("/CustomerArea/Calls?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Date;Numéro;Sens", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains(";1,7800;EUR;", lines[2], StringComparison.Ordinal);
    }
}
