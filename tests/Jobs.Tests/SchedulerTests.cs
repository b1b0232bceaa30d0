using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Store.Domain.Billing;
using Store.Jobs.Billing;
using Store.Jobs.Tests.Billing;

namespace Store.Jobs.Tests;

public sealed class SchedulerTests
{
    [Fact]
    public async Task The_jobs_role_runs_the_Store_scheduler_and_stops_it_with_the_host()
    {
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync([]);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        // The scheduler starts once the application has started, without holding up the host's start.
        for (var i = 0; i < 100 && scheduler.Status != SchedulerStatus.Running; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(SchedulerStatus.Running, scheduler.Status);
        Assert.Equal("Store", scheduler.SchedulerName);

        await host.StopAsync();
        Assert.Equal(SchedulerStatus.Shutdown, scheduler.Status);
    }

    [Fact]
    public async Task A_billing_run_planned_before_the_jobs_process_stops_runs_when_it_is_back()
    {
        await using var world = await JobsWorld.CreateAsync();
        var first = await world.StartHostAsync([]);
        await BillingSeed.CustomersAsync(first, 2);
        var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Standby(); // This process takes nothing more: the planned run must wait for the next one.
        await scheduler.ScheduleJob(TriggerBuilder.Create()
            .WithIdentity("planned-april-run", "billing")
            .ForJob(BillingRunJob.Key)
            .UsingJobData(BillingRunJob.PeriodKey, "2026-04")
            .StartAt(DateTimeOffset.UtcNow.AddSeconds(2))
            .Build());
        await first.StopAsync();
        await using (var db = world.OpenDatabase())
        {
            Assert.Empty(await db.BillingRuns.ToListAsync());
        }

        // The plan was kept in the database: the next jobs process finds it and bills April once.
        var second = await world.StartHostAsync([]);
        BillingRun? run = null;
        for (var i = 0; i < 300 && run?.Status != BillingRunStatus.Completed; i++)
        {
            await Task.Delay(100);
            await using var db = world.OpenDatabase();
            run = await db.BillingRuns.AsNoTracking().SingleOrDefaultAsync();
        }

        Assert.NotNull(run);
        Assert.Equal(("2026-04", BillingRunStatus.Completed, 2), (run.Period, run.Status, run.InvoicesIssued));
        await second.StopAsync();
    }
}
