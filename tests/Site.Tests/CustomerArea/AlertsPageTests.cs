using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain.Calls.Alerts;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Site.Tests.Identity;
using Store.Testing;

namespace Store.Site.Tests.CustomerArea;

/// <summary>The e-mail alerts page of the customer area, over real HTTP: what an owner sets is what the alerts job reads.</summary>
public sealed class AlertsPageTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task An_owner_turns_the_daily_figures_on_adds_and_removes_a_threshold_and_a_wrong_threshold_is_refused_without_change()
    {
        var email = $"alerts.{Guid.NewGuid():N}@example.fr";
        var (user, key, customerId) = await factory.CreateEnrolledUserAsync(email, MemberRole.Owner);
        var userId = user.Id;
        var browser = factory.Browser();
        await browser.SignInWithCodeAsync(email, key);

        var page = FormClient.Text(await browser.GetPageAsync("/CustomerArea/Alerts"));
        Assert.Contains("Alertes e-mail", page, StringComparison.Ordinal);
        Assert.Contains("Aucun seuil pour l'instant.", page, StringComparison.Ordinal);

        var daily = FormClient.Text(await (await browser.SubmitToAsync("/CustomerArea/Alerts", "/CustomerArea/Alerts?handler=Daily", new Dictionary<string, string>
        {
            ["DailyOn"] = "true",
            ["DailyRecipients"] = userId.ToString(),
        })).Content.ReadAsStringAsync());
        Assert.Contains("Les chiffres du jour vous seront envoyés chaque matin.", daily, StringComparison.Ordinal);

        var wrong = FormClient.Text(await (await browser.SubmitToAsync("/CustomerArea/Alerts", "/CustomerArea/Alerts?handler=Add", new Dictionary<string, string>
        {
            ["Kind"] = nameof(AlertKind.RevenueBelow),
            ["Threshold"] = "cinquante",
            ["Recipients"] = userId.ToString(),
        })).Content.ReadAsStringAsync());
        Assert.Contains("Saisissez un nombre, par exemple 150 ou 49,90.", wrong, StringComparison.Ordinal);

        var added = FormClient.Text(await (await browser.SubmitToAsync("/CustomerArea/Alerts", "/CustomerArea/Alerts?handler=Add", new Dictionary<string, string>
        {
            ["Kind"] = nameof(AlertKind.RevenueBelow),
            ["Threshold"] = "49,90",
            ["Recipients"] = userId.ToString(),
        })).Content.ReadAsStringAsync());
        Assert.Contains("L'alerte est ajoutée.", added, StringComparison.Ordinal);
        Assert.Contains("Chiffre d'affaires de la journée en dessous de 49,90", added.Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Contains(email, added, StringComparison.Ordinal);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            var alerts = await db.FigureAlerts.AsNoTracking().Include(a => a.Recipients).Where(a => a.CustomerId == customerId).OrderBy(a => a.Kind).ToListAsync();
            Assert.Equal([AlertKind.DailyFigures, AlertKind.RevenueBelow], alerts.Select(a => a.Kind).Order());
            var threshold = alerts.Single(a => a.Kind == AlertKind.RevenueBelow);
            Assert.Equal(49.90m, threshold.Threshold);
            Assert.Null(threshold.NumberId);
            Assert.Equal(userId, Assert.Single(threshold.Recipients).UserId);
        }

        var english = FormClient.Text(await browser.GetPageAsync("/CustomerArea/Alerts?lang=en"));
        Assert.DoesNotContain(Store.Site.Localization.SiteTexts.MissingMarker, english, StringComparison.Ordinal);

        var deleted = FormClient.Text(await (await browser.SubmitToAsync("/CustomerArea/Alerts?lang=fr", "/CustomerArea/Alerts?handler=Delete", new Dictionary<string, string>())).Content.ReadAsStringAsync());
        Assert.Contains("L'alerte est supprimée.", deleted, StringComparison.Ordinal);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            Assert.Equal([AlertKind.DailyFigures], await db.FigureAlerts.AsNoTracking().Where(a => a.CustomerId == customerId).Select(a => a.Kind).ToListAsync());
        }
    }
}
