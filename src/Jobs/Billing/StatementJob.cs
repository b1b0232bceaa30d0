using Quartz;
using Store.Domain;
using Store.Domain.Billing;

namespace Store.Jobs.Billing;

/// <summary>
/// On the 1st at 03:00 Paris time, issues and mails the Smart Number statements of the month that ended (the
/// "period" data, "2026-03", names another month). One at a time; a run again issues only what is missing.
/// </summary>
[DisallowConcurrentExecution]
public sealed class StatementJob(StatementRunner runner, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("smart-number-statements", "billing");

    public const string PeriodKey = "period";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var period = context.MergedJobDataMap.TryGetString(PeriodKey, out var text) && !string.IsNullOrEmpty(text)
            ? BillingPeriod.Parse(text)
            : BillingPeriod.Of(LocalTime.Today(clock)).Previous;
        var result = await runner.RunAsync(period, cancellationToken);
        if (result.Failed > 0)
        {
            throw new JobExecutionException($"Smart Number statements {period}: {result.Failed} holder(s) could not be issued; the retry issues only those.");
        }
    }

    /// <summary>Issues the statements of <paramref name="period"/> now (those already issued are kept as they are).</summary>
    public static async Task TriggerAsync(ISchedulerFactory schedulers, BillingPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedulers);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(Key, new JobDataMap { [PeriodKey] = period.ToString() }, cancellationToken);
    }
}
