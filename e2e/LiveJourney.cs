using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Store.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Store.E2E;

[Collection(BrowserCollection.Name)]
public sealed class LiveJourney(BrowserFixture browser)
{
    /// <summary>The demo bakery's first line (Store:Demo seeds it).</summary>
    private const string BakeryLine = "+33184800101";

    private static readonly LocatorAssertionsToHaveTextOptions WithinASecond = new() { Timeout = 1000 };

    [Fact]
    public async Task The_dashboard_figures_chart_and_call_list_move_within_a_second_of_the_platform_posting_events()
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

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Adresse e-mail").FillAsync(BrowserFixture.DemoEmail);
        await page.GetByLabel("Mot de passe").FillAsync(BrowserFixture.DemoPassword);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "En direct" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Appels en direct – Boulangerie Martin SARL" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-live-state]")).ToHaveTextAsync("En direct");
        var chart = page.GetByTestId("live-chart");
        await Expect(chart.Locator("canvas")).ToBeVisibleAsync();

        var inProgress = int.Parse(await page.GetByTestId("in-progress").InnerTextAsync(), CultureInfo.InvariantCulture);
        var answered = int.Parse(await page.GetByTestId("answered-today").InnerTextAsync(), CultureInfo.InvariantCulture);
        var callsOnChart = int.Parse(await chart.GetAttributeAsync("data-calls") ?? "0", CultureInfo.InvariantCulture);
        var chartBefore = await chart.Locator("canvas").ScreenshotAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "live-1-before.png"), FullPage = true });

        using var http = new HttpClient { BaseAddress = browser.Server.BaseAddress };
        var token = await PlatformTokenAsync(http);
        var callId = "e2e-" + Guid.NewGuid().ToString("N");
        var at = DateTimeOffset.UtcNow.AddSeconds(-4);
        await PostAsync(http, token, new object[]
        {
            new { eventId = callId + "-1", callId, number = BakeryLine, kind = "started", at, caller = "+33612345678", callee = BakeryLine, direction = "inbound" },
            new { eventId = callId + "-2", callId, number = BakeryLine, kind = "answered", at = at.AddSeconds(3), caller = "+33612345678", callee = BakeryLine, direction = "inbound" },
        });

        await Expect(page.GetByTestId("in-progress")).ToHaveTextAsync((inProgress + 1).ToString(CultureInfo.InvariantCulture), WithinASecond);
        await Expect(page.GetByTestId("answered-today")).ToHaveTextAsync((answered + 1).ToString(CultureInfo.InvariantCulture), WithinASecond);
        await Expect(page.Locator($"tr[data-call-id='{callId}']")).ToContainTextAsync("En communication", new() { Timeout = 1000 });
        await Expect(chart).ToHaveAttributeAsync("data-calls", (callsOnChart + 1).ToString(CultureInfo.InvariantCulture), new() { Timeout = 1000 });
        var chartAfter = await chart.Locator("canvas").ScreenshotAsync();
        Assert.False(chartBefore.SequenceEqual(chartAfter), "The chart looks the same as before the call.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "live-2-call-in-progress.png"), FullPage = true });

        // The call ends: it leaves the lines, its row says so where it stands.
        await PostAsync(http, token, new object[]
        {
            new { eventId = callId + "-3", callId, number = BakeryLine, kind = "ended", at = at.AddSeconds(4), direction = "inbound", durationSeconds = 61 },
        });
        await Expect(page.GetByTestId("in-progress")).ToHaveTextAsync(inProgress.ToString(CultureInfo.InvariantCulture), WithinASecond);
        await Expect(page.Locator($"tr[data-call-id='{callId}']")).ToContainTextAsync("Terminé", new() { Timeout = 1000 });
        await Expect(page.Locator($"tr[data-call-id='{callId}']")).ToContainTextAsync("1:01");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Artifacts, "live-3-call-ended.png"), FullPage = true });
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    private static async Task<string> PlatformTokenAsync(HttpClient http)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "telephony-platform",
            ["client_secret"] = BrowserFixture.PlatformSecret,
            ["scope"] = "calls:write",
        });
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), form);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (string?)body["access_token"] ?? throw new InvalidOperationException("No platform token: " + body.ToJsonString());
    }

    private static async Task PostAsync(HttpClient http, string token, object[] events)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/call-events", UriKind.Relative)) { Content = JsonContent.Create(events) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode && (int)body["accepted"]! == events.Length, body.ToJsonString());
    }
}
