using Microsoft.Extensions.Logging;
using Quartz;
using Store.Domain.Billing;
using Store.Domain.Rating;

namespace Store.Jobs.Rating;

/// <summary>
/// Re-rates a month after a catalog correction, started from the back office with the "period" data ("2025-03"):
/// every customer with a subscription on a corrected version, or only the "customer" given. Safe to run again: a
/// month already re-rated gets no new adjustment. One at a time.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class RerateMonthJob(MonthRerating rerating, ILogger<RerateMonthJob> logger) : IJob
{
    public static readonly JobKey Key = new("rerate-month", "rating");

    public const string PeriodKey = "period";

    public const string CustomerKey = "customer";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        if (!data.TryGetString(PeriodKey, out var text) || string.IsNullOrEmpty(text))
        {
            throw new JobExecutionException("Re-rating needs the month to re-rate (\"period\": \"2025-03\").");
        }

        var period = BillingPeriod.Parse(text).ToString();
        IReadOnlyList<Rerating> results = data.TryGetString(CustomerKey, out var customer) && Guid.TryParse(customer, out var customerId)
            ? [await rerating.RerateAsync(customerId, period, cancellationToken)]
            : await rerating.RerateCorrectedAsync(period, cancellationToken);
        LogDone(logger, period, results.Count, results.Sum(r => r.CallsAdjusted), results.Sum(r => r.Adjustments), results.Sum(r => r.Difference));
    }

    /// <summary>Re-rates <paramref name="period"/> now, for one customer or (null) every customer on a corrected version.</summary>
    public static Task TriggerAsync(ISchedulerFactory schedulers, BillingPeriod period, Guid? customerId = null, CancellationToken cancellationToken = default) =>
        TriggerCoreAsync(schedulers, period, customerId, cancellationToken);

    private static async Task TriggerCoreAsync(ISchedulerFactory schedulers, BillingPeriod period, Guid? customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedulers);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var data = new JobDataMap { [PeriodKey] = period.ToString() };
        if (customerId is { } id)
        {
            data[CustomerKey] = id.ToString();
        }

        await scheduler.TriggerJob(Key, data, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-rating {Period}: {Customers} customer(s), {Calls} call(s) adjusted in {Rows} row(s), {Difference} in all")]
    private static partial void LogDone(ILogger logger, string period, int customers, int calls, int rows, decimal difference);
}
