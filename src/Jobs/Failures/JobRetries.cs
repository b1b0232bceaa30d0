using Microsoft.Extensions.Configuration;
using Quartz;

namespace Store.Jobs.Failures;

/// <summary>
/// How a failed job is retried: <c>Store:Jobs:Retries</c> times (5), the first after
/// <c>Store:Jobs:RetryFirstSeconds</c> (60), each wait twice the one before, at most an hour. Every job of Store is
/// safe to run again (each one skips what an earlier attempt finished), so one policy serves them all.
/// </summary>
public static class JobRetries
{
    public static RetryPolicy From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var retries = configuration.GetValue("Store:Jobs:Retries", 5);
        if (retries <= 0)
        {
            return RetryPolicy.None;
        }

        var first = TimeSpan.FromSeconds(configuration.GetValue("Store:Jobs:RetryFirstSeconds", 60d));
        return RetryPolicy.Exponential(retries, first, 2, TimeSpan.FromHours(1));
    }
}
