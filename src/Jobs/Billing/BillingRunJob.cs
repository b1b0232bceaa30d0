using Quartz;
using Store.Domain;
using Store.Domain.Billing;

namespace Store.Jobs.Billing;

/// <summary>
/// The monthly billing run, on the 1st at 02:00 Paris time, for the month that starts; the back office can start
/// it for a given month with the "period" data ("2026-03"). One at a time.
/// </summary>
[DisallowConcurrentExecution]
public sealed class BillingRunJob(BillingRunner runner, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("billing-run", "billing");

    public const string PeriodKey = "period";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var period = context.MergedJobDataMap.TryGetString(PeriodKey, out var text) && !string.IsNullOrEmpty(text)
            ? BillingPeriod.Parse(text)
            : BillingPeriod.Of(LocalTime.Today(clock));
        var run = await runner.RunAsync(period, cancellationToken: cancellationToken);
        if (run.CustomersFailed > 0)
        {
            // The others are invoiced; the retry bills only those still missing (one invoice each, no gap).
            throw new JobExecutionException($"Billing run {run.Period}: {run.CustomersFailed} customer(s) could not be invoiced; last error {run.LastError}");
        }
    }

    /// <summary>Starts a run for <paramref name="period"/> now.</summary>
    public static Task TriggerAsync(ISchedulerFactory schedulers, BillingPeriod period, CancellationToken cancellationToken = default) =>
        TriggerCoreAsync(schedulers, period, cancellationToken);

    private static async Task TriggerCoreAsync(ISchedulerFactory schedulers, BillingPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedulers);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(Key, new JobDataMap { [PeriodKey] = period.ToString() }, cancellationToken);
    }
}
