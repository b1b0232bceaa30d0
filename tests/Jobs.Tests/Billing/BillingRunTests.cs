using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Quartz;
using Store.Domain.Billing;
using Store.Jobs.Billing;
using Store.Testing;

namespace Store.Jobs.Tests.Billing;

public sealed partial class BillingRunTests
{
    private static readonly BillingPeriod April = new(2026, 4);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_run_killed_half_way_and_run_again_gives_each_customer_one_invoice_numbered_without_gaps()
    {
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync(new() { ["Store:Billing:ChunkSize"] = "2", ["Store:Billing:Parallelism"] = "1" });
        var customers = await BillingSeed.CustomersAsync(host, 5);
        var runner = host.Services.GetRequiredService<BillingRunner>();

        // The process dies while the progress of the second chunk (invoices 3 and 4, committed together) is told.
        var killed = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync(April, r =>
        {
            if (r.InvoicesIssued == 3)
            {
                throw new InvalidOperationException("killed");
            }
        }));
        Assert.Equal("killed", killed.Message);
        await using (var db = world.OpenDatabase())
        {
            Assert.Equal(4, await db.Invoices.CountAsync());
            Assert.Equal(BillingRunStatus.Running, (await db.BillingRuns.SingleAsync()).Status);
        }

        var run = await runner.RunAsync(April);
        Assert.Equal((BillingRunStatus.Completed, 2, 5, 5, 0), (run.Status, run.Attempts, run.CustomersTotal, run.InvoicesIssued, run.CustomersFailed));

        // Once more, for nothing: a finished run bills nobody twice.
        await runner.RunAsync(April);

        await using var read = world.OpenDatabase();
        var invoices = await read.Invoices.AsNoTracking().Include(i => i.Lines).OrderBy(i => i.Number).ToListAsync();
        Assert.Equal(customers.Select(c => c.Id).Order(), invoices.Select(i => i.CustomerId).Order());
        var year = invoices[0].IssuedAt.Year;
        Assert.Equal(Enumerable.Range(1, 5).Select(n => $"F-{year}-{n:000000}"), invoices.Select(i => i.Number));

        // Each: 2 licences × 39.90 = 79.80 HT, 15.96 VAT, 95.76 TTC for April 2026, and one mail with its PDF.
        Assert.All(invoices, i => Assert.Equal((79.80m, 15.96m, 95.76m, "2026-04"), (i.TotalExcludingVat, i.TotalVat, i.TotalIncludingVat, i.Period)));
        var mails = await read.OutboxMails.AsNoTracking().Include(m => m.Attachments).Where(m => m.Kind == InvoiceMail.Kind).ToListAsync();
        Assert.Equal(invoices.Select(i => $"Votre facture {i.Number}").Order(), mails.Select(m => m.Subject).Order());
        Assert.All(mails, m => Assert.Equal("application/pdf", Assert.Single(m.Attachments).ContentType));
        Assert.Equal(3, (await read.BillingRuns.SingleAsync()).Attempts);
    }

    [Fact]
    public async Task A_chunk_whose_transaction_dies_half_way_keeps_nothing_and_its_customers_are_billed_one_by_one_without_gaps()
    {
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync(new() { ["Store:Billing:ChunkSize"] = "3", ["Store:Billing:Parallelism"] = "1" });
        var customers = await BillingSeed.CustomersAsync(host, 6);
        var broken = customers.Select(c => c.Id).Order().ElementAt(1);
        await using (var db = world.OpenDatabase())
        {
            // The second invoice of the first chunk cannot be written: the chunk's transaction fails after its first
            // invoice was inserted and numbered, the way a full disk or a killed connection would end it.
            // (A trigger's text takes no parameters; the id is a Guid.)
            var trigger = "CREATE TRIGGER refuse_invoice BEFORE INSERT ON Invoices WHEN upper(NEW.CustomerId) = upper('" + broken.ToString("D") + "') BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;";
            await db.Database.ExecuteSqlRawAsync(trigger);
        }

        var runner = host.Services.GetRequiredService<BillingRunner>();
        var first = await runner.RunAsync(April);
        Assert.Equal((BillingRunStatus.Failed, 5, 1), (first.Status, first.InvoicesIssued, first.CustomersFailed));
        await using (var db = world.OpenDatabase())
        {
            var numbers = await db.Invoices.OrderBy(i => i.Number).Select(i => i.Number).ToListAsync();
            var year = (await db.Invoices.FirstAsync()).IssuedAt.Year;
            Assert.Equal(Enumerable.Range(1, 5).Select(n => $"F-{year}-{n:000000}"), numbers);
            Assert.DoesNotContain(broken, await db.Invoices.Select(i => i.CustomerId).ToListAsync());
            Assert.Equal(5, await db.OutboxMails.CountAsync(m => m.Kind == InvoiceMail.Kind));
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_invoice");
        }

        var second = await runner.RunAsync(April);
        Assert.Equal((BillingRunStatus.Completed, 6, 0), (second.Status, second.InvoicesIssued, second.CustomersFailed));
        await using var read = world.OpenDatabase();
        var invoices = await read.Invoices.AsNoTracking().OrderBy(i => i.Number).ToListAsync();
        Assert.Equal(customers.Select(c => c.Id).Order(), invoices.Select(i => i.CustomerId).Order());
        Assert.Equal(broken, invoices[^1].CustomerId);
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"F-{invoices[0].IssuedAt.Year}-{n:000000}"), invoices.Select(i => i.Number));
        Assert.Equal(6, await read.OutboxMails.CountAsync(m => m.Kind == InvoiceMail.Kind));
    }

    [Fact]
    public async Task A_one_off_fee_is_billed_on_the_next_invoice_and_never_again()
    {
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync([]);
        var customer = (await BillingSeed.CustomersAsync(host, 1))[0];
        await using (var db = world.OpenDatabase())
        {
            db.OneOffFees.Add(new OneOffFeeEntry(customer.Id, null, "2025-03", "terminal-integration", 2, new DateOnly(2026, 3, 10), null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var runner = host.Services.GetRequiredService<BillingRunner>();
        await runner.RunAsync(April);
        await runner.RunAsync(April.Next);

        await using var read = world.OpenDatabase();
        var invoices = await read.Invoices.AsNoTracking().Include(i => i.Lines).OrderBy(i => i.Period).ToListAsync();

        // April: 79.80 + 2 × 49.00 = 177.80 HT. May: the plan alone, 79.80.
        Assert.Equal([177.80m, 79.80m], invoices.Select(i => i.TotalExcludingVat));
        Assert.Equal(invoices[0].Id, (await read.OneOffFees.SingleAsync()).InvoiceId);
    }

    [Fact]
    public async Task The_Quartz_job_bills_the_month_and_the_customer_receives_the_invoice_PDF_by_mail()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync(JobsWorld.Smtp(smtp.Port));
        var customer = (await BillingSeed.CustomersAsync(host, 1))[0];

        await BillingRunJob.TriggerAsync(host.Services.GetRequiredService<ISchedulerFactory>(), April);

        var message = await smtp.WaitForMessageAsync(m => m.Subject?.StartsWith("Votre facture", StringComparison.Ordinal) == true, Timeout);
        Assert.Equal(customer.BillingEmail, Assert.Single(message.To.Mailboxes).Address);
        var number = InvoiceNumber().Match(message.Subject!).Value;
        Assert.Contains($"Veuillez trouver ci-joint votre facture {number}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("95,76", message.TextBody, StringComparison.Ordinal);

        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal(($"{number}.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType.MimeType));
        using var pdf = new MemoryStream();
        await attachment.Content!.DecodeToAsync(pdf);
        var text = await PdfText.ExtractAsync(pdf.ToArray());
        Assert.Contains($"FACTURE N° {number}", text, StringComparison.Ordinal);
        Assert.Contains("Client 01 SARL", text, StringComparison.Ordinal);
        Assert.Contains("Forfait Pro", text, StringComparison.Ordinal);
        Assert.Contains("40 EUR", text, StringComparison.Ordinal);
        Assert.Contains("95,76", text, StringComparison.Ordinal);

        await using var read = world.OpenDatabase();
        var run = await read.BillingRuns.SingleAsync();
        Assert.Equal(("2026-04", BillingRunStatus.Completed, 1), (run.Period, run.Status, run.InvoicesIssued));
    }

    [GeneratedRegex(@"F-\d{4}-\d{6}")]
    private static partial Regex InvoiceNumber();
}
