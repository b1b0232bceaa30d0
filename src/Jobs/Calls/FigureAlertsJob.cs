using Quartz;

namespace Store.Jobs.Calls;

/// <summary>
/// The customers' e-mail alerts (001): every morning at the set hour (07:00 Paris time) the daily figures and the
/// "revenue below" thresholds of yesterday, and every few minutes the thresholds today's calls cross. Each alert is
/// mailed once a day however often it runs; a failure fails the run, so Quartz and the logs know.
/// </summary>
[DisallowConcurrentExecution]
public sealed class FigureAlertsJob(FigureAlertRunner runner, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("figure-alerts", "calls");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.RunAsync(clock.GetUtcNow(), cancellationToken);
}
