using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Store.Domain;
using Store.Domain.Calls.Alerts;
using Store.Domain.Calls.Figures;
using Store.Domain.Mail;
using Store.Domain.Persistence;

namespace Store.Jobs.Calls;

/// <summary>When the morning mails go (the daily figures, "revenue below"), local time: <c>Store:Jobs:DailyFiguresHour</c>, 7 by default.</summary>
public sealed record FigureAlertSettings(int MorningHour)
{
    public TimeSpan Morning => TimeSpan.FromHours(MorningHour);
}

/// <summary>What an alerts run did.</summary>
public sealed record FigureAlertRunResult(int Alerts, int Told, int AlreadyTold);

/// <summary>
/// Evaluates every alert against the figures of yesterday and today (summed in the database per number and day),
/// and for each one due records its notice (alert, day) with its mails in one transaction. The notice's unique key makes
/// a second run, or another jobs process, skip what was told. Alerts that fail do not stop the others, but the run
/// then throws with all their errors.
/// </summary>
public sealed class FigureAlertRunner(IServiceScopeFactory scopes, FigureAlertSettings settings, TimeProvider clock, ILogger<FigureAlertRunner> logger)
{
    public async Task<FigureAlertRunResult> RunAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        List<FigureAlert> alerts;
        Dictionary<Guid, Account> accounts;
        List<DueAlert> due = [];
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            alerts = await db.FigureAlerts.AsNoTracking().Include(a => a.Recipients).ToListAsync(cancellationToken);
            var customerIds = alerts.Select(a => a.CustomerId).Distinct().ToList();
            accounts = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id))
                .Select(c => new Account(c.Id, c.LegalName, c.TimeZone, c.Currency)).ToDictionaryAsync(c => c.Id, cancellationToken);
            foreach (var zone in accounts.Values.GroupBy(a => a.TimeZone))
            {
                var localNow = LocalTime.In(now, zone.Key);
                var today = DateOnly.FromDateTime(localNow.DateTime);
                var ids = zone.Select(a => a.Id).ToList();
                var figures = await CallFigures.ByNumberAndDayAsync(db, ids, today.AddDays(-1), today, cancellationToken);
                var alertIds = alerts.Where(a => ids.Contains(a.CustomerId)).Select(a => a.Id).ToList();
                var told = (await db.AlertNotices.AsNoTracking().Where(n => alertIds.Contains(n.AlertId) && n.Day >= today.AddDays(-1))
                    .Select(n => new { n.AlertId, n.Day }).ToListAsync(cancellationToken)).Select(n => (n.AlertId, n.Day)).ToHashSet();
                foreach (var account in zone)
                {
                    var mine = figures.Where(f => f.CustomerId == account.Id).ToList();
                    account.Figures = mine;
                    due.AddRange(AlertCheck.Due(alerts.Where(a => a.CustomerId == account.Id), (number, day) => DayFigures.Sum(mine.Where(f => f.Day == day && (number is null || f.NumberId == number)).Select(f => f.Figures)), localNow, settings.Morning, told));
                }
            }
        }

        int toldNow = 0, already = 0;
        var errors = new List<Exception>();
        foreach (var alert in due)
        {
            try
            {
                if (await TellAsync(alert, accounts[alert.Alert.CustomerId], cancellationToken))
                {
                    toldNow++;
                }
                else
                {
                    already++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "E-mail alert {AlertId} of {CustomerId} for {Day} failed.", alert.Alert.Id, alert.Alert.CustomerId, alert.Day);
                errors.Add(e);
            }
        }

        logger.LogInformation("E-mail alerts: {Alerts} set, {Told} mailed, {Already} already mailed, {Failed} failed.", alerts.Count, toldNow, already, errors.Count);
        if (errors.Count > 0)
        {
            throw new AggregateException($"{errors.Count} e-mail alert(s) could not be mailed.", errors);
        }

        return new FigureAlertRunResult(alerts.Count, toldNow, already);
    }

    /// <summary>Records the notice and queues the mails together; false when another run already told this alert for the day.</summary>
    private async Task<bool> TellAsync(DueAlert due, Account account, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var recipients = due.Alert.Recipients.Select(r => r.UserId).ToList();

        // Only people still in the account, each in their own language.
        var readers = await (from user in db.Users.AsNoTracking()
                             where recipients.Contains(user.Id) && user.Email != null
                                 && db.Memberships.Any(m => m.UserId == user.Id && m.CustomerId == account.Id)
                             select new AlertReader(user.Email!, user.Language)).ToListAsync(cancellationToken);
        if (readers.Count == 0)
        {
            return false;
        }

        var numberIds = account.Figures.Select(f => f.NumberId).Append(due.Alert.NumberId ?? Guid.Empty).Distinct().ToList();
        var numbers = await db.Numbers.AsNoTracking().Where(n => numberIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.E164, cancellationToken);
        var byNumber = account.Figures.Where(f => f.Day == due.Day).Select(f => (f.NumberId, f.Figures)).ToList();
        AlertMail.Enqueue(scope.ServiceProvider.GetRequiredService<MailOutbox>(), due, new AlertContext(account.Name, account.Currency, numbers, byNumber), readers);
        db.AlertNotices.Add(new AlertNotice(due.Alert.Id, due.Day, due.Summary, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another process told it in the meantime? Its notice and mails stand, ours were not saved.
            if (await ToldAsync(due, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    private async Task<bool> ToldAsync(DueAlert due, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StoreDb>().AlertNotices.AnyAsync(n => n.AlertId == due.Alert.Id && n.Day == due.Day, cancellationToken);
    }

    private sealed record Account(Guid Id, string Name, string TimeZone, Currency Currency)
    {
        public IReadOnlyList<NumberDay> Figures { get; set; } = [];
    }
}
