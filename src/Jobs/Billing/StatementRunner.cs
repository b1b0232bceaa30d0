using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Store.Domain;
using Store.Domain.Billing;
using Store.Domain.Billing.Statements;
using Store.Domain.Mail;
using Store.Domain.Persistence;

namespace Store.Jobs.Billing;

/// <summary>What a statement run did.</summary>
public sealed record StatementRunResult(int Holders, int Issued, int AlreadyIssued, int Failed);

/// <summary>
/// Issues the Smart Number statements of one month: for each holder with premium-number charges, loads them, calls
/// the pure <see cref="SmartNumberStatements"/>, and issues the statement with its mail in one transaction. Run again,
/// it skips the holders already done (and the unique index keeps a second process from issuing twice).
/// </summary>
public sealed class StatementRunner(IServiceScopeFactory scopes, IOptions<BillingOptions> options, TimeProvider clock, ILogger<StatementRunner> logger)
{
    public async Task<StatementRunResult> RunAsync(BillingPeriod period, CancellationToken cancellationToken = default)
    {
        var key = period.ToString();
        List<Guid> holders;
        HashSet<Guid> done;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            holders = await db.CallCharges.AsNoTracking()
                .Where(c => c.Period == key && (c.CallerAmount != 0m || c.RevenueShare != 0m))
                .Select(c => c.CustomerId).Distinct().ToListAsync(cancellationToken);
            done = (await db.Statements.AsNoTracking().Where(s => s.Period == key).Select(s => s.CustomerId).ToListAsync(cancellationToken)).ToHashSet();
        }

        int issued = 0, failed = 0;
        foreach (var holder in holders.Where(h => !done.Contains(h)).Order())
        {
            try
            {
                if (await IssueAsync(holder, period, cancellationToken))
                {
                    issued++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
                logger.LogError(e, "Smart Number statement {Period}: holder {CustomerId} failed.", key, holder);
            }
        }

        logger.LogInformation("Smart Number statements {Period}: {Holders} holders, {Issued} issued, {Done} already issued, {Failed} failed.", key, holders.Count, issued, done.Count, failed);
        return new(holders.Count, issued, holders.Count(done.Contains), failed);
    }

    private async Task<bool> IssueAsync(Guid holderId, BillingPeriod period, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var key = period.ToString();
        var rows = await (from c in db.CallCharges.AsNoTracking()
                          join r in db.CallRecords.AsNoTracking() on c.CallRecordId equals r.Id
                          where c.CustomerId == holderId && c.Period == key && (c.CallerAmount != 0m || c.RevenueShare != 0m)
                          select new { r.NumberId, r.Tariff, c.Kind, c.Seconds, c.CallerAmount, c.RevenueShare, c.Currency }).ToListAsync(cancellationToken);
        var numberIds = rows.Select(r => r.NumberId).Distinct().ToList();
        var numbers = await db.Numbers.AsNoTracking().Where(n => numberIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);
        var draft = SmartNumberStatements.Build(holderId, period, rows.Select(r =>
        {
            var number = numbers[r.NumberId];
            return new StatementCharge(r.NumberId, number.E164, number.SmartNumber?.Payout ?? Domain.Catalog.PayoutKind.Standard, r.Tariff, r.Kind == Domain.Rating.ChargeKind.Charge, r.Seconds, r.CallerAmount, r.RevenueShare, r.Currency);
        }));
        if (draft is null)
        {
            return false;
        }

        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == holderId, cancellationToken);
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        var now = clock.GetUtcNow();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var number = await DocumentSequence.NextAsync(db, Statement.Series, LocalTime.In(now, customer.TimeZone).Year, cancellationToken);
                var statement = Statement.Issue(draft, number, LegalDetails.Of(customer), options.Value.SellerFor(customer.Market), now);
                db.Statements.Add(statement);
                StatementMail.Enqueue(outbox, statement);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                // Another process issued it in the meantime? The unique index kept it single.
                if (await AlreadyIssuedAsync(holderId, key, cancellationToken))
                {
                    return false;
                }

                throw;
            }
            finally
            {
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }
        });
    }

    private async Task<bool> AlreadyIssuedAsync(Guid holderId, string period, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StoreDb>().Statements.AnyAsync(s => s.CustomerId == holderId && s.Period == period, cancellationToken);
    }
}
