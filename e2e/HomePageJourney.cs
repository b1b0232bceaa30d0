using Microsoft.Playwright;
using Store.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Store.E2E;

[Collection(BrowserCollection.Name)]
public sealed class HomePageJourney(BrowserFixture browser)
{
    [Fact]
    public async Task A_prospect_sees_Start_at_19_90_and_Pro_at_39_90_EUR_HT_per_user_per_month()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        var start = page.Locator("[data-plan=forfait-start]");
        var pro = page.Locator("[data-plan=forfait-pro]");
        await Expect(start.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Forfait Start");
        await Expect(start.GetByTestId("monthly-ht")).ToHaveTextAsync("19,90 EUR HT");
        await Expect(start).ToContainTextAsync("par utilisateur et par mois");
        await Expect(start.GetByTestId("monthly-ttc")).ToHaveTextAsync("23,88 EUR TTC");
        await Expect(pro.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Forfait Pro");
        await Expect(pro.GetByTestId("monthly-ht")).ToHaveTextAsync("39,90 EUR HT");
        await Expect(pro).ToContainTextAsync("par utilisateur et par mois");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "home-fr.png"), FullPage = true });
    }

    [Fact]
    public async Task The_English_switch_shows_the_same_offers_in_English_and_is_remembered()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("[data-plan=forfait-pro]").GetByTestId("monthly-ht")).ToHaveTextAsync("EUR 39.90 excl. VAT");
        await page.ReloadAsync();
        await Expect(page.Locator("[data-plan=forfait-start]")).ToContainTextAsync("per user per month");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "home-en.png"), FullPage = true });
    }

    [Fact]
    public async Task The_home_page_fits_a_phone_screen()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(375, 740);
        await page.GotoAsync("/");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page scrolls sideways on a 375 px wide phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "home-phone.png"), FullPage = true });
    }
}
