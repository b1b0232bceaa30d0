using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain;
using Store.Domain.Catalog;
using Store.Domain.Identity;
using Store.Domain.Numbers;
using Store.Domain.Persistence;
using Store.Site.Tests.Identity;
using Store.Testing;

namespace Store.Site.Tests.CustomerArea;

/// <summary>The key figures of the home page and the Top 200 callers, over real HTTP with calls stored as ingestion leaves them.</summary>
public sealed partial class FiguresPagesTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private const string Loyal = "+33611223344";
    private const string Occasional = "+33655667788";
    private const string Stranger = "+33699887766";

    /// <summary>Today at a moment already past (half-way from midnight to now, Paris time), and yesterday evening.</summary>
    private static (DateTimeOffset Today, DateTimeOffset Yesterday, bool SameMonth) Moments()
    {
        var now = DateTimeOffset.UtcNow;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(LocalTime.Paris);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = new DateTimeOffset(local.Date, zone.GetUtcOffset(local.Date));
        var today = midnight + ((now - midnight) / 2);
        return (today, midnight.AddHours(-2), local.Day > 1);
    }

    private async Task<(string Email, string Key, Guid CustomerId)> HolderAsync(string name, Action<RatedCalls, TelephoneNumber> calls)
    {
        var email = $"{name}.{Guid.NewGuid():N}@example.fr";
        var (_, key, customerId) = await factory.CreateEnrolledUserAsync(email, MemberRole.Owner);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var profile = new SmartNumberProfile("090x", TariffKind.PerMinute, 0.90m, PayoutKind.Standard, "conseil", false, new DateOnly(2026, 1, 1));
        var number = TelephoneNumber.SmartNumberFromPool(customerId!.Value, $"+33899{Random.Shared.Next(100000, 999999)}", profile, "+33145678912", RoutingMode.Pstn, DateTimeOffset.UtcNow).Value!;
        db.Numbers.Add(number);
        await db.SaveChangesAsync();
        calls(new RatedCalls(db, customerId.Value), number);
        await db.SaveChangesAsync();
        return (email, key, customerId.Value);
    }

    private static string Row(string html, string testId)
    {
        var text = Spaces(html);
        var match = RowPattern().Match(text, Math.Max(0, text.IndexOf($"<tr data-testid=\"{testId}\"", StringComparison.Ordinal)));
        Assert.True(match.Success, testId);
        return string.Join(" | ", CellPattern().Matches(match.Value).Select(m => m.Groups[1].Value.Trim()));
    }

    [Fact]
    public async Task The_home_page_shows_todays_yesterdays_and_the_months_figures_and_revenue_of_its_own_account_only()
    {
        var (today, yesterday, sameMonth) = Moments();
        var (email, key, _) = await HolderAsync("holder", (calls, n) =>
        {
            calls.Add(n.Id, n.E164, Loyal, today, 90, 1.35m, 0.8775m);
            calls.Add(n.Id, n.E164, Occasional, today, 0);
            calls.Add(n.Id, n.E164, Loyal, yesterday, 600, 9.00m, 5.85m);
        });
        await HolderAsync("other", (calls, n) =>
        {
            for (var i = 0; i < 7; i++)
            {
                calls.Add(n.Id, n.E164, Stranger, today, 1200, 18.00m, 11.70m);
            }
        });

        var browser = factory.Browser();
        await browser.SignInWithCodeAsync(email, key);
        var html = FormClient.Text(await browser.GetPageAsync("/CustomerArea"));

        Assert.Contains("Chiffres clés", html, StringComparison.Ordinal);
        Assert.Equal("Aujourd'hui | 2 | 1 | 1,5", Row(html, "calls-today"));
        Assert.Equal("Hier | 1 | 0 | 10,0", Row(html, "calls-yesterday"));
        Assert.Equal(sameMonth ? "Ce mois-ci | 3 | 1 | 11,5" : "Ce mois-ci | 2 | 1 | 1,5", Row(html, "calls-month"));
        Assert.Equal("Hier | 5,85 EUR | 9,00 EUR", Row(html, "revenue-yesterday"));
        Assert.Equal(sameMonth ? "Ce mois-ci | 6,73 EUR | 10,35 EUR" : "Ce mois-ci | 0,88 EUR | 1,35 EUR", Row(html, "revenue-month"));
        Assert.Contains("Projection : les chiffres du 1er à aujourd'hui", html, StringComparison.Ordinal);
        Assert.DoesNotContain("11,70", html, StringComparison.Ordinal);

        var english = FormClient.Text(await browser.GetPageAsync("/CustomerArea?lang=en"));
        Assert.Equal("Today | 2 | 1 | 1.5", Row(english, "calls-today"));
        Assert.Contains("Your share (paid out)", english, StringComparison.Ordinal);
        Assert.DoesNotContain(Store.Site.Localization.SiteTexts.MissingMarker, english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Top_200_lists_this_months_and_three_months_callers_of_the_account_only_and_exports_CSV()
    {
        var (today, _, _) = Moments();
        var monthsAgo = today.AddMonths(-2);
        var (email, key, _) = await HolderAsync("top", (calls, n) =>
        {
            calls.Add(n.Id, n.E164, Occasional, today, 60, 0.90m, 0.585m);
            calls.Add(n.Id, n.E164, Loyal, today, 120, 1.80m, 1.17m);
            calls.Add(n.Id, n.E164, Loyal, today, 180, 2.70m, 1.755m);
            calls.Add(n.Id, n.E164, Occasional, monthsAgo, 3000, 45.00m, 29.25m);
        });
        await HolderAsync("rival", (calls, n) => calls.Add(n.Id, n.E164, Stranger, today, 6000, 90.00m, 58.50m));

        var browser = factory.Browser();
        await browser.SignInWithCodeAsync(email, key);
        var home = await browser.GetPageAsync("/CustomerArea");
        Assert.Contains("href=\"/CustomerArea/TopCallers?accountId=", home, StringComparison.Ordinal);

        var month = FormClient.Text(await browser.GetPageAsync("/CustomerArea/TopCallers"));
        Assert.Contains("Top 200 appelants", month, StringComparison.Ordinal);
        var rows = TableRows(month);
        Assert.Equal([$"1 | {Loyal} | 2 | 5,0 | 2,93 EUR | 4,50 EUR", $"2 | {Occasional} | 1 | 1,0 | 0,59 EUR | 0,90 EUR"], rows);
        Assert.DoesNotContain(Stranger, month, StringComparison.Ordinal);

        var quarter = TableRows(FormClient.Text(await browser.GetPageAsync("/CustomerArea/TopCallers?Range=ThreeMonths")));
        Assert.Equal($"1 | {Occasional} | 2 | 51,0 | 29,84 EUR | 45,90 EUR", quarter[0]);

        var csv = await browser.GetAsync("/CustomerArea/TopCallers?handler=Csv&Range=ThreeMonths");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["Rang;Numéro appelant;Appels;Minutes;Votre part;Payé par l'appelant;Devise", $"1;{Occasional};2;51,0;29,84;45,90;EUR", $"2;{Loyal};2;5,0;2,93;4,50;EUR"], lines);

        var english = FormClient.Text(await browser.GetPageAsync("/CustomerArea/TopCallers?lang=en&Order=Revenue"));
        Assert.Contains("Top 200 callers", english, StringComparison.Ordinal);
        Assert.DoesNotContain(Store.Site.Localization.SiteTexts.MissingMarker, english, StringComparison.Ordinal);
    }

    private static List<string> TableRows(string html)
    {
        var body = Spaces(html[html.IndexOf("<tbody>", StringComparison.Ordinal)..html.IndexOf("</tbody>", StringComparison.Ordinal)]);
        return [.. RowPattern().Matches(body).Select(r => string.Join(" | ", CellPattern().Matches(r.Value).Select(m => m.Groups[1].Value.Trim())))];
    }

    private static string Spaces(string html) => html.Replace('\u202F', ' ').Replace('\u00A0', ' ');

    [GeneratedRegex(@"<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
