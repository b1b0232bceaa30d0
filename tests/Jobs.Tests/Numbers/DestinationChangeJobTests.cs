using Microsoft.EntityFrameworkCore;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Numbers;
using Store.Domain.Numbers.Routing;

namespace Store.Jobs.Tests.Numbers;

public sealed class DestinationChangeJobTests
{
    [Fact]
    public async Task A_destination_planned_for_a_moment_is_applied_by_the_jobs_process_once_it_comes()
    {
        await using var world = await JobsWorld.CreateAsync();
        var now = DateTimeOffset.UtcNow;
        Guid numberId;
        await using (var db = world.OpenDatabase())
        {
            var customer = new Customer("Horaires SARL", Market.FR, new Address("1 rue de la Paix", null, "75002", "Paris", "FR"), "compta@example.fr", now);
            db.Customers.Add(customer);
            var number = TelephoneNumber.RequestPorting(customer.Id, "01 45 67 89 12", "FR", Porting.EarliestDate(DateOnly.FromDateTime(now.UtcDateTime)), null, DateOnly.FromDateTime(now.UtcDateTime), now).Value!;
            number.ChangeDestination("01 40 00 00 01", null, now);
            number.ChangeDestination("06 12 34 56 78", now.AddSeconds(2), now);
            db.Numbers.Add(number);
            await db.SaveChangesAsync();
            numberId = number.Id;
        }

        await world.StartHostAsync(new() { ["Store:Jobs:DestinationChangesSeconds"] = "1" });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        string? destination = null;
        while (DateTime.UtcNow < deadline)
        {
            await using var db = world.OpenDatabase();
            destination = await db.Numbers.Where(n => n.Id == numberId).Select(n => n.Destination).SingleAsync();
            if (destination == "+33612345678")
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.Equal("+33612345678", destination);
        await using var check = world.OpenDatabase();
        var changes = await check.ScheduledDestinationChanges.Where(c => c.NumberId == numberId).ToListAsync();
        Assert.All(changes, c => Assert.Equal(ScheduledChangeStatus.Applied, c.Status));
        var planned = changes.Single(c => c.Destination == "+33612345678");
        Assert.True(planned.SettledAt >= planned.EffectiveAt, "applied before its moment");
    }
}
