using Microsoft.Extensions.DependencyInjection;
using Quartz;

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
}
