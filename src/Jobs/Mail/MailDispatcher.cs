using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Store.Domain.Mail;
using Store.Domain.Persistence;

namespace Store.Jobs.Mail;

/// <summary>
/// Sends the mails of the outbox that are due, oldest first, a few at a time. Each mail is claimed in the
/// database before it is sent, so that dispatchers in several processes never send the same mail twice.
/// Wakes when this process queues a mail, and otherwise looks every two seconds.
/// </summary>
public sealed class MailDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    MailSignal signal,
    TimeProvider clock,
    IOptions<MailOptions> options,
    ILogger<MailDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 10;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);

    /// <summary>A mail is not started when its claim has less than this left, so that no claim runs out during a send.</summary>
    private static readonly TimeSpan ClaimMargin = TimeSpan.FromSeconds(45);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The mail dispatcher could not read the outbox; it tries again in {Delay}.", PollInterval);
                wait = PollInterval;
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await signal.WaitAsync(wait, clock, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Sends one batch and returns how long to wait before the next look.</summary>
    private async Task<TimeSpan> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var claimedUntil = clock.GetUtcNow() + ClaimDuration;
        var batch = await ClaimDueAsync(db, claimedUntil, cancellationToken);
        var done = 0;
        try
        {
            foreach (var mail in batch)
            {
                if (clock.GetUtcNow() > claimedUntil - ClaimMargin)
                {
                    break;
                }

                await SendAsync(db, mail, cancellationToken);
                done++;
            }
        }
        finally
        {
            if (done < batch.Count)
            {
                await ReleaseAsync(db, batch.Skip(done).Select(m => m.Id).ToList(), claimedUntil);
            }
        }

        return batch.Count == BatchSize ? TimeSpan.Zero : await UntilNextDueAsync(db, cancellationToken);
    }

    private static Expression<Func<OutboxMail, bool>> Due(DateTimeOffset now) =>
        m => m.SentAt == null && m.AbandonedAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil <= now);

    /// <summary>Claims each due mail with a conditional update: only one dispatcher's update can match a given mail.</summary>
    private async Task<List<OutboxMail>> ClaimDueAsync(StoreDb db, DateTimeOffset claimedUntil, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.OutboxMails.Where(Due(now)).OrderBy(m => m.CreatedAt).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var claimed = new List<Guid>(candidates.Count);
        foreach (var id in candidates)
        {
            var updated = await db.OutboxMails.Where(m => m.Id == id).Where(Due(now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, claimedUntil), cancellationToken);
            if (updated == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed.Count == 0
            ? []
            : await db.OutboxMails.Include(m => m.Attachments).Where(m => claimed.Contains(m.Id)).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
    }

    private async Task SendAsync(StoreDb db, OutboxMail mail, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(mail, cancellationToken);
            mail.Sent(clock.GetUtcNow());
            logger.LogInformation("Mail {MailId} ({Kind}) sent.", mail.Id, mail.Kind);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            mail.Failed(e.Message, clock.GetUtcNow(), TimeSpan.FromSeconds(options.Value.RetryBaseSeconds));
            if (mail.AbandonedAt is null)
            {
                logger.LogWarning(e, "Mail {MailId} ({Kind}) failed at attempt {Attempt}; next attempt at {NextAttemptAt}.", mail.Id, mail.Kind, mail.Attempts, mail.NextAttemptAt);
            }
            else
            {
                logger.LogError(e, "Mail {MailId} ({Kind}) is abandoned after {Attempts} attempts.", mail.Id, mail.Kind, mail.Attempts);
            }
        }

        mail.Release();
        try
        {
            // Not cancelled by the host's stop: the mail has gone, and forgetting that would send it again.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Mail {MailId}: the outcome of the attempt could not be saved; the mail is tried again when its claim runs out.", mail.Id);
            db.Entry(mail).State = EntityState.Detached;
        }
    }

    /// <summary>Gives back the mails of a batch that were not attempted (the host stops, or the claim runs short).</summary>
    private async Task ReleaseAsync(StoreDb db, List<Guid> ids, DateTimeOffset claimedUntil)
    {
        try
        {
            await db.OutboxMails.Where(m => ids.Contains(m.Id) && m.ClaimedUntil == claimedUntil)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Mails {MailIds} could not be released; they are taken again when their claim runs out.", ids);
        }
    }

    private async Task<TimeSpan> UntilNextDueAsync(StoreDb db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var next = await db.OutboxMails
            .Where(m => m.SentAt == null && m.AbandonedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil <= now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => (DateTimeOffset?)m.NextAttemptAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (next is null)
        {
            return PollInterval;
        }

        var wait = next.Value - now;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > PollInterval ? PollInterval : wait;
    }
}
