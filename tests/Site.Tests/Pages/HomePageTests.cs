using System.Net;
using Store.Site.Localization;
using Store.Testing;

namespace Store.Site.Tests.Pages;

public sealed class HomePageTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task The_home_page_lists_the_offers_in_French_with_prices_excluding_and_including_VAT()
    {
        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/"));

        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("Forfait Start", html, StringComparison.Ordinal);
        Assert.Contains("19,90 EUR HT", html, StringComparison.Ordinal);
        Assert.Contains("23,88 EUR TTC", html, StringComparison.Ordinal);
        Assert.Contains("39,90 EUR HT", html, StringComparison.Ordinal);
        Assert.Contains("47,88 EUR TTC", html, StringComparison.Ordinal);
        Assert.Contains("ou 199,00 EUR HT par an (238,80 EUR TTC)", html, StringComparison.Ordinal);
        Assert.Contains("27,03 CHF / mois", html, StringComparison.Ordinal); // a 25 CHF Smart Number with 8.1 % Swiss VAT
        Assert.DoesNotContain(SiteTexts.MissingMarker, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_English_switch_is_remembered_and_returns_to_the_page()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var choose = await client.GetAsync("/language/en?returnUrl=%2F");
        Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        Assert.Equal("/", choose.Headers.Location!.OriginalString);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("EUR 19.90 excl. VAT", html, StringComparison.Ordinal);
        Assert.Contains("EUR 47.88 incl. VAT", html, StringComparison.Ordinal);
        Assert.Contains("per user per month", html, StringComparison.Ordinal);
        Assert.DoesNotContain(SiteTexts.MissingMarker, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_never_redirects_off_site()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/language/en?returnUrl=" + Uri.EscapeDataString("//evil.example/"));
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
