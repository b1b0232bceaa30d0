using Quartz;
using Store.Domain;

namespace Store.Jobs.Payments;

/// <summary>Dunning, every morning at 08:00 Paris time: reminders, suspensions and reinstatements of the day.</summary>
[DisallowConcurrentExecution]
public sealed class DunningJob(DunningRunner runner, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("dunning", "payments");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.RunAsync(LocalTime.Today(clock), cancellationToken);
}
