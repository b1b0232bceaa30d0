using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Store.Domain;
using Store.Domain.Calls.Alerts;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Identity;
using Store.Domain.Numbers;
using Store.Jobs.Calls;
using Store.Testing;

namespace Store.Jobs.Tests.Calls;

public sealed class FigureAlertJobTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_daily_figures_go_to_each_person_in_their_language_and_a_crossed_threshold_is_mailed_once_however_often_the_job_runs()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var world = await JobsWorld.CreateAsync();
        var settings = new Dictionary<string, string?>(JobsWorld.Smtp(smtp.Port)) { ["Store:Jobs:DailyFiguresHour"] = "0" };
        var host = await world.StartHostAsync(settings);
        var second = await world.StartHostAsync(settings);

        // Yesterday evening and earlier today, Paris time.
        var now = DateTimeOffset.UtcNow;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(LocalTime.Paris);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = new DateTimeOffset(local.Date, zone.GetUtcOffset(local.Date));
        var today = midnight + ((now - midnight) / 2);
        var yesterday = midnight.AddHours(-3);
        var yesterdayText = DateOnly.FromDateTime(local.Date.AddDays(-1)).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var todayText = DateOnly.FromDateTime(local.Date).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

        await using (var db = world.OpenDatabase())
        {
            var customer = new Customer("Voyance Lune SARL", Market.FR, new Address("3 rue de la Lune", null, "75002", "Paris", "FR"), "compta@lune.example", now.AddDays(-30));
            db.Customers.Add(customer);
            var owner = new StoreUser { Id = Guid.NewGuid(), UserName = "owner@lune.example", Email = "owner@lune.example", Language = "fr", CreatedAt = now };
            var admin = new StoreUser { Id = Guid.NewGuid(), UserName = "admin@lune.example", Email = "admin@lune.example", Language = "en", CreatedAt = now };
            db.Users.AddRange(owner, admin);
            db.Memberships.AddRange(Membership.InCustomer(owner.Id, customer.Id, MemberRole.Owner, now), Membership.InCustomer(admin.Id, customer.Id, MemberRole.Administrator, now));
            var profile = new SmartNumberProfile("090x", TariffKind.PerMinute, 0.90m, PayoutKind.Standard, "voyance", false, new DateOnly(2026, 1, 1));
            var number = TelephoneNumber.SmartNumberFromPool(customer.Id, "+33899123456", profile, "+33145678912", RoutingMode.Pstn, now).Value!;
            db.Numbers.Add(number);
            await db.SaveChangesAsync();

            var calls = new RatedCalls(db, customer.Id);
            calls.Add(number.Id, number.E164, "+33611111111", yesterday, 120, 1.80m, 1.17m);
            calls.Add(number.Id, number.E164, "+33622222222", yesterday.AddMinutes(5), 240, 3.60m, 2.34m);
            calls.Add(number.Id, number.E164, "+33633333333", yesterday.AddMinutes(10), 0);
            for (var i = 0; i < 4; i++)
            {
                calls.Add(number.Id, number.E164, "+33644444444", today.AddSeconds(-i), 60, 0.90m, 0.585m);
            }

            var people = new HashSet<Guid> { owner.Id, admin.Id };
            db.FigureAlerts.Add(FigureAlert.Create(customer.Id, AlertKind.DailyFigures, null, 0m, [owner.Id, admin.Id], people, now).Value!);
            db.FigureAlerts.Add(FigureAlert.Create(customer.Id, AlertKind.CallsAbove, number.Id, 3m, [owner.Id], people, now).Value!);
            db.FigureAlerts.Add(FigureAlert.Create(customer.Id, AlertKind.CallsAbove, null, 10m, [owner.Id], people, now).Value!);
            await db.SaveChangesAsync();
        }

        // Two jobs processes at once, one of them again, and the scheduled job twice.
        await Task.WhenAll(host.Services.GetRequiredService<FigureAlertRunner>().RunAsync(now), second.Services.GetRequiredService<FigureAlertRunner>().RunAsync(now));
        await host.Services.GetRequiredService<FigureAlertRunner>().RunAsync(now);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(FigureAlertsJob.Key);
        await scheduler.TriggerJob(FigureAlertsJob.Key);

        var french = await smtp.WaitForMessageAsync(m => m.Subject == $"Vos chiffres du {yesterdayText} — Voyance Lune SARL", Timeout);
        Assert.Equal("owner@lune.example", Assert.Single(french.To.Mailboxes).Address);
        Assert.Contains("Voici les chiffres de Voyance Lune SARL pour le " + yesterdayText, french.TextBody, StringComparison.Ordinal);
        Assert.Contains("Appels : 3 (dont 1 non répondus)", french.TextBody, StringComparison.Ordinal);
        Assert.Contains("Minutes : 6,0", french.TextBody, StringComparison.Ordinal);
        Assert.Contains("Votre part (reversée, HT) : 3,51 EUR", french.TextBody, StringComparison.Ordinal);
        Assert.Contains("Payé par les appelants (HT) : 5,40 EUR", french.TextBody, StringComparison.Ordinal);
        Assert.Contains("+33899123456 : 3 appels, 1 non répondus, 6,0 min, 3,51 EUR", french.TextBody, StringComparison.Ordinal);

        var english = await smtp.WaitForMessageAsync(m => m.Subject == $"Your figures for {yesterdayText} — Voyance Lune SARL", Timeout);
        Assert.Equal("admin@lune.example", Assert.Single(english.To.Mailboxes).Address);
        Assert.Contains("Calls: 3 (1 missed)", english.TextBody, StringComparison.Ordinal);
        Assert.Contains("Your share (paid out, excl. VAT): EUR 3.51", english.TextBody, StringComparison.Ordinal);

        var threshold = await smtp.WaitForMessageAsync(m => m.Subject == $"Alerte : plus de 3 appels le {todayText} — Voyance Lune SARL", Timeout);
        Assert.Equal("owner@lune.example", Assert.Single(threshold.To.Mailboxes).Address);
        Assert.Contains("Le seuil que vous avez fixé est franchi le " + todayText + " (+33899123456)", threshold.TextBody, StringComparison.Ordinal);
        Assert.Contains("Appels : 4 (dont 0 non répondus)", threshold.TextBody, StringComparison.Ordinal);

        // Everything queued is sent, and nothing was queued twice: the three mails, once each.
        await WaitUntilAllSentAsync(world);
        await scheduler.TriggerJob(FigureAlertsJob.Key);
        await host.Services.GetRequiredService<FigureAlertRunner>().RunAsync(now);
        await WaitUntilAllSentAsync(world);
        Assert.Equal(3, smtp.Messages.Count);
        await using var read = world.OpenDatabase();
        Assert.Equal(2, await read.AlertNotices.CountAsync());
        Assert.Equal(3, await read.OutboxMails.CountAsync(m => m.Kind == AlertMail.DailyKind || m.Kind == AlertMail.ThresholdKind));
    }

    private static async Task WaitUntilAllSentAsync(JobsWorld world)
    {
        // Let the scheduled runs finish, then wait for the dispatcher to empty the outbox.
        await Task.Delay(500);
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            await using var db = world.OpenDatabase();
            if (!await db.OutboxMails.AnyAsync(m => m.SentAt == null && m.AbandonedAt == null))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Mails were still waiting in the outbox.");
            }

            await Task.Delay(100);
        }
    }
}
