using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain.Billing;
using Store.Domain.Identity;
using Store.Domain.Payments;
using Store.Domain.Persistence;
using Store.Site.Tests.Identity;
using Store.Testing;

namespace Store.Site.Tests.Pages.BackOffice;

public sealed partial class BackOfficeBillingTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private async Task<HttpClient> BackOfficeAsync()
    {
        var email = $"operateur.{Guid.NewGuid():N}@store.example";
        var (user, key, _) = await factory.CreateEnrolledUserAsync(email);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StoreUser>>();
            var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
            Assert.True((await users.AddToRoleAsync(stored, StoreRole.BackOffice)).Succeeded);
        }

        var browser = factory.Browser();
        await browser.SignInWithCodeAsync(email, key);
        return browser;
    }

    private async Task<(HttpClient Browser, Guid CustomerId)> CustomerAsync()
    {
        var email = $"client.{Guid.NewGuid():N}@example.fr";
        var (_, key, customerId) = await factory.CreateEnrolledUserAsync(email, MemberRole.Owner);
        var browser = factory.Browser();
        await browser.SignInWithCodeAsync(email, key);
        return (browser, customerId!.Value);
    }

    private async Task<T> InDbAsync<T>(Func<StoreDb, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<StoreDb>());
    }

    [Fact]
    public async Task A_customer_cannot_open_nor_post_to_the_back_office_billing_pages()
    {
        var (customer, customerId) = await CustomerAsync();
        var invoice = await TestInvoices.IssueAsync(factory.Services, customerId);
        foreach (var page in new[] { "/BackOffice/Billing", "/BackOffice/Invoices", $"/BackOffice/Invoice/{invoice.Id}", $"/BackOffice/Invoice/{invoice.Id}?handler=Pdf", "/BackOffice/Incidents" })
        {
            var response = await customer.GetAsync(page);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{page}: {response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Period"] = "2025-11" });
        var post = await customer.PostAsync("/BackOffice/Billing?handler=Start", form);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(0, await InDbAsync(db => db.BillingRuns.CountAsync(r => r.Period == "2025-11")));

        var anonymous = await factory.Browser().GetAsync("/BackOffice/Invoices");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_back_office_starts_a_billing_run_for_a_month_and_sees_its_progress()
    {
        var browser = await BackOfficeAsync();
        var bad = await browser.SubmitAsync("/BackOffice/Billing", new Dictionary<string, string> { ["Period"] = "avril" }, action: "handler=Start");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Indiquez un mois", FormClient.Text(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var started = await browser.SubmitAsync("/BackOffice/Billing", new Dictionary<string, string> { ["Period"] = "2026-03" }, action: "handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);

        BillingRun? run = null;
        for (var i = 0; i < 120 && run?.Status is null or BillingRunStatus.Running; i++)
        {
            await Task.Delay(250);
            run = await InDbAsync(db => db.BillingRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Period == "2026-03"));
        }

        Assert.NotNull(run);
        Assert.Equal(BillingRunStatus.Completed, run.Status);
        var html = FormClient.Text(await browser.GetPageAsync(started.Headers.Location!.OriginalString));
        Assert.Contains("La facturation de 2026-03 est lancée", html, StringComparison.Ordinal);
        Assert.Matches(ProgressPattern(), html);
        Assert.Contains($"{run.Done} clients traités sur {run.CustomersTotal}", html, StringComparison.Ordinal);
        Assert.Contains("terminée", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.Ordinal);

        var english = FormClient.Text(await browser.GetPageAsync("/BackOffice/Billing?lang=en"));
        Assert.Contains("customers done", english, StringComparison.Ordinal);
        Assert.DoesNotContain(Store.Site.Localization.SiteTexts.MissingMarker, english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_back_office_issues_a_months_Smart_Number_statements_and_sees_how_many_there_are()
    {
        var browser = await BackOfficeAsync();
        var (customer, customerId) = await CustomerAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            var billing = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<BillingOptions>>().Value;
            var holder = await db.Customers.SingleAsync(c => c.Id == customerId);
            var draft = Store.Domain.Billing.Statements.SmartNumberStatements.Build(customerId, new BillingPeriod(2026, 2), [
                new(Guid.NewGuid(), "+33899123456", Store.Domain.Catalog.PayoutKind.PayFast, 0, true, 60, 2.99m, 1.50m, Store.Domain.Currency.EUR)])!;
            db.Statements.Add(Store.Domain.Billing.Statements.Statement.Issue(draft, "DC-2026-000901", LegalDetails.Of(holder), billing.SellerFor(holder.Market), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var asked = await browser.SubmitToAsync("/BackOffice/Billing", "/BackOffice/Billing?handler=Statements", new Dictionary<string, string> { ["Period"] = "2026-02" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var html = FormClient.Text(await browser.GetPageAsync(asked.Headers.Location!.OriginalString));
        Assert.Contains("Les décomptes Smart Number de 2026-02 sont en cours d'émission", html, StringComparison.Ordinal);
        Assert.Contains("2026-02 : 1 décomptes émis", html, StringComparison.Ordinal);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Period"] = "2026-02" });
        var refused = await customer.PostAsync("/BackOffice/Billing?handler=Statements", form);
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("AccessDenied", StringComparison.Ordinal) == true, $"{refused.StatusCode} {refused.Headers.Location}");
    }

    [Fact]
    public async Task The_back_office_lists_an_invoice_records_a_payment_once_and_credits_a_line()
    {
        var browser = await BackOfficeAsync();
        var (customer, customerId) = await CustomerAsync();
        var invoice = await TestInvoices.IssueAsync(factory.Services, customerId, new BillingPeriod(2026, 5));

        var list = FormClient.Text(await browser.GetPageAsync("/BackOffice/Invoices?period=2026-05"));
        Assert.Contains(invoice.Number, list, StringComparison.Ordinal);
        Assert.Contains("Boulangerie Martin SARL", list, StringComparison.Ordinal);
        Assert.Contains("95,76", list, StringComparison.Ordinal);
        Assert.DoesNotContain(invoice.Number, FormClient.Text(await browser.GetPageAsync("/BackOffice/Invoices?period=2026-05&status=Paid")), StringComparison.Ordinal);
        Assert.DoesNotContain(invoice.Number, FormClient.Text(await browser.GetPageAsync("/BackOffice/Invoices?period=2026-06")), StringComparison.Ordinal);

        var page = $"/BackOffice/Invoice/{invoice.Id}";
        var pdf = await browser.GetAsync(page + "?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"FACTURE N° {invoice.Number}", await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        // The same payment form posted twice records one payment.
        var form = await browser.GetPageAsync(page);
        var key = PaymentKeyPattern().Match(form).Groups[1].Value;
        var fields = new Dictionary<string, string> { ["amount"] = "50,00", ["receivedOn"] = "2026-06-10", ["method"] = "Cheque", ["reference"] = "CHQ 1234567", ["paymentKey"] = key };
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(page, fields, action: "handler=Payment")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(page, fields, action: "handler=Payment")).StatusCode);
        var paid = FormClient.Text(await browser.GetPageAsync(page));
        Assert.Contains("Paiement enregistré", paid, StringComparison.Ordinal);
        Assert.Contains("45,76", paid, StringComparison.Ordinal);
        Assert.Contains("CHQ 1234567", paid, StringComparison.Ordinal);
        Assert.Equal(1, await InDbAsync(db => db.Payments.CountAsync(p => p.InvoiceId == invoice.Id)));

        var negative = await browser.SubmitAsync(page, new Dictionary<string, string> { ["amount"] = "-3", ["receivedOn"] = "2026-06-10", ["method"] = "Cheque" }, action: "handler=Payment");
        Assert.Contains("montant positif", FormClient.Text(await negative.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // A credit note of every line settles the rest: the invoice is paid (by payment and credit).
        var noReason = await browser.SubmitAsync(page + "?handler=CreditNote", new Dictionary<string, string> { ["positions"] = "1" }, action: "handler=CreditNote");
        Assert.Contains("Donnez le motif", FormClient.Text(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var positions = invoice.Lines.Select(l => l.Position).ToList();
        using (var content = await CreditNoteFormAsync(browser, page, positions, "Geste commercial"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(page + "?handler=CreditNote", content)).StatusCode);
        }

        var credited = FormClient.Text(await browser.GetPageAsync(page));
        var note = await InDbAsync(db => db.CreditNotes.AsNoTracking().SingleAsync(n => n.InvoiceId == invoice.Id));
        Assert.Contains($"Avoir {note.Number} émis", credited, StringComparison.Ordinal);
        Assert.Contains("Geste commercial", credited, StringComparison.Ordinal);
        Assert.Equal(95.76m, note.TotalIncludingVat);

        // The credit note's PDF, from the back office and from the customer's area.
        foreach (var (client, url) in new[] { (browser, $"{page}?handler=CreditNotePdf&creditNoteId={note.Id}"), (customer, $"/CustomerArea/Invoices?handler=CreditNotePdf&creditNoteId={note.Id}") })
        {
            var notePdf = await client.GetAsync(url);
            Assert.Equal("application/pdf", notePdf.Content.Headers.ContentType?.MediaType);
            var noteText = await PdfText.ExtractAsync(await notePdf.Content.ReadAsByteArrayAsync());
            Assert.Contains($"AVOIR N° {note.Number}", noteText, StringComparison.Ordinal);
            Assert.Contains($"Avoir sur la facture {invoice.Number}", noteText, StringComparison.Ordinal);
            Assert.Contains("Geste commercial", noteText, StringComparison.Ordinal);
            Assert.Contains("95,76", noteText, StringComparison.Ordinal);
        }

        Assert.Contains(note.Number, FormClient.Text(await customer.GetPageAsync("/CustomerArea/Invoices")), StringComparison.Ordinal);
        var receivable = await InDbAsync(db => db.Receivables.AsNoTracking().SingleAsync(r => r.InvoiceId == invoice.Id));
        Assert.Equal(ReceivableStatus.Paid, receivable.StatusOn(new DateOnly(2026, 6, 11)));

        // Lines already credited cannot be credited again.
        using (var again = await CreditNoteFormAsync(browser, page, positions, "Encore"))
        {
            var response = await browser.PostAsync(page + "?handler=CreditNote", again);
            Assert.Contains("pas déjà été créditée", FormClient.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(1, await InDbAsync(db => db.CreditNotes.CountAsync(n => n.InvoiceId == invoice.Id)));
    }

    [Fact]
    public async Task A_bank_statement_is_imported_and_its_unmatched_line_matched_by_hand()
    {
        var browser = await BackOfficeAsync();
        var (_, customerId) = await CustomerAsync();
        var first = await TestInvoices.IssueAsync(factory.Services, customerId, new BillingPeriod(2026, 7));
        var second = await TestInvoices.IssueAsync(factory.Services, customerId, new BillingPeriod(2026, 8));
        var reference = CreditorReference.For(first.Number);
        var csv = $"Date;Montant;Référence;Libellé\n2026-08-03;95,76;{reference};VIR BOULANGERIE MARTIN\n2026-08-04;95,76;;VIR SANS REFERENCE {Guid.NewGuid():N}\n";

        var imported = FormClient.Text(await (await UploadAsync(browser, csv)).Content.ReadAsStringAsync());
        Assert.Contains("2 crédits lus : 2 nouveaux, 0 déjà importés ; 1 rapprochés d'une facture, 1 à rapprocher à la main", imported, StringComparison.Ordinal);
        var again = FormClient.Text(await (await UploadAsync(browser, csv)).Content.ReadAsStringAsync());
        Assert.Contains("2 crédits lus : 0 nouveaux, 2 déjà importés", again, StringComparison.Ordinal);

        var page = FormClient.Text(await browser.GetPageAsync("/BackOffice/Invoices"));
        Assert.Contains("VIR SANS REFERENCE", page, StringComparison.Ordinal);
        var lineId = await InDbAsync(db => db.BankStatementLines.Where(l => l.PaymentId == null && l.Label.StartsWith("VIR SANS")).Select(l => l.Id).SingleAsync());

        var wrong = await browser.SubmitAsync("/BackOffice/Invoices", new Dictionary<string, string> { ["lineId"] = lineId.ToString(), ["invoiceNumber"] = "F-1999-999999" }, action: "handler=Match");
        Assert.Contains("Aucune facture ne porte ce numéro", FormClient.Text(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var matched = await browser.SubmitAsync("/BackOffice/Invoices", new Dictionary<string, string> { ["lineId"] = lineId.ToString(), ["invoiceNumber"] = second.Number.ToLowerInvariant() }, action: "handler=Match");
        Assert.Equal(HttpStatusCode.Redirect, matched.StatusCode);
        var after = FormClient.Text(await browser.GetPageAsync("/BackOffice/Invoices?status=Paid"));
        Assert.Contains($"Paiement enregistré sur la facture {second.Number}", after, StringComparison.Ordinal);
        Assert.Contains(first.Number, after, StringComparison.Ordinal);
        Assert.Contains(second.Number, after, StringComparison.Ordinal);
        Assert.DoesNotContain("VIR SANS REFERENCE", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_back_office_records_a_service_incident_in_the_customers_time()
    {
        var browser = await BackOfficeAsync();
        var (_, customerId) = await CustomerAsync();
        await TestInvoices.IssueAsync(factory.Services, customerId, new BillingPeriod(2026, 9));
        var subscriptionId = await InDbAsync(db => db.Subscriptions.Where(s => db.Contracts.Any(c => c.Id == s.ContractId && c.CustomerId == customerId)).Select(s => s.Id).FirstAsync());

        var bad = await browser.SubmitAsync("/BackOffice/Incidents", new Dictionary<string, string> { ["subscriptionId"] = subscriptionId.ToString(), ["start"] = "2026-09-10T10:00", ["end"] = "2026-09-10T09:00" });
        Assert.Contains("la fin après le début", FormClient.Text(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var recorded = await browser.SubmitAsync("/BackOffice/Incidents", new Dictionary<string, string> { ["subscriptionId"] = subscriptionId.ToString(), ["start"] = "2026-09-10T10:00", ["end"] = "2026-09-10T13:30", ["description"] = "Panne du cœur de réseau" });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var html = FormClient.Text(await browser.GetPageAsync("/BackOffice/Incidents"));
        Assert.Contains("Interruption enregistrée", html, StringComparison.Ordinal);
        Assert.Contains("Panne du cœur de réseau", html, StringComparison.Ordinal);

        var incident = await InDbAsync(db => db.ServiceIncidents.AsNoTracking().SingleAsync(i => i.SubscriptionId == subscriptionId));
        Assert.Equal(customerId, incident.CustomerId);
        Assert.Equal(new DateTimeOffset(2026, 9, 10, 8, 0, 0, TimeSpan.Zero), incident.Start.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(3.5), incident.End - incident.Start);
        Assert.False(incident.Excusable);
    }

    private static async Task<FormUrlEncodedContent> CreditNoteFormAsync(HttpClient browser, string page, IEnumerable<int> positions, string reason)
    {
        var html = await browser.GetPageAsync(page);
        var form = FormPattern().Matches(html).Select(m => m.Value).First(f => f.Contains("handler=CreditNote", StringComparison.Ordinal));
        var token = TokenPattern().Match(form).Groups[1].Value;
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("reason", reason) };
        values.AddRange(positions.Select(p => new KeyValuePair<string, string>("positions", p.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return new FormUrlEncodedContent(values);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string csv)
    {
        var html = await browser.GetPageAsync("/BackOffice/Invoices");
        var form = FormPattern().Matches(html).Select(m => m.Value).First(f => f.Contains("handler=Import", StringComparison.Ordinal));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(TokenPattern().Match(form).Groups[1].Value), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "statement", "releve-aout.csv" },
        };
        return await browser.PostAsync("/BackOffice/Invoices?handler=Import", content);
    }

    [GeneratedRegex("<progress max=\"\\d+\" value=\"\\d+\"")]
    private static partial Regex ProgressPattern();

    [GeneratedRegex("name=\"paymentKey\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex PaymentKeyPattern();

    [GeneratedRegex("<form[\\s\\S]*?</form>")]
    private static partial Regex FormPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
