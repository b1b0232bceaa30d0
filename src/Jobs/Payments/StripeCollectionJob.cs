using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Store.Jobs.Payments;

/// <summary>
/// Every minute when Stripe is configured: charges issued invoices to saved methods and sends the refunds of credit
/// notes. The schedule is kept in the database, so a process started without Stripe settings finds it still planned:
/// the job then removes itself instead of failing every minute.
/// </summary>
[DisallowConcurrentExecution]
public sealed class StripeCollectionJob(IServiceProvider services) : IJob
{
    public static readonly JobKey Key = new("stripe-collection", "payments");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (services.GetService<StripeCollector>() is not { } collector)
        {
            await context.Scheduler.DeleteJob(Key, cancellationToken);
            return;
        }

        await collector.RunAsync(cancellationToken);
    }
}
