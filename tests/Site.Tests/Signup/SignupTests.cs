using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain;
using Store.Domain.Catalog;
using Store.Domain.Identity;
using Store.Domain.Numbers;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;
using Store.Site.Tests.Identity;
using Store.Testing;

namespace Store.Site.Tests.Signup;

public sealed class SignupTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    /// <summary>The page's text with the narrow and non-breaking spaces of French numbers as plain spaces.</summary>
    private static async Task<string> TextOf(HttpResponseMessage response) =>
        FormClient.Text(await response.Content.ReadAsStringAsync()).Replace('\u202F', ' ').Replace('\u00A0', ' ');

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> OfferAsync(HttpClient browser, string plan = "forfait-pro", string users = "3", string period = "Yearly", bool recording = true)
    {
        var fields = new Dictionary<string, string> { ["ProductCode"] = plan, ["Users"] = users, ["Period"] = period };
        if (recording)
        {
            fields["Options[call-recording]"] = "1";
        }

        return await browser.SubmitToAsync("/Signup", "/Signup?handler=Next", fields);
    }

    private static Dictionary<string, string> Company(string siren = "552032534", string vat = "FR27552032534", string postalCode = "75002") => new()
    {
        ["Input.LegalName"] = "Cabinet Dupont SARL",
        ["Input.CompanyNumber"] = siren,
        ["Input.VatNumber"] = vat,
        ["Input.BillingEmail"] = "compta@cabinet-dupont.fr",
        ["Input.Line1"] = "12 rue de Rivoli",
        ["Input.PostalCode"] = postalCode,
        ["Input.City"] = "Paris",
    };

    [Fact]
    public async Task The_price_summary_follows_the_choices()
    {
        var browser = factory.Browser();
        var response = await browser.SubmitToAsync("/Signup", "/Signup?handler=Quote", new Dictionary<string, string> { ["ProductCode"] = "forfait-pro", ["Users"] = "3", ["Period"] = "Yearly", ["Options[call-recording]"] = "1" });
        var html = await TextOf(response);
        Assert.True(html.Contains("1 317,00", StringComparison.Ordinal), html); // 3 × 399 + 12 × 10 excl. VAT
        Assert.Contains("1 580,40", html, StringComparison.Ordinal); // incl. 20 % VAT
    }

    [Fact]
    public async Task Invalid_SIREN_VAT_and_postal_code_are_named_next_to_their_fields_and_what_was_typed_stays()
    {
        var browser = factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await OfferAsync(browser)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/Signup/Numbers", new Dictionary<string, string>())).StatusCode);

        var response = await browser.SubmitAsync("/Signup/Company", Company(siren: "552032535", vat: "FR00123", postalCode: "7500"));
        var html = await TextOf(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Un SIREN a 9 chiffres et une clé de contrôle valide", html, StringComparison.Ordinal);
        Assert.Contains("Ce numéro de TVA n'est pas valide", html, StringComparison.Ordinal);
        Assert.Contains("Un code postal français a 5 chiffres", html, StringComparison.Ordinal);
        Assert.Contains("value=\"552032535\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Cabinet Dupont SARL\"", html, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Input.CompanyNumber\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incomplete_company_form_names_each_missing_field_and_keeps_what_was_typed()
    {
        var browser = factory.Browser();
        await OfferAsync(browser);
        await browser.SubmitAsync("/Signup/Numbers", new Dictionary<string, string>());
        var fields = Company();
        fields["Input.LegalName"] = string.Empty;
        fields["Input.City"] = string.Empty;

        var response = await browser.SubmitAsync("/Signup/Company", fields);
        var html = await TextOf(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.LegalName\"[^>]*>Ce champ est obligatoire", html);
        Assert.Matches("data-valmsg-for=\"Input.City\"[^>]*>Ce champ est obligatoire", html);
        Assert.Contains("value=\"552032534\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"12 rue de Rivoli\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"compta@cabinet-dupont.fr\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_porting_date_too_early_is_refused_with_the_earliest_date_and_the_number_stays()
    {
        var browser = factory.Browser();
        await OfferAsync(browser);
        var tooEarly = FrenchCalendar.AddWorkingDays(LocalTime.Today(TimeProvider.System), 10);
        var response = await browser.SubmitAsync("/Signup/Numbers", new Dictionary<string, string> { ["Porting[0].Number"] = "01 45 67 89 12", ["Porting[0].Date"] = Day(tooEarly), ["Mandate"] = "true" });
        var html = await TextOf(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var earliest = Porting.EarliestDate(LocalTime.Today(TimeProvider.System)).ToString("d", CultureInfo.GetCultureInfo("fr-FR"));
        Assert.Contains($"choisissez le {earliest} ou plus tard", html, StringComparison.Ordinal);
        Assert.Contains("value=\"01 45 67 89 12\"", html, StringComparison.Ordinal);

        var noMandate = await browser.SubmitAsync("/Signup/Numbers", new Dictionary<string, string> { ["Porting[0].Number"] = "01 45 67 89 12", ["Porting[0].Date"] = Day(Porting.EarliestDate(LocalTime.Today(TimeProvider.System))) });
        Assert.Contains("donnez le mandat de portabilité", FormClient.Text(await noMandate.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enrolled_person_signs_Pro_for_3_users_yearly_with_recording_and_a_ported_number_and_then_manages_it()
    {
        var email = $"owner.{Guid.NewGuid():N}@cabinet-dupont.fr";
        var (user, key, _) = await factory.CreateEnrolledUserAsync(email);
        var browser = factory.Browser();
        await browser.SignInWithCodeAsync(email, key);

        await OfferAsync(browser);
        var porting = Porting.EarliestDate(LocalTime.Today(TimeProvider.System)).AddDays(2);
        var number = $"01 45 {Random.Shared.Next(10, 99)} {Random.Shared.Next(10, 99)} {Random.Shared.Next(10, 99)}";
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/Signup/Numbers", new Dictionary<string, string> { ["Porting[0].Number"] = number, ["Porting[0].Operator"] = "Orange", ["Porting[0].Date"] = Day(porting), ["Mandate"] = "true" })).StatusCode);
        var company = await browser.SubmitAsync("/Signup/Company", Company());
        Assert.True(company.StatusCode == HttpStatusCode.Redirect, await TextOf(company));

        var summary = FormClient.Text(await browser.GetPageAsync("/Signup/Summary")).Replace('\u202F', ' ').Replace('\u00A0', ' ');
        Assert.Contains("3 utilisateur(s), facturation annuelle", summary, StringComparison.Ordinal);
        Assert.Contains("100 correspondants", summary, StringComparison.Ordinal);
        Assert.Contains("59,00", summary, StringComparison.Ordinal);

        var unaccepted = await browser.SubmitAsync("/Signup/Summary", new Dictionary<string, string>());
        Assert.Contains("acceptez les conditions", FormClient.Text(await unaccepted.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var signed = await browser.SubmitAsync("/Signup/Summary", new Dictionary<string, string> { ["Accept"] = "true" });
        Assert.Equal("/Signup/Done", signed.Headers.Location?.OriginalString);
        Assert.Contains("Il est actif", FormClient.Text(await browser.GetPageAsync("/Signup/Done")), StringComparison.Ordinal);

        Guid subscriptionId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            var membership = await db.Memberships.SingleAsync(m => m.UserId == user.Id && m.CustomerId != null);
            Assert.Equal(MemberRole.Owner, membership.Role);
            var customer = await db.Customers.SingleAsync(c => c.Id == membership.CustomerId);
            Assert.Equal(("552032534", "FR27552032534"), (customer.CompanyNumber, customer.VatNumber));
            var contract = await db.Contracts.SingleAsync(c => c.CustomerId == customer.Id);
            Assert.Equal(ContractStatus.Active, contract.Status);
            Assert.Equal(email, contract.Acceptance.AcceptedBy);
            var subscription = await db.Subscriptions.Include(s => s.Options).SingleAsync(s => s.ContractId == contract.Id);
            Assert.Equal(("forfait-pro", PricePeriod.Yearly, 3), (subscription.ProductCode, subscription.Period, subscription.Quantity));
            Assert.Equal("call-recording", subscription.Options.Single().OptionCode);
            var ported = await db.Numbers.SingleAsync(n => n.CustomerId == customer.Id);
            Assert.Equal((NumberStatus.PortingRequested, porting), (ported.Status, ported.PortingDate));
            Assert.True(await db.OutboxMails.AnyAsync(m => m.To == email && m.Kind == "welcome" && m.Subject.Contains(contract.Number)));
            subscriptionId = subscription.Id;
        }

        // The same signup cannot be placed twice: its draft now leads to the done page.
        Assert.Equal("/Signup/Done", (await browser.GetAsync("/Signup/Summary")).Headers.Location?.OriginalString);

        // In the customer area: one more user today, call recording removed after today.
        var page = $"/CustomerArea/Subscription?id={subscriptionId}";
        var quote = await browser.SubmitToAsync(page, $"{page}&handler=QuoteUsers", new Dictionary<string, string> { ["Quantity"] = "4" });
        var quoteHtml = await TextOf(quote);
        Assert.Contains("De 3 à 4", quoteHtml, StringComparison.Ordinal);
        Assert.Contains("399,00", quoteHtml, StringComparison.Ordinal);
        var confirmed = await browser.SubmitToAsync(page, $"{page}&handler=ConfirmUsers", new Dictionary<string, string> { ["Quantity"] = "4" });
        Assert.Contains("de 3 à 4", FormClient.Text(await confirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var removed = await browser.SubmitToAsync(page, $"{page}&handler=ConfirmOption", new Dictionary<string, string> { ["OptionCode"] = "call-recording", ["OptionQuantity"] = "0" });
        var tomorrow = LocalTime.Today(TimeProvider.System).AddDays(1).ToString("d", CultureInfo.GetCultureInfo("fr-FR"));
        Assert.Contains($"de 1 à 0 à partir du {tomorrow}", FormClient.Text(await removed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_customers_subscription_and_number_are_not_found_in_the_customer_area()
    {
        var emailA = $"a.{Guid.NewGuid():N}@example.fr";
        var (_, keyA, _) = await factory.CreateEnrolledUserAsync(emailA, MemberRole.Owner);
        var (_, _, customerB) = await factory.CreateEnrolledUserAsync($"b.{Guid.NewGuid():N}@example.fr", MemberRole.Owner);
        Guid subscriptionOfB;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            var catalog = scope.ServiceProvider.GetRequiredService<CatalogRegistry>().Get("2025-03");
            var contract = new Contract(customerB!.Value, $"C-T-{Guid.NewGuid():N}"[..20], catalog.Version, new ConditionsAcceptance("b@example.fr", DateTimeOffset.UtcNow, "127.0.0.1", "003"));
            var subscription = Subscription.Start(contract, catalog, "forfait-start", PricePeriod.Monthly, 2, LocalTime.Today(TimeProvider.System));
            db.Contracts.Add(contract);
            await db.SaveChangesAsync();
            subscriptionOfB = subscription.Id;
        }

        var browser = factory.Browser();
        await browser.SignInWithCodeAsync(emailA, keyA);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/CustomerArea/Subscription?id={subscriptionOfB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/CustomerArea/Subscription?id={subscriptionOfB}&accountId={customerB}")).StatusCode);
    }
}

public sealed class SignupTranslationTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Theory]
    [InlineData("fr", "Mon espace client")]
    [InlineData("en", "My customer area")]
    public async Task Every_signup_step_and_customer_area_page_is_in_the_visitors_language(string language, string areaTitle)
    {
        var email = $"lang.{language}.{Guid.NewGuid():N}@example.fr";
        var (_, key, customerId) = await factory.CreateEnrolledUserAsync(email, MemberRole.Owner);
        Guid subscriptionId, numberId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            var catalog = scope.ServiceProvider.GetRequiredService<CatalogRegistry>().Get("2025-03");
            var contract = new Contract(customerId!.Value, $"C-L-{Guid.NewGuid():N}"[..20], catalog.Version, new ConditionsAcceptance(email, DateTimeOffset.UtcNow, "127.0.0.1", "003"));
            var subscription = Subscription.Start(contract, catalog, "forfait-pro", PricePeriod.Monthly, 2, LocalTime.Today(TimeProvider.System));
            subscription.AddOption(catalog, "call-recording", 1, LocalTime.Today(TimeProvider.System));
            var number = TelephoneNumber.RequestPorting(customerId.Value, $"01 46 {Random.Shared.Next(10, 99)} {Random.Shared.Next(10, 99)} {Random.Shared.Next(10, 99)}", "FR", Porting.EarliestDate(LocalTime.Today(TimeProvider.System)), null, LocalTime.Today(TimeProvider.System), DateTimeOffset.UtcNow).Value!;
            number.Block("06 99 99 99 99", null, "test", DateTimeOffset.UtcNow);
            number.ChangeDestination("06 12 34 56 78", DateTimeOffset.UtcNow.AddDays(2), DateTimeOffset.UtcNow);
            db.Contracts.Add(contract);
            db.Numbers.Add(number);
            await db.SaveChangesAsync();
            (subscriptionId, numberId) = (subscription.Id, number.Id);
        }

        var browser = factory.Browser();
        await browser.GetAsync($"/language/{language}?returnUrl=/");
        await browser.SignInWithCodeAsync(email, key);
        await browser.SubmitToAsync("/Signup", "/Signup?handler=Next", new Dictionary<string, string> { ["ProductCode"] = "forfait-start", ["Users"] = "2", ["Period"] = "Monthly" });
        await browser.SubmitAsync("/Signup/Numbers", new Dictionary<string, string>());
        await browser.SubmitAsync("/Signup/Company", new Dictionary<string, string> { ["Input.LegalName"] = "Lang SARL", ["Input.CompanyNumber"] = "552032534", ["Input.BillingEmail"] = "a@b.fr", ["Input.Line1"] = "1 rue A", ["Input.PostalCode"] = "75001", ["Input.City"] = "Paris" });

        foreach (var page in new[] { "/Signup", "/Signup/Numbers", "/Signup/Company", "/Signup/Summary", "/CustomerArea", $"/CustomerArea/Subscription?id={subscriptionId}", $"/CustomerArea/Number?id={numberId}" })
        {
            var html = FormClient.Text(await browser.GetPageAsync(page));
            Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
            Assert.False(html.Contains(Store.Site.Localization.SiteTexts.MissingMarker, StringComparison.Ordinal), $"{page} shows an untranslated key: {html}");
            Assert.Contains(areaTitle, html, StringComparison.Ordinal);
        }

        var quoted = await browser.SubmitToAsync($"/CustomerArea/Subscription?id={subscriptionId}", $"/CustomerArea/Subscription?id={subscriptionId}&handler=QuoteCancel", new Dictionary<string, string>());
        Assert.DoesNotContain(Store.Site.Localization.SiteTexts.MissingMarker, FormClient.Text(await quoted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}

public sealed class SmartNumberSignupTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task A_Swiss_company_signs_up_for_a_0900_number_from_the_pool_with_a_premium_tariff_and_PayFast()
    {
        var email = $"hotline.{Guid.NewGuid():N}@conseil.ch";
        var (user, key, _) = await factory.CreateEnrolledUserAsync(email);
        var browser = factory.Browser();
        await browser.SignInWithCodeAsync(email, key);

        // The 090x pool offers free numbers; a tariff above the ceiling is refused next to its field.
        var premium = FormClient.Text(await (await browser.SubmitToAsync("/Signup/SmartNumber", "/Signup/SmartNumber?handler=Update", new Dictionary<string, string> { ["TypeCode"] = "090x" })).Content.ReadAsStringAsync());
        var number = System.Text.RegularExpressions.Regex.Match(premium, "name=\"Number\" value=\"(\\+41900\\d{6})\"").Groups[1].Value;
        Assert.NotEmpty(number);
        var fields = new Dictionary<string, string>
        {
            ["TypeCode"] = "090x",
            ["Number"] = number,
            ["TariffKind"] = "PerMinute",
            ["TariffAmount"] = "12.50",
            ["Destination"] = "044 668 18 00",
            ["Routing"] = "Voip",
            ["Payout"] = "PayFast",
            ["UsageCategory"] = "it-internet",
        };
        var tooHigh = FormClient.Text(await (await browser.SubmitToAsync("/Signup/SmartNumber", "/Signup/SmartNumber?handler=Next", fields)).Content.ReadAsStringAsync());
        Assert.Contains("ne pas dépasser le plafond", tooHigh, StringComparison.Ordinal);

        fields["TariffAmount"] = "2.50";
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitToAsync("/Signup/SmartNumber", "/Signup/SmartNumber?handler=Next", fields)).StatusCode);

        // A Swiss company: the UID is checked (CHE-116.281.710 is valid, CHE-116.281.711 is not).
        var company = new Dictionary<string, string> { ["Input.LegalName"] = "Conseil Hotline SA", ["Input.CompanyNumber"] = "CHE-116.281.711", ["Input.BillingEmail"] = "compta@conseil.ch", ["Input.Line1"] = "Bahnhofstrasse 1", ["Input.PostalCode"] = "8001", ["Input.City"] = "Zürich" };
        var badUid = FormClient.Text(await (await browser.SubmitAsync("/Signup/Company", company)).Content.ReadAsStringAsync());
        Assert.Contains("Un numéro IDE s'écrit CHE-123.456.788", badUid, StringComparison.Ordinal);
        company["Input.CompanyNumber"] = "CHE-116.281.710";
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/Signup/Company", company)).StatusCode);

        var summary = FormClient.Text(await browser.GetPageAsync("/Signup/Summary")).Replace('\u202F', ' ').Replace('\u00A0', ' ');
        Assert.Contains("090x", summary, StringComparison.Ordinal);
        Assert.Contains("70 %", summary, StringComparison.Ordinal);
        Assert.Contains("TVA 8,1 %", summary, StringComparison.Ordinal);
        Assert.Equal("/Signup/Done", (await browser.SubmitAsync("/Signup/Summary", new Dictionary<string, string> { ["Accept"] = "true" })).Headers.Location?.OriginalString);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var customerId = await db.Memberships.Where(m => m.UserId == user.Id && m.CustomerId != null).Select(m => m.CustomerId!.Value).SingleAsync();
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        Assert.Equal((Market.CH, Store.Domain.Currency.CHF, "CHE-116.281.710"), (customer.Market, customer.Currency, customer.CompanyNumber));
        var held = await db.Numbers.SingleAsync(n => n.CustomerId == customerId);
        Assert.Equal((number, NumberStatus.Active, "+41446681800", RoutingMode.Voip), (held.E164, held.Status, held.Destination, held.RoutingMode));
        Assert.Equal(("090x", 2.50m, Store.Domain.Catalog.PayoutKind.PayFast, "it-internet", true), (held.SmartNumber!.TypeCode, held.SmartNumber.TariffAmount, held.SmartNumber.Payout, held.SmartNumber.UsageCategory, held.SmartNumber.DirectoryListed));
        var subscription = await db.Subscriptions.SingleAsync(s => db.Contracts.Any(c => c.Id == s.ContractId && c.CustomerId == customerId));
        Assert.Equal(("090x", ProductKind.SmartNumber, 1), (subscription.ProductCode, subscription.Kind, subscription.Quantity));
    }
}
