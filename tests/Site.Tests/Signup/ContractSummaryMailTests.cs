using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Signup;
using Store.Site.Tests.Identity;
using Store.Testing;

namespace Store.Site.Tests.Signup;

public sealed class ContractSummaryMailTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    /// <summary>Signs Forfait Pro, 2 users, monthly, with call recording, by bank transfer; answers the signer's e-mail and signed-in browser.</summary>
    internal static async Task<(string Email, HttpClient Browser)> SignProAsync(StoreFactory factory, string language, string users = "2", string period = "Monthly")
    {
        var email = $"signer.{language}.{Guid.NewGuid():N}@cabinet-martin.fr";
        var (user, key, _) = await factory.CreateEnrolledUserAsync(email);
        using (var scope = factory.Services.CreateScope())
        {
            var people = scope.ServiceProvider.GetRequiredService<UserManager<StoreUser>>();
            var stored = (await people.FindByIdAsync(user.Id.ToString()))!;
            stored.Language = language;
            await people.UpdateAsync(stored);
        }

        var browser = factory.Browser();
        await browser.SignInWithCodeAsync(email, key);
        var offer = new Dictionary<string, string> { ["ProductCode"] = "forfait-pro", ["Users"] = users, ["Period"] = period, ["Options[call-recording]"] = "1" };
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitToAsync("/Signup", "/Signup?handler=Next", offer)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/Signup/Numbers", new Dictionary<string, string>())).StatusCode);
        var company = new Dictionary<string, string>
        {
            ["Input.LegalName"] = "Cabinet Martin SARL",
            ["Input.CompanyNumber"] = "552032534",
            ["Input.VatNumber"] = "FR27552032534",
            ["Input.BillingEmail"] = $"compta.{Guid.NewGuid():N}@cabinet-martin.fr",
            ["Input.Line1"] = "12 rue de Rivoli",
            ["Input.PostalCode"] = "75004",
            ["Input.City"] = "Paris",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/Signup/Company", company)).StatusCode);
        var signed = await browser.SubmitAsync("/Signup/Summary", new Dictionary<string, string> { ["Accept"] = "true" });
        Assert.Equal("/Signup/Done", signed.Headers.Location?.OriginalString);
        return (email, browser);
    }

    private static string Plain(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');

    [Fact]
    public async Task The_welcome_mail_carries_the_contract_summary_PDF_with_the_choices_prices_and_acceptance()
    {
        var (email, _) = await SignProAsync(factory, "fr");

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var contract = await db.Contracts.SingleAsync(c => c.Acceptance.AcceptedBy == email);
        var mail = await db.OutboxMails.AsNoTracking().Include(m => m.Attachments).SingleAsync(m => m.To == email && m.Kind == WelcomeMail.Kind);
        var pdf = Assert.Single(mail.Attachments);
        Assert.Equal(("application/pdf", $"recapitulatif-contractuel-{contract.Number}.pdf"), (pdf.ContentType, pdf.FileName));

        var text = Plain(await PdfText.ExtractAsync(pdf.Content));
        Assert.Contains($"Récapitulatif contractuel — {contract.Number}", text, StringComparison.Ordinal);
        Assert.Contains("Forfait Pro, 2 utilisateur(s), facturation mensuelle", text, StringComparison.Ordinal);
        Assert.Contains("100 correspondants différents par mois et par utilisateur", text, StringComparison.Ordinal);
        Assert.Contains("39,90 EUR HT par mois ou 399,00 EUR HT par an", text, StringComparison.Ordinal);
        Assert.Contains("79,80 EUR", text, StringComparison.Ordinal); // 2 × 39.90
        Assert.Contains("89,80 EUR", text, StringComparison.Ordinal); // + recording 10.00, excl. VAT
        Assert.Contains("17,96 EUR", text, StringComparison.Ordinal); // VAT 20 %
        Assert.Contains("107,76 EUR", text, StringComparison.Ordinal); // incl. VAT
        Assert.Contains("Sans engagement", text, StringComparison.Ordinal);
        Assert.Contains("59,00 EUR HT par licence", text, StringComparison.Ordinal);
        Assert.Contains("Enregistrement", text, StringComparison.Ordinal);
        Assert.Contains(email, text, StringComparison.Ordinal);
        Assert.Contains(contract.Acceptance.FromAddress, text, StringComparison.Ordinal);
        Assert.Contains(contract.Acceptance.ConditionVersions, text, StringComparison.Ordinal);
        Assert.Contains(contract.Acceptance.AcceptedAt.ToOffset(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris").GetUtcOffset(contract.Acceptance.AcceptedAt)).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_English_signer_gets_the_summary_in_English()
    {
        var (email, _) = await SignProAsync(factory, "en");

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var mail = await db.OutboxMails.AsNoTracking().Include(m => m.Attachments).SingleAsync(m => m.To == email && m.Kind == WelcomeMail.Kind);
        var text = Plain(await PdfText.ExtractAsync(Assert.Single(mail.Attachments).Content));
        Assert.Contains("Pro plan, 2 user(s), monthly billing", text, StringComparison.Ordinal);
        Assert.Contains("Termination fee: EUR 59.00 excl. VAT per licence", text, StringComparison.Ordinal);
        Assert.Contains("EUR 107.76", text, StringComparison.Ordinal);
        Assert.Contains("EUR 39.90 excl. VAT a month or EUR 399.00 excl. VAT a year", text, StringComparison.Ordinal);
        Assert.Contains("Accepted by", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_done_page_shows_the_first_invoice_billed_from_today_to_the_end_of_the_month()
    {
        var (email, browser) = await SignProAsync(factory, "fr");

        // 2 × 39.90 and 10.00 for recording, from today to the end of the month, by day; VAT 20 %.
        var today = Store.Domain.LocalTime.Today(TimeProvider.System);
        var of = DateTime.DaysInMonth(today.Year, today.Month);
        var days = of - today.Day + 1;
        var excluding = today.Day == 1 ? 89.80m : Store.Domain.Money.RoundCents(2 * 39.90m * days / of) + Store.Domain.Money.RoundCents(10m * days / of);
        var including = excluding + Store.Domain.Money.RoundCents(excluding * 0.20m);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var contract = await db.Contracts.SingleAsync(c => c.Acceptance.AcceptedBy == email);
        var invoice = await db.Invoices.AsNoTracking().SingleAsync(i => i.CustomerId == contract.CustomerId);
        Assert.Equal(including, invoice.TotalIncludingVat);
        Assert.True(await db.OutboxMails.AnyAsync(m => m.Kind == Store.Domain.Billing.InvoiceMail.Kind && m.Subject == $"Votre facture {invoice.Number}"));

        var done = Plain(FormClient.Text(await browser.GetPageAsync("/Signup/Done")));
        Assert.Contains(invoice.Number, done, StringComparison.Ordinal);
        Assert.Contains(new Store.Domain.Money(including, Store.Domain.Currency.EUR).Format(System.Globalization.CultureInfo.GetCultureInfo("fr-FR")).Replace('\u202F', ' ').Replace('\u00A0', ' '), done, StringComparison.Ordinal);
        var pdf = await browser.GetAsync($"/CustomerArea/Invoices?handler=Pdf&invoiceId={invoice.Id}&accountId={invoice.CustomerId}");
        Assert.Equal(("application/pdf", HttpStatusCode.OK), (pdf.Content.Headers.ContentType?.MediaType, pdf.StatusCode));
    }
}
