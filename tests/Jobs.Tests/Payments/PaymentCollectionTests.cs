using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Store.Domain;
using Store.Domain.Billing;
using Store.Domain.Payments;
using Store.Jobs.Billing;
using Store.Jobs.Payments;
using Store.Jobs.Tests.Billing;
using Store.Testing;

namespace Store.Jobs.Tests.Payments;

public sealed class PaymentCollectionTests
{
    private static readonly BillingPeriod April = new(2026, 4);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static async Task<List<Receivable>> BillAprilAsync(JobsWorld world, IHost host, int customers)
    {
        await BillingSeed.CustomersAsync(host, customers);
        await host.Services.GetRequiredService<BillingRunner>().RunAsync(April);
        await using var db = world.OpenDatabase();
        return await db.Receivables.AsNoTracking().OrderBy(r => r.InvoiceNumber).ToListAsync();
    }

    private static async Task<StatementImport> ImportAsync(IHost host, string csv)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaymentBook>().ImportStatementAsync("releve.csv", csv);
    }

    [Fact]
    public async Task A_statement_imported_twice_records_each_payment_once_and_lists_what_it_could_not_match()
    {
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync([]);
        var receivables = await BillAprilAsync(world, host, 3);
        var (paid, partial, unknown) = (receivables[0], receivables[1], receivables[2]);
        Assert.All(receivables, r => Assert.Equal(95.76m, r.Amount));

        // The first pays in full quoting the reference; the second pays half quoting the invoice number in the label;
        // the third pays without saying what; a direct debit of ours goes out.
        var csv = string.Join("\n",
            "Date;Montant;Référence;Libellé",
            $"05/04/2026;95,76;{CreditorReference.Display(paid.Reference)};VIR SEPA CLIENT 01 SARL",
            $"06/04/2026;50,00;;VIR CLIENT 02 SARL FACTURE {partial.InvoiceNumber}",
            "07/04/2026;95,76;;VIR CLIENT 03 SARL",
            "07/04/2026;-12,00;;PRLV FRAIS BANCAIRES");

        var first = await ImportAsync(host, csv);
        Assert.Equal((3, 3, 0, 2, 1), (first.Credits, first.New, first.AlreadyImported, first.Matched, first.Debits));
        Assert.Equal("VIR CLIENT 03 SARL", Assert.Single(first.Unmatched).Label);

        var again = await ImportAsync(host, csv);
        Assert.Equal((3, 0, 3, 0), (again.Credits, again.New, again.AlreadyImported, again.Matched));
        Assert.Empty(again.Unmatched);

        await using (var db = world.OpenDatabase())
        {
            Assert.Equal(2, await db.Payments.CountAsync());
            Assert.Equal(3, await db.BankStatementLines.CountAsync());
            var states = await db.Receivables.AsNoTracking().OrderBy(r => r.InvoiceNumber).ToListAsync();
            Assert.Equal(
                [ReceivableStatus.Paid, ReceivableStatus.PartiallyPaid, ReceivableStatus.Open],
                states.Select(r => r.StatusOn(states[0].DueOn)));
            Assert.Equal(45.76m, states[1].Outstanding);
            Assert.Equal(new DateOnly(2026, 4, 5), states[0].SettledOn);
        }

        // Someone recognises the third transfer and matches it by hand; doing it twice records nothing more.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var book = scope.ServiceProvider.GetRequiredService<PaymentBook>();
            Assert.Equal(PaymentOutcome.Recorded, await book.MatchLineAsync(first.Unmatched[0].Id, unknown.InvoiceNumber.ToLowerInvariant()));
            Assert.Equal(PaymentOutcome.AlreadyRecorded, await book.MatchLineAsync(first.Unmatched[0].Id, unknown.InvoiceNumber));
        }

        await using var read = world.OpenDatabase();
        Assert.Equal(3, await read.Payments.CountAsync());
        Assert.NotNull((await read.Receivables.SingleAsync(r => r.InvoiceId == unknown.InvoiceId)).SettledOn);
    }

    [Fact]
    public async Task A_payment_entered_twice_with_the_same_key_counts_once_and_the_wrong_currency_is_refused()
    {
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync([]);
        var receivable = (await BillAprilAsync(world, host, 1))[0];
        await using var scope = host.Services.CreateAsyncScope();
        var book = scope.ServiceProvider.GetRequiredService<PaymentBook>();
        var on = new DateOnly(2026, 4, 10);

        Assert.Equal(PaymentOutcome.WrongCurrency, await book.RecordAsync(receivable.InvoiceId, Money.Chf(95.76m), on, PaymentMethod.Cheque, "123", "manual:a"));
        Assert.Equal(PaymentOutcome.Recorded, await book.RecordAsync(receivable.InvoiceId, Money.Eur(95.76m), on, PaymentMethod.Cheque, "123", "manual:b"));
        Assert.Equal(PaymentOutcome.AlreadyRecorded, await book.RecordAsync(receivable.InvoiceId, Money.Eur(95.76m), on, PaymentMethod.Cheque, "123", "manual:b"));

        await using var read = world.OpenDatabase();
        Assert.Equal(95.76m, Assert.Single(await read.Payments.ToListAsync()).Amount);
        Assert.Equal(on, (await read.Receivables.SingleAsync()).SettledOn);
    }

    [Fact]
    public async Task An_unpaid_invoice_is_reminded_twice_by_mail_then_calls_are_suspended_and_restored_when_paid()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync(JobsWorld.Smtp(smtp.Port));
        var receivable = (await BillAprilAsync(world, host, 1))[0];
        var dunning = host.Services.GetRequiredService<DunningRunner>();
        var due = receivable.DueOn;
        var reference = CreditorReference.Display(receivable.Reference);

        Assert.Equal(new DunningReport(0, 0, 0, 0, 0), await dunning.RunAsync(due.AddDays(6)));

        // Day 7: the first reminder, in French, with what is due and the reference; the job run again that day sends nothing.
        Assert.Equal(new DunningReport(1, 0, 0, 0, 0), await dunning.RunAsync(due.AddDays(7)));
        Assert.Equal(new DunningReport(0, 0, 0, 0, 0), await dunning.RunAsync(due.AddDays(7)));
        var first = await smtp.WaitForMessageAsync(m => m.Subject == $"Rappel : facture {receivable.InvoiceNumber} impayée", Timeout);
        Assert.Equal("compta1@example.fr", Assert.Single(first.To.Mailboxes).Address);
        Assert.Contains("Reste dû : 95,76", first.TextBody, StringComparison.Ordinal);
        Assert.Contains($"la référence {reference}", first.TextBody, StringComparison.Ordinal);

        // Day 15: the second, which announces the suspension on day 30.
        Assert.Equal(new DunningReport(0, 1, 0, 0, 0), await dunning.RunAsync(due.AddDays(15)));
        var second = await smtp.WaitForMessageAsync(m => m.Subject == $"Second rappel : facture {receivable.InvoiceNumber} impayée", Timeout);
        Assert.Contains($"suspendus le {due.AddDays(30).ToString("d", CultureInfo.GetCultureInfo("fr-FR"))}", second.TextBody, StringComparison.Ordinal);

        // Day 30: outgoing calls suspended, once.
        Assert.Equal(new DunningReport(0, 0, 1, 0, 0), await dunning.RunAsync(due.AddDays(30)));
        Assert.Equal(new DunningReport(0, 0, 0, 0, 0), await dunning.RunAsync(due.AddDays(31)));
        await smtp.WaitForMessageAsync(m => m.Subject == $"Appels sortants suspendus : facture {receivable.InvoiceNumber} impayée", Timeout);
        await using (var db = world.OpenDatabase())
        {
            Assert.NotNull((await db.Customers.SingleAsync()).SuspendedAt);
        }

        // The transfer arrives: the suspension is lifted in the same transaction and the customer told.
        var statement = $"2026-06-05;95.76;{receivable.Reference};VIR CLIENT 01 SARL";
        Assert.Equal(1, (await ImportAsync(host, statement)).Matched);
        await smtp.WaitForMessageAsync(m => m.Subject == "Appels sortants rétablis", Timeout);
        await using (var db = world.OpenDatabase())
        {
            Assert.Null((await db.Customers.SingleAsync()).SuspendedAt);
        }

        Assert.Equal(new DunningReport(0, 0, 0, 0, 0), await dunning.RunAsync(due.AddDays(45)));
        await Task.Delay(300);
        Assert.Equal(4, smtp.Messages.Count(m => m.Subject?.StartsWith("Votre facture", StringComparison.Ordinal) != true));
    }

    [Fact]
    public async Task A_credit_note_lowers_what_is_due_and_a_fully_credited_invoice_is_never_chased()
    {
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync([]);
        var receivables = await BillAprilAsync(world, host, 2);
        await using (var db = world.OpenDatabase())
        {
            var invoices = await db.Invoices.Include(i => i.Lines).OrderBy(i => i.Number).ToListAsync();
            await DocumentIssuing.IssueCreditNoteAsync(db, invoices[0], "Geste commercial", DateTimeOffset.UtcNow);
        }

        await using (var db = world.OpenDatabase())
        {
            var credited = await db.Receivables.SingleAsync(r => r.InvoiceId == receivables[0].InvoiceId);
            Assert.Equal((95.76m, 0m, ReceivableStatus.Paid), (credited.Credited, credited.Outstanding, credited.StatusOn(credited.DueOn.AddDays(40))));
        }

        // Forty days late, only the invoice that was not credited is chased.
        var report = await host.Services.GetRequiredService<DunningRunner>().RunAsync(receivables[0].DueOn.AddDays(40));
        Assert.Equal(new DunningReport(0, 1, 1, 0, 0), report);
    }
}
