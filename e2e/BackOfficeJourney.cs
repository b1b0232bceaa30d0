using Microsoft.Playwright;
using Store.E2E.Infrastructure;
using Store.Testing;
using static Microsoft.Playwright.Assertions;

namespace Store.E2E;

[Collection(BrowserCollection.Name)]
public sealed class BackOfficeJourney(BrowserFixture browser)
{
    private static Task<byte[]> Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, $"back-office-{name}.png"), FullPage = true });

    [Fact]
    public async Task The_operator_enrols_two_factor_starts_a_billing_run_and_watches_it_complete()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Adresse e-mail").FillAsync(BrowserFixture.BackOfficeEmail);
        await page.GetByLabel("Mot de passe").FillAsync(BrowserFixture.BackOfficePassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        // The back office asks for two-factor enrolment before anything else.
        await page.GotoAsync("/BackOffice/Billing");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code" })).ToBeVisibleAsync();
        var key = await page.GetByTestId("shared-key").InnerTextAsync();
        await page.GetByLabel("Code de l'application").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier et activer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vos codes de récupération" })).ToBeVisibleAsync();

        await page.GotoAsync("/BackOffice/Billing");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Facturation", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.CheckAsync(page, "the back-office billing page");
        await Shot(page, "1-billing");

        await page.GetByLabel("Mois", new() { Exact = true }).FillAsync("2026-03");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lancer la facturation du mois" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("La facturation de 2026-03 est lancée");
        var run = page.GetByTestId("run").Filter(new() { HasText = "2026-03" });
        await Expect(run.Locator("progress")).ToBeVisibleAsync();
        await Shot(page, "2-started");

        // The page refreshes itself while the run goes, until it says it is done.
        await Expect(run).ToContainTextAsync("terminée", new() { Timeout = 60_000 });
        await Expect(run).ToContainTextAsync("clients traités sur");
        await Accessibility.CheckAsync(page, "the back-office billing page after a run");
        await Shot(page, "3-completed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Factures" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Factures", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.CheckAsync(page, "the back-office invoices page");
        await Shot(page, "4-invoices");

        await page.GotoAsync("/BackOffice/Incidents");
        await Accessibility.CheckAsync(page, "the back-office incidents page");
        await Shot(page, "5-incidents");
    }
}
