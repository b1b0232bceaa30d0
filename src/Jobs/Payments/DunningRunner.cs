using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Store.Domain.Billing;
using Store.Domain.Mail;
using Store.Domain.Payments;
using Store.Domain.Persistence;

namespace Store.Jobs.Payments;

/// <summary>What one day of dunning did.</summary>
public sealed record DunningReport(int FirstReminders, int SecondReminders, int Suspended, int Reinstated, int Failed);

/// <summary>
/// Chases unpaid invoices for one day, customer by customer (each in its own transaction with its mails): the
/// reminders the <see cref="DunningSchedule"/> says are due, the suspension of outgoing calls, and the reinstatement
/// of a suspended customer who no longer owes anything late. Run twice the same day, it does nothing more.
/// </summary>
public sealed partial class DunningRunner(IServiceScopeFactory scopes, IOptions<BillingOptions> billing, TimeProvider clock, ILogger<DunningRunner> logger)
{
    public async Task<DunningReport> RunAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        List<Guid> customerIds;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            var lateSince = today.AddDays(-DunningSchedule.FirstReminderDays);
            var late = await db.Receivables.AsNoTracking().Where(r => r.SettledOn == null && r.DueOn <= lateSince).Select(r => r.CustomerId).Distinct().ToListAsync(cancellationToken);
            var suspended = await db.Customers.AsNoTracking().Where(c => c.SuspendedAt != null).Select(c => c.Id).ToListAsync(cancellationToken);
            customerIds = [.. late.Union(suspended).Order()];
        }

        int first = 0, second = 0, suspendedCount = 0, reinstated = 0, failed = 0;
        foreach (var customerId in customerIds)
        {
            try
            {
                var (f, s, susp, rein) = await ChaseAsync(customerId, today, cancellationToken);
                (first, second, suspendedCount, reinstated) = (first + f, second + s, suspendedCount + susp, reinstated + rein);
            }
            catch (DbUpdateException e)
            {
                // A payment arrived meanwhile (the receivable's version moved): tomorrow's run sees the new state.
                failed++;
                NotChased(logger, e, customerId);
            }
        }

        var report = new DunningReport(first, second, suspendedCount, reinstated, failed);
        Chased(logger, today, report.FirstReminders, report.SecondReminders, report.Suspended, report.Reinstated, report.Failed);
        return report;
    }

    private async Task<(int First, int Second, int Suspended, int Reinstated)> ChaseAsync(Guid customerId, DateOnly today, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, cancellationToken);
        var details = LegalDetails.Of(customer);
        var seller = billing.Value.SellerFor(customer.Market);
        var unpaid = await db.Receivables.Where(r => r.CustomerId == customerId && r.SettledOn == null).OrderBy(r => r.DueOn).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        int first = 0, second = 0, suspended = 0, reinstated = 0;
        foreach (var receivable in unpaid)
        {
            switch (DunningSchedule.ReminderDue(receivable, today))
            {
                case DunningStep.FirstReminder:
                    PaymentMail.Enqueue(outbox, PaymentMail.FirstReminderKind, receivable, details, seller);
                    receivable.Reminded(DunningStep.FirstReminder, now);
                    first++;
                    break;
                case DunningStep.SecondReminder:
                    PaymentMail.Enqueue(outbox, PaymentMail.SecondReminderKind, receivable, details, seller);
                    receivable.Reminded(DunningStep.SecondReminder, now);
                    second++;
                    break;
            }
        }

        var suspending = unpaid.FirstOrDefault(r => DunningSchedule.Suspends(r, today));
        if (suspending is not null && customer.Suspend(now))
        {
            PaymentMail.Enqueue(outbox, PaymentMail.SuspensionKind, suspending, details, seller);
            suspended++;
        }
        else if (suspending is null && customer.IsSuspended)
        {
            // Settled by a credit note or a payment recorded elsewhere: lift the suspension now.
            var last = await db.Receivables.Where(r => r.CustomerId == customerId && r.SettledOn != null).OrderByDescending(r => r.SettledOn).FirstOrDefaultAsync(cancellationToken);
            customer.Reinstate();
            if (last is not null)
            {
                PaymentMail.Enqueue(outbox, PaymentMail.ReinstatementKind, last, details, seller);
            }

            reinstated++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (first, second, suspended, reinstated);
    }

    [LoggerMessage(LogLevel.Information, "Dunning of {Day}: {First} first reminders, {Second} second reminders, {Suspended} suspended, {Reinstated} reinstated, {Failed} failed")]
    private static partial void Chased(ILogger logger, DateOnly day, int first, int second, int suspended, int reinstated, int failed);

    [LoggerMessage(LogLevel.Warning, "Dunning: customer {CustomerId} changed meanwhile and is chased again tomorrow")]
    private static partial void NotChased(ILogger logger, Exception exception, Guid customerId);
}
