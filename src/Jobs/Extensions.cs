using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Store.Jobs.Mail;

namespace Store.Jobs;

public static class Extensions
{
    /// <summary>
    /// Runs the scheduler of Store's background work. Jobs register themselves here as their areas arrive
    /// (rating, billing runs, mail, payments, dunning); the scheduler waits for running jobs at shutdown.
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddQuartz(properties: new System.Collections.Specialized.NameValueCollection { ["quartz.scheduler.instanceName"] = "Store" }, q => { });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddHostedService<MailDispatcher>();
        return builder;
    }
}
