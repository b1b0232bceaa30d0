using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Store.E2E.Infrastructure;
using Store.Testing;
using static Microsoft.Playwright.Assertions;

namespace Store.E2E;

[Collection(BrowserCollection.Name)]
public sealed partial class IdentityJourney(BrowserFixture browser)
{
    private const string Password = "une phrase de passe assez longue";

    private static Task<byte[]> Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, $"identity-{name}.png"), FullPage = true });

    [Fact]
    public async Task A_new_user_registers_confirms_enrols_TOTP_signs_in_again_and_uses_a_recovery_code_once()
    {
        var email = $"claire.{Guid.NewGuid():N}@boulangerie.fr";
        var page = await browser.NewPageAsync();

        // Register.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Créer un compte" }).ClickAsync();
        await page.GetByLabel("Nom et prénom").FillAsync("Claire Martin");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirmez le mot de passe").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vérifiez votre messagerie" })).ToBeVisibleAsync();
        await Shot(page, "1-registered");

        // The confirmation mail reaches the real SMTP server; its link confirms the address.
        var mail = await browser.Mail.WaitForMessageAsync(m => m.To.ToString().Contains(email, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains("Confirmez votre adresse", mail.Subject, StringComparison.Ordinal);
        var link = LinkPattern().Match(mail.TextBody ?? string.Empty).Value;
        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("votre adresse est confirmée");

        // Sign in with the password.
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await SignInAsync(page, email);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mon compte" })).ToBeVisibleAsync();

        // Enrol an authenticator: the test computes codes from the key shown beside the QR code.
        await page.GotoAsync("/Account/Manage/TwoFactor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Activer avec une application" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code" })).ToBeVisibleAsync();
        var key = await page.GetByTestId("shared-key").InnerTextAsync();
        await Shot(page, "2-enrol");
        await page.GetByLabel("Code de l'application").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier et activer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vos codes de récupération" })).ToBeVisibleAsync();
        var codes = await page.GetByTestId("recovery-codes").Locator("code").AllInnerTextsAsync();
        Assert.Equal(10, codes.Count);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Télécharger les codes" }).ClickAsync());
        Assert.Equal("store-recovery-codes.txt", download.SuggestedFilename);
        await Shot(page, "3-recovery-codes");

        // Sign out, then sign in with password and code.
        await SignOutAsync(page);
        await page.GotoAsync("/Account/Login");
        await SignInAsync(page, email);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Double authentification" })).ToBeVisibleAsync();
        await page.GetByLabel("Code de l'application").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mon compte" })).ToBeVisibleAsync();
        await SignOutAsync(page);

        // A recovery code works once, and is refused the second time.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await page.GotoAsync("/Account/Login");
            await SignInAsync(page, email);
            await page.GetByRole(AriaRole.Link, new() { Name = "Utilisez un code de récupération" }).ClickAsync();
            await page.GetByLabel("Code de récupération").FillAsync(codes[0]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
            if (attempt == 0)
            {
                await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mon compte" })).ToBeVisibleAsync();
                await SignOutAsync(page);
            }
            else
            {
                await Expect(page.GetByText("Ce code de récupération est incorrect ou a déjà servi.").First).ToBeVisibleAsync();
                await Shot(page, "4-recovery-code-refused");
            }
        }
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("/Account/Manage");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Se connecter" })).ToBeVisibleAsync();
    }

    [GeneratedRegex("https?://\\S+")]
    private static partial Regex LinkPattern();
}
