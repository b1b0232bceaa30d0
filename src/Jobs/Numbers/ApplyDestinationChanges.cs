using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;
using Store.Domain.Numbers.Routing;
using Store.Domain.Persistence;

namespace Store.Jobs.Numbers;

/// <summary>
/// Applies the destination changes customers planned, once their moment has come. Reads already show a due change
/// (see TelephoneNumber.DestinationAt); this job writes it down so the platform's routing export and history agree.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ApplyDestinationChanges(StoreDb db, TimeProvider clock, ILogger<ApplyDestinationChanges> logger) : IJob
{
    public static readonly JobKey Key = new("apply-destination-changes", "numbers");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.ScheduledDestinationChanges
            .Where(c => c.Status == ScheduledChangeStatus.Pending && c.EffectiveAt <= now)
            .Select(c => c.NumberId).Distinct().OrderBy(id => id).Take(500)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return;
        }

        var numbers = await db.Numbers.Include(n => n.ScheduledChanges).Where(n => due.Contains(n.Id)).ToListAsync(cancellationToken);
        var applied = numbers.Sum(n => n.ApplyDueChanges(now));
        await db.SaveChangesAsync(cancellationToken);
        Applied(logger, applied, numbers.Count);
    }

    [LoggerMessage(LogLevel.Information, "Applied {Count} planned destination changes on {Numbers} numbers")]
    private static partial void Applied(ILogger logger, int count, int numbers);
}
