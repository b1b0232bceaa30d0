using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Store.E2E.Infrastructure;
using Store.Testing;
using static Microsoft.Playwright.Assertions;

namespace Store.E2E;

/// <summary>A prospect buys Forfait Pro, or a premium Smart Number, online, alone, then runs it from the customer area.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SignupJourney(BrowserFixture browser)
{
    private const string Password = "une phrase de passe assez longue";

    private static Task<byte[]> Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, $"signup-{name}.png"), FullPage = true });

    private static string French(DateOnly day) => day.ToString("d", CultureInfo.GetCultureInfo("fr-FR"));

    [Fact]
    public async Task A_prospect_signs_up_for_Pro_with_3_users_yearly_recording_and_a_ported_number_enrols_2FA_pays_by_transfer_and_changes_the_plan()
    {
        var email = $"direction.{Guid.NewGuid():N}@cabinet-dupont.fr";
        var number = $"01 47 {Random.Shared.Next(10, 99)} {Random.Shared.Next(10, 99)} {Random.Shared.Next(10, 99)}";
        var page = await browser.NewPageAsync();

        // The offer: Pro, 3 users, yearly, call recording; the price follows each choice.
        await page.GotoAsync("/");
        await page.Locator("[data-plan=forfait-pro]").GetByRole(AriaRole.Link, new() { Name = "Souscrire en ligne" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Souscrire en ligne" })).ToBeVisibleAsync();
        await page.GetByLabel("Nombre d'utilisateurs").FillAsync("3");
        await Expect(page.GetByTestId("quote-excl")).ToContainTextAsync(new Regex(@"119,70"));
        await page.GetByLabel("annuelle").CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Enregistrement des appels" }).CheckAsync();
        await Expect(page.GetByTestId("quote-excl")).ToContainTextAsync(new Regex(@"1\s?317,00"));
        await Expect(page.GetByTestId("quote-incl")).ToContainTextAsync(new Regex(@"1\s?580,40"));
        await Accessibility.CheckAsync(page, "the offer step");
        await Shot(page, "1-offer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        // A number ported from the current operator, on a date the rules allow.
        var earliest = DateOnly.ParseExact((await page.Locator("#Porting_0__Date").GetAttributeAsync("min"))!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var porting = earliest.AddDays(3);
        await page.Locator("#Porting_0__Number").FillAsync(number);
        await page.Locator("#Porting_0__Operator").FillAsync("Orange");
        await page.Locator("#Porting_0__Date").FillAsync(porting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Je suis titulaire de ces numéros" }).CheckAsync();
        await Accessibility.CheckAsync(page, "the numbers step");
        await Shot(page, "2-numbers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        // The company: a wrong SIREN is named next to its field and what was typed stays.
        await page.GetByLabel("Raison sociale").FillAsync("Cabinet Dupont SARL");
        await page.GetByLabel("SIREN").FillAsync("552 032 535");
        await page.GetByLabel("E-mail pour les factures").FillAsync("compta@cabinet-dupont.fr");
        await page.GetByLabel("Adresse", new() { Exact = true }).First.FillAsync("12 rue de Rivoli");
        await page.GetByLabel("Code postal").First.FillAsync("75004");
        await page.GetByLabel("Ville").First.FillAsync("Paris");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.CompanyNumber']")).ToContainTextAsync("clé de contrôle");
        await Expect(page.GetByLabel("Raison sociale")).ToHaveValueAsync("Cabinet Dupont SARL");
        await Accessibility.CheckAsync(page, "the company step with an error");
        await Shot(page, "3-company-error");
        await page.GetByLabel("SIREN").FillAsync("552 032 534");
        await page.GetByLabel("Numéro de TVA intracommunautaire").FillAsync("FR27552032534");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        // The contract summary, then the holder's account.
        await Expect(page.GetByTestId("summary-services")).ToContainTextAsync("Forfait Pro, 3 utilisateur(s), facturation annuelle");
        await Expect(page.GetByTestId("summary-numbers")).ToContainTextAsync(French(porting));
        await Accessibility.CheckAsync(page, "the summary");
        await Shot(page, "4-summary");
        await CreateAccountAndEnrolAsync(page, email, "Jeanne Dupont");

        // Accept the conditions, pay by bank transfer: the contract is active.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "accepte les conditions" }).CheckAsync();
        await Shot(page, "5-accept");
        await page.GetByRole(AriaRole.Button, new() { Name = "Signer le contrat" }).ClickAsync();
        await Expect(page.GetByTestId("contract-number")).ToContainTextAsync(new Regex(@"Contrat C-\d{4}-\d{6}"));
        await Expect(page.GetByText("Il est actif")).ToBeVisibleAsync();

        // The first invoice, at once: 3 × 399.00 for the first year, recording 10.00 from today to the end of the month by day; VAT 20 %.
        await ExpectFirstInvoiceAsync(page, 3 * 399.00m + FromTodayToMonthEnd(10.00m), 0.20m);
        await Accessibility.CheckAsync(page, "the done page");
        await Shot(page, "6-done");
        var welcome = await browser.Mail.WaitForMessageAsync(m => m.To.ToString().Contains(email, StringComparison.Ordinal) && (m.Subject ?? string.Empty).Contains("Bienvenue", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains("3 utilisateur(s)", welcome.TextBody, StringComparison.Ordinal);

        // The customer area: one more user at once, call recording removed from tomorrow.
        await page.GetByRole(AriaRole.Link, new() { Name = "Aller à mon espace client" }).ClickAsync();
        await Expect(page.GetByTestId("users")).ToContainTextAsync("3 utilisateur(s)");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(number.Replace(" ", string.Empty, StringComparison.Ordinal)[1..]);
        await Accessibility.CheckAsync(page, "the customer area");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gérer" }).ClickAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        await page.GetByLabel("Nouveau nombre").FillAsync("4");
        await page.Locator("section[aria-labelledby=users-title]").GetByRole(AriaRole.Button, new() { Name = "Voir l'effet" }).ClickAsync();
        await Expect(page.GetByTestId("effect")).ToContainTextAsync($"De 3 à 4, à partir du {French(today)}");
        await Accessibility.CheckAsync(page, "a change before confirming");
        await Shot(page, "7-add-user");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToContainTextAsync($"de 3 à 4 à partir du {French(today)}");
        await page.Locator("tr[data-option=call-recording] input[type=number]").FillAsync("0");
        await page.Locator("tr[data-option=call-recording]").GetByRole(AriaRole.Button, new() { Name = "Voir l'effet" }).ClickAsync();
        await Expect(page.GetByTestId("effect")).ToContainTextAsync($"De 1 à 0, à partir du {French(today.AddDays(1))}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToContainTextAsync($"de 1 à 0 à partir du {French(today.AddDays(1))}");
        await Accessibility.CheckAsync(page, "the subscription page");
        await Shot(page, "8-remove-recording");

        // The ported number's routing: a destination now, another planned for a minute that comes during the test.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Mon espace client" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Routage" }).ClickAsync();
        await page.GetByLabel("Nouvelle destination").FillAsync("06 12 34 56 78");
        await page.GetByRole(AriaRole.Button, new() { Name = "Changer la destination" }).ClickAsync();
        await Expect(page.GetByTestId("destination-now")).ToContainTextAsync("+33612345678");
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris);
        var at = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0).AddMinutes(now.Second < 45 ? 1 : 2);
        await page.GetByLabel("Nouvelle destination").FillAsync("01 40 00 00 01");
        await page.GetByLabel("À partir du (facultatif)").FillAsync(at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Changer la destination" }).ClickAsync();
        await Expect(page.GetByTestId("planned")).ToContainTextAsync("+33140000001");
        await Expect(page.GetByTestId("destination-now")).ToContainTextAsync("+33612345678");
        await Accessibility.CheckAsync(page, "the number's routing");
        await Shot(page, "9-destination-planned");
        var wait = at - TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris).DateTime + TimeSpan.FromSeconds(2);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await page.ReloadAsync();
        await Expect(page.GetByTestId("destination-now")).ToContainTextAsync("+33140000001");
        await Expect(page.GetByTestId("planned")).ToHaveCountAsync(0);
        await Shot(page, "10-destination-changed");
    }

    [Fact]
    public async Task A_prospect_takes_a_0900_Smart_Number_with_a_per_minute_tariff_enrols_2FA_pays_by_transfer_and_sees_the_contract_and_first_invoice()
    {
        var email = $"hotline.{Guid.NewGuid():N}@conseil-hotline.ch";
        var page = await browser.NewPageAsync();

        // The number: a 090x from the pool, 2.50 CHF a minute for callers, to a Zurich landline by PSTN, paid out PayFast.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Souscrire un Smart Number" }).First.ClickAsync();
        await page.GetByLabel("090x surtaxé").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Voir les numéros de ce type" }).ClickAsync();
        var number = page.Locator("input[name=Number]").First;
        await number.CheckAsync();
        var chosen = (await number.GetAttributeAsync("value"))!;
        await page.GetByRole(AriaRole.Radio, new() { Name = "par minute" }).CheckAsync();
        await page.Locator("#TariffAmount").FillAsync("2.50");
        await page.GetByLabel("Numéro de destination").FillAsync("044 668 18 00");
        await page.GetByLabel("Routage PSTN vers un numéro fixe ou mobile").CheckAsync();
        await page.GetByLabel("PayFast", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Usage déclaré").SelectOptionAsync("it-internet");
        await page.GetByLabel("Ne pas inscrire ce numéro dans les annuaires").CheckAsync();
        await Accessibility.CheckAsync(page, "the Smart Number step");
        await Shot(page, "0900-1-number");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        // The Swiss company, with its UID.
        await page.GetByLabel("Raison sociale").FillAsync("Conseil Hotline SA");
        await page.GetByLabel("Numéro IDE (UID)").FillAsync("CHE-116.281.710");
        await page.GetByLabel("E-mail pour les factures").FillAsync("compta@conseil-hotline.ch");
        await page.GetByLabel("Adresse", new() { Exact = true }).First.FillAsync("Bahnhofstrasse 1");
        await page.GetByLabel("Code postal").First.FillAsync("8001");
        await page.GetByLabel("Ville").First.FillAsync("Zürich");
        await Accessibility.CheckAsync(page, "the Swiss company step");
        await Shot(page, "0900-2-company");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        // The contract summary of the number, then the holder's account with two-step sign-in.
        await Expect(page.GetByTestId("summary-services")).ToContainTextAsync("090x surtaxé");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("non inscrit");
        await Accessibility.CheckAsync(page, "the Smart Number summary");
        await Shot(page, "0900-3-summary");
        await CreateAccountAndEnrolAsync(page, email, "Marc Keller");

        // Accept and pay by bank transfer: active at once, with its first invoice.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "accepte les conditions" }).CheckAsync();
        await Accessibility.CheckAsync(page, "the Smart Number acceptance");
        await Shot(page, "0900-4-accept");
        await page.GetByRole(AriaRole.Button, new() { Name = "Signer le contrat" }).ClickAsync();
        await Expect(page.GetByTestId("contract-number")).ToContainTextAsync(new Regex(@"Contrat C-\d{4}-\d{6}"));
        await Expect(page.GetByText("Il est actif")).ToBeVisibleAsync();

        // 25.00 CHF a month for the number, from today to the end of the month by day (PSTN routing is free); Swiss VAT 8.1 %.
        await ExpectFirstInvoiceAsync(page, FromTodayToMonthEnd(25.00m), 0.081m);
        await Accessibility.CheckAsync(page, "the Smart Number done page");
        await Shot(page, "0900-5-done");
        var invoiceNumber = await page.GetByTestId("first-invoice-number").InnerTextAsync();

        // The same invoice in the customer area's invoices page.
        await page.GetByRole(AriaRole.Link, new() { Name = "toutes vos factures" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(invoiceNumber);
        await Accessibility.CheckAsync(page, "the invoices page");
        await Shot(page, "0900-6-invoices");
        var welcome = await browser.Mail.WaitForMessageAsync(m => m.To.ToString().Contains(email, StringComparison.Ordinal) && (m.Subject ?? string.Empty).Contains("Bienvenue", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains(welcome.Attachments, a => a.ContentType.MimeType == "application/pdf");
        Assert.False(string.IsNullOrEmpty(chosen));
    }

    /// <summary>The holder's account from the summary: created, e-mail confirmed, signed in, two-step sign-in enrolled; back on the summary.</summary>
    private async Task CreateAccountAndEnrolAsync(IPage page, string email, string name)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Créer mon compte" }).ClickAsync();
        await page.GetByLabel("Nom et prénom").FillAsync(name);
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirmez le mot de passe").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        var confirm = await browser.Mail.WaitForMessageAsync(m => m.To.ToString().Contains(email, StringComparison.Ordinal) && (m.Subject ?? string.Empty).Contains("Confirmez", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await page.GotoAsync(LinkPattern().Match(confirm.TextBody ?? string.Empty).Value);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        // Back on the summary: two-step sign-in first.
        await page.GetByRole(AriaRole.Link, new() { Name = "Activer la connexion en deux étapes" }).ClickAsync();
        var key = await page.GetByTestId("shared-key").InnerTextAsync();
        await page.GetByLabel("Code de l'application").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier et activer" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "J'ai conservé mes codes" }).ClickAsync();
    }

    /// <summary>A fee from today (Paris) to the end of the month, prorated by day as invoices do; the whole fee on the 1st.</summary>
    private static decimal FromTodayToMonthEnd(decimal monthly)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var days = DateTime.DaysInMonth(today.Year, today.Month);
        return Math.Round(monthly * (days - today.Day + 1) / days, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The done page shows the first invoice: its number in the series and its total including VAT, with its PDF.</summary>
    private static async Task ExpectFirstInvoiceAsync(IPage page, decimal excludingVat, decimal vatRate)
    {
        var total = excludingVat + Math.Round(excludingVat * vatRate, 2, MidpointRounding.AwayFromZero);
        var shown = Regex.Escape(total.ToString("N2", CultureInfo.GetCultureInfo("fr-FR"))).Replace("\u202F", @"\s?", StringComparison.Ordinal).Replace("\u00A0", @"\s?", StringComparison.Ordinal);
        await Expect(page.GetByTestId("first-invoice-number")).ToHaveTextAsync(new Regex(@"^F-\d{4}-\d{6}$"));
        await Expect(page.GetByTestId("first-invoice-total")).ToContainTextAsync(new Regex(shown));
        await Expect(page.GetByTestId("first-invoice-pdf")).ToHaveAttributeAsync("href", new Regex("handler=Pdf"));
    }

    [GeneratedRegex("https?://\\S+")]
    private static partial Regex LinkPattern();
}
