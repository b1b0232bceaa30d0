using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Store.Domain;
using Store.Domain.Billing;
using Store.Domain.Billing.Statements;
using Store.Domain.Catalog;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Tests.Identity;
using Store.Testing;

namespace Store.Site.Tests.Pages.CustomerArea;

public sealed class StatementsPageTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private async Task<Statement> IssueAsync(Guid customerId, string number)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var billing = scope.ServiceProvider.GetRequiredService<IOptions<BillingOptions>>().Value;
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        var draft = SmartNumberStatements.Build(customerId, new BillingPeriod(2026, 3), [
            new StatementCharge(Guid.NewGuid(), "+33899123456", PayoutKind.Standard, 0, true, 90, 1.35m, 0.8775m, Currency.EUR),
            new StatementCharge(Guid.NewGuid(), "+33899123456", PayoutKind.Standard, 0, true, 45, 0.675m, 0.43875m, Currency.EUR),
        ])!;
        var statement = Statement.Issue(draft, number, LegalDetails.Of(customer), billing.SellerFor(customer.Market), DateTimeOffset.UtcNow);
        db.Statements.Add(statement);
        await db.SaveChangesAsync();
        return statement;
    }

    [Fact]
    public async Task A_holder_sees_its_Smart_Number_statements_and_downloads_the_PDF_but_never_another_accounts()
    {
        var email = $"titulaire.{Guid.NewGuid():N}@example.fr";
        var (_, key, customerId) = await factory.CreateEnrolledUserAsync(email, MemberRole.Owner);
        var (_, _, otherId) = await factory.CreateEnrolledUserAsync($"autre.{Guid.NewGuid():N}@example.fr", MemberRole.Owner);
        var mine = await IssueAsync(customerId!.Value, "DC-2026-000101");
        var theirs = await IssueAsync(otherId!.Value, "DC-2026-000102");

        var browser = factory.Browser();
        await browser.SignInWithCodeAsync(email, key);
        var html = FormClient.Text(await browser.GetPageAsync("/CustomerArea/Invoices"));
        Assert.Contains("Décomptes Smart Number", html, StringComparison.Ordinal);
        Assert.Contains(mine.Number, html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Number, html, StringComparison.Ordinal);
        Assert.Contains("2,03", html, StringComparison.Ordinal);
        Assert.Contains("1,32", html, StringComparison.Ordinal);
        Assert.Contains("12/05/2026", html, StringComparison.Ordinal);

        var pdf = await browser.GetAsync($"/CustomerArea/Invoices?handler=StatementPdf&statementId={mine.Id}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains($"DÉCOMPTE SMART NUMBER N° {mine.Number}", text, StringComparison.Ordinal);
        Assert.Contains("+33899123456", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/CustomerArea/Invoices?handler=StatementPdf&statementId={theirs.Id}")).StatusCode);

        var english = FormClient.Text(await browser.GetPageAsync("/CustomerArea/Invoices?lang=en"));
        Assert.Contains("Smart Number statements", english, StringComparison.Ordinal);
        Assert.DoesNotContain(Store.Site.Localization.SiteTexts.MissingMarker, english, StringComparison.Ordinal);
    }
}
