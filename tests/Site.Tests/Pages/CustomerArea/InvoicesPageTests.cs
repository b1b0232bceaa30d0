using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain;
using Store.Domain.Identity;
using Store.Domain.Payments;
using Store.Site.Tests.Identity;
using Store.Testing;

namespace Store.Site.Tests.Pages.CustomerArea;

public sealed class InvoicesPageTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task A_customer_sees_its_invoices_with_the_reference_to_pay_and_downloads_the_PDF_but_never_another_accounts()
    {
        var email = $"factures.{Guid.NewGuid():N}@example.fr";
        var (_, key, customerId) = await factory.CreateEnrolledUserAsync(email, MemberRole.Owner);
        var (_, _, otherId) = await factory.CreateEnrolledUserAsync($"autre.{Guid.NewGuid():N}@example.fr", MemberRole.Owner);
        var mine = await TestInvoices.IssueAsync(factory.Services, customerId!.Value);
        var theirs = await TestInvoices.IssueAsync(factory.Services, otherId!.Value);
        var reference = CreditorReference.Display(CreditorReference.For(mine.Number));

        var browser = factory.Browser();
        await browser.SignInWithCodeAsync(email, key);
        var html = WebUtility.HtmlDecode(FormClient.Text(await browser.GetPageAsync("/CustomerArea/Invoices")));
        Assert.Contains(mine.Number, html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Number, html, StringComparison.Ordinal);
        Assert.Contains(reference, html, StringComparison.Ordinal);
        Assert.Contains("à payer", html, StringComparison.Ordinal);
        Assert.Contains("95,76", html, StringComparison.Ordinal);

        var pdf = await browser.GetAsync($"/CustomerArea/Invoices?handler=Pdf&invoiceId={mine.Id}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains($"FACTURE N° {mine.Number}", text, StringComparison.Ordinal);
        Assert.Contains(reference, text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/CustomerArea/Invoices?handler=Pdf&invoiceId={theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/CustomerArea/Invoices?handler=Pdf&invoiceId={theirs.Id}&accountId={otherId}")).StatusCode);

        // Once paid, the invoice says so and no longer asks for a transfer.
        using (var scope = factory.Services.CreateScope())
        {
            var book = scope.ServiceProvider.GetRequiredService<PaymentBook>();
            Assert.Equal(PaymentOutcome.Recorded, await book.RecordAsync(mine.Id, Money.Eur(95.76m), new DateOnly(2026, 4, 20), PaymentMethod.BankTransfer, null, "manual:test"));
        }

        var english = WebUtility.HtmlDecode(FormClient.Text(await browser.GetPageAsync("/CustomerArea/Invoices?lang=en")));
        Assert.Contains("paid", english, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, english, StringComparison.Ordinal);
        Assert.DoesNotContain(Store.Site.Localization.SiteTexts.MissingMarker, english, StringComparison.Ordinal);
    }
}
