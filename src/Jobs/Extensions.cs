using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Store.Domain.Persistence;
using Store.Jobs.Billing;
using Store.Jobs.Calls;
using Store.Jobs.Failures;
using Store.Jobs.Mail;
using Store.Jobs.Numbers;
using Store.Jobs.Payments;
using Store.Jobs.Rating;

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
        var destinationSeconds = builder.Configuration.GetValue("Store:Jobs:DestinationChangesSeconds", 15);
        var stripe = builder.Configuration.GetSection(Store.Domain.Payments.StripeOptions.Section).Get<Store.Domain.Payments.StripeOptions>() is { Configured: true };
        var collectionSeconds = builder.Configuration.GetValue("Store:Jobs:StripeCollectionSeconds", 60);
        var alertMinutes = builder.Configuration.GetValue("Store:Jobs:FigureAlertsMinutes", 15);
        var morningHour = Math.Clamp(builder.Configuration.GetValue("Store:Jobs:DailyFiguresHour", 7), 0, 23);
        var database = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddQuartz(properties: new System.Collections.Specialized.NameValueCollection { ["quartz.scheduler.instanceName"] = "Store" }, q =>
        {
            // Jobs, triggers and runs in progress live in Store's own database, so a restart loses no planned
            // work and a crash mid-run leaves the run to be recovered; on SQL Server several jobs processes
            // share the work as a cluster (SQLite is one process by nature: Quartz refuses to cluster on it).
            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(o => o.StoreJobDataAsStrings = true);
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                if (database.IsSqlServer)
                {
                    store.UseSqlServer(database.ConnectionString);
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }
            });
            // A job that throws is retried by the scheduler (the attempts are kept in the job store) and the
            // operators are told; no job swallows its error.
            q.UseDefaultRetryPolicy(JobRetries.From(builder.Configuration));
            q.AddJobListener<JobFailureAlerts>();
            q.AddJob<ApplyDestinationChanges>(j => j.WithIdentity(ApplyDestinationChanges.Key));
            q.AddTrigger(t => t.ForJob(ApplyDestinationChanges.Key).WithIdentity("apply-destination-changes", "numbers").StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(destinationSeconds)).RepeatForever()));
            q.AddJob<BillingRunJob>(j => j.WithIdentity(BillingRunJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(BillingRunJob.Key).WithIdentity("billing-run-monthly", "billing")
                .WithCronSchedule("0 0 2 1 * ?", c => c.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"))));
            q.AddJob<StatementJob>(j => j.WithIdentity(StatementJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(StatementJob.Key).WithIdentity("smart-number-statements-monthly", "billing")
                .WithCronSchedule("0 0 3 1 * ?", c => c.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"))));
            q.AddJob<RerateMonthJob>(j => j.WithIdentity(RerateMonthJob.Key).StoreDurably());
            q.AddJob<DunningJob>(j => j.WithIdentity(DunningJob.Key));
            q.AddTrigger(t => t.ForJob(DunningJob.Key).WithIdentity("dunning-daily", "payments")
                .WithCronSchedule("0 0 8 * * ?", c => c.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"))));
            q.AddJob<FigureAlertsJob>(j => j.WithIdentity(FigureAlertsJob.Key));
            q.AddTrigger(t => t.ForJob(FigureAlertsJob.Key).WithIdentity("figure-alerts-morning", "calls")
                .WithCronSchedule($"0 0 {morningHour} * * ?", c => c.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"))));
            q.AddTrigger(t => t.ForJob(FigureAlertsJob.Key).WithIdentity("figure-alerts-thresholds", "calls").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(alertMinutes)).RepeatForever()));
            if (stripe)
            {
                q.AddJob<StripeCollectionJob>(j => j.WithIdentity(StripeCollectionJob.Key));
                q.AddTrigger(t => t.ForJob(StripeCollectionJob.Key).WithIdentity("stripe-collection", "payments").StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(collectionSeconds)).RepeatForever()));
            }
        });
        builder.Services.AddScoped<BillingRunner>();
        builder.Services.AddScoped<StatementRunner>();
        builder.Services.AddScoped<DunningRunner>();
        builder.Services.AddSingleton(new FigureAlertSettings(morningHour));
        builder.Services.AddSingleton<FigureAlertRunner>();
        if (stripe)
        {
            builder.Services.AddSingleton<StripeCollector>();
        }
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddHostedService<MailDispatcher>();
        return builder;
    }
}
