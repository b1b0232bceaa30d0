using Microsoft.Playwright;
using Store.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Store.E2E;

[Collection(BrowserCollection.Name)]
public sealed class GraphiQLJourney(BrowserFixture browser)
{
    [Fact]
    public async Task A_browser_opening_graphql_gets_GraphiQL_and_runs_a_query()
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync("/graphql");
        await Expect(page.Locator(".graphiql-container")).ToBeVisibleAsync();
        await page.Locator(".graphiql-execute-button").ClickAsync();
        await Expect(page.Locator(".result-window")).ToContainTextAsync("forfait-pro", new() { Timeout = 15_000 });
        await Expect(page.Locator(".result-window")).ToContainTextAsync("ANONYMOUS");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "graphiql.png") });
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
