using Quartz;

namespace Store.Jobs.Payments;

/// <summary>Every minute when Stripe is configured: charges issued invoices to saved methods and sends the refunds of credit notes.</summary>
[DisallowConcurrentExecution]
public sealed class StripeCollectionJob(StripeCollector collector) : IJob
{
    public static readonly JobKey Key = new("stripe-collection", "payments");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await collector.RunAsync(cancellationToken);
}
