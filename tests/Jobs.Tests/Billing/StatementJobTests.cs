using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Quartz;
using Store.Domain;
using Store.Domain.Billing;
using Store.Domain.Calls;
using Store.Domain.Catalog;
using Store.Domain.Numbers;
using Store.Domain.Rating;
using Store.Jobs.Billing;
using Store.Testing;

namespace Store.Jobs.Tests.Billing;

public sealed partial class StatementJobTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_monthly_job_issues_each_holders_statement_once_and_mails_it_with_the_PDF()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync(JobsWorld.Smtp(smtp.Port));
        var customer = (await BillingSeed.CustomersAsync(host, 1))[0];
        var now = DateTimeOffset.UtcNow;
        await using (var db = world.OpenDatabase())
        {
            var subscriptionId = await db.Subscriptions.Where(s => db.Contracts.Any(c => c.Id == s.ContractId && c.CustomerId == customer.Id)).Select(s => s.Id).FirstAsync();
            var profile = new SmartNumberProfile("090x", TariffKind.PerMinute, 0.90m, PayoutKind.PayFast, "voyance", false, new DateOnly(2026, 1, 1));
            var number = TelephoneNumber.SmartNumberFromPool(customer.Id, "+33899123456", profile, "+33145678912", RoutingMode.Pstn, now).Value!;
            db.Numbers.Add(number);

            // Two calls at tariff 0 (one lengthened by an adjustment), one at tariff 1: 165 s and 60 s.
            var classified = new ClassifiedNumber("+33899123456", NumberCategory.Special, "FR", false, 33899123456);
            var caller = new ClassifiedNumber("+33612345678", NumberCategory.MetropolitanMobile, "FR", true, 33612345678);
            void Call(string id, int tariff, int seconds, params (int Seconds, decimal Caller, decimal Share, bool Adjustment)[] parts)
            {
                var start = new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(1));
                var record = new CallRecord(new ValidCall(id, classified, "u1", CallDirection.Inbound, caller, classified, start, start, start.AddSeconds(seconds), CallDisposition.Answered, seconds, 0, CallFlags.None, tariff, null), customer.Id, number.Id, new DateOnly(2026, 3, 10), now);
                db.CallRecords.Add(record);
                foreach (var part in parts)
                {
                    var line = new ChargeLine(subscriptionId, Currency.EUR, ChargeCategory.SmartNumberPremium, RatingRule.PremiumPerMinute, 0, part.Seconds, 0m, part.Caller, part.Share);
                    db.CallCharges.Add(new CallCharge(record.Id, customer.Id, "2026-03", start, line, "2025-03", now, part.Adjustment ? AdjustmentReason.CallReplaced : null));
                }
            }

            Call("premium-1", 0, 120, (90, 1.35m, 0.8775m, false), (30, 0.45m, 0.2925m, true));
            Call("premium-2", 0, 45, (45, 0.675m, 0.43875m, false));
            Call("premium-3", 1, 60, (60, 2.99m, 1.50m, false));
            await db.SaveChangesAsync();
        }

        var schedulers = host.Services.GetRequiredService<ISchedulerFactory>();
        var scheduler = await schedulers.GetScheduler();
        await scheduler.TriggerJob(StatementJob.Key, new JobDataMap { [StatementJob.PeriodKey] = "2026-03" });

        var message = await smtp.WaitForMessageAsync(m => m.Subject?.StartsWith("Votre décompte Smart Number", StringComparison.Ordinal) == true, Timeout);
        Assert.Equal(customer.BillingEmail, Assert.Single(message.To.Mailboxes).Address);
        var statementNumber = StatementNumber().Match(message.Subject!).Value;
        Assert.Contains("3 appels", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("5,47", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("3,11", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("07/04/2026", message.TextBody, StringComparison.Ordinal);

        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal(($"{statementNumber}.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType.MimeType));
        using var pdf = new MemoryStream();
        await attachment.Content!.DecodeToAsync(pdf);
        var text = await PdfText.ExtractAsync(pdf.ToArray());
        Assert.Contains($"DÉCOMPTE SMART NUMBER N° {statementNumber}", text, StringComparison.Ordinal);
        Assert.Contains("Client 01 SARL", text, StringComparison.Ordinal);
        Assert.Contains("+33899123456", text, StringComparison.Ordinal);
        Assert.Contains("0:02:45", text, StringComparison.Ordinal);
        Assert.Contains("2,48", text, StringComparison.Ordinal);
        Assert.Contains("1,61", text, StringComparison.Ordinal);
        Assert.Contains("3,11", text, StringComparison.Ordinal);
        Assert.Contains("07/04/2026", text, StringComparison.Ordinal);

        // Run again: nothing new is issued, nothing new is mailed.
        await host.Services.GetRequiredService<StatementRunner>().RunAsync(new BillingPeriod(2026, 3));
        await using var read = world.OpenDatabase();
        var statement = await read.Statements.AsNoTracking().Include(s => s.Lines).SingleAsync();
        Assert.Equal((statementNumber, "2026-03", 3, 5.47m, 3.11m), (statement.Number, statement.Period, statement.Calls, statement.CallerRevenue, statement.HolderShare));
        Assert.Equal(1, await read.OutboxMails.CountAsync(m => m.Kind == Store.Domain.Billing.Statements.StatementMail.Kind));
    }

    [GeneratedRegex(@"DC-\d{4}-\d{6}")]
    private static partial Regex StatementNumber();
}
