using Store.Domain.Calls.Figures;
using Store.Domain.Tenancy;
using static Store.Domain.Tests.Calls.Figures.FiguresWorld;

namespace Store.Domain.Tests.Calls.Figures;

public sealed class TopCallersTests(FiguresWorld world) : IClassFixture<FiguresWorld>
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Fact]
    public async Task This_months_callers_are_ranked_by_minutes_with_their_revenue_and_outbound_calls_left_out()
    {
        await using var db = world.Open();
        var top = await TopCallers.ListAsync(db, world.CustomerId, TopCallers.Periods(TopCallersRange.ThisMonth, Today), null, TopCallersOrder.Minutes, CancellationToken.None);

        Assert.Equal(
            [new TopCaller(1, A, 2, 210, 3.15m, 2.05m), new TopCaller(2, E, 1, 45, 0m, 0m), new TopCaller(3, C, 1, 30, 0.45m, 0.29m), new TopCaller(4, B, 1, 0, 0m, 0m)],
            top);
    }

    [Fact]
    public async Task The_last_three_months_are_this_month_and_the_two_before_and_one_number_can_be_chosen()
    {
        await using var db = world.Open();
        Assert.Equal(["2026-01", "2026-02", "2026-03"], TopCallers.Periods(TopCallersRange.ThreeMonths, Today));
        var top = await TopCallers.ListAsync(db, world.CustomerId, TopCallers.Periods(TopCallersRange.ThreeMonths, Today), world.Premium, TopCallersOrder.Minutes, CancellationToken.None);

        // C called on 28 February 23:30 and 1 March 00:10; D's call of 31 December 2025 is out of range.
        Assert.Equal(
            [new TopCaller(1, C, 2, 330, 4.95m, 3.22m), new TopCaller(2, A, 2, 210, 3.15m, 2.05m), new TopCaller(3, D, 1, 60, 1.00m, 0.65m), new TopCaller(4, B, 1, 0, 0m, 0m)],
            top);
    }

    [Fact]
    public async Task Ranked_by_revenue_only_callers_who_paid_are_listed_best_first()
    {
        await using var db = world.Open();
        var top = await TopCallers.ListAsync(db, world.CustomerId, TopCallers.Periods(TopCallersRange.ThreeMonths, Today), null, TopCallersOrder.Revenue, CancellationToken.None);

        Assert.Equal([C, A, D], top.Select(t => t.Caller));
        Assert.Equal(3.22m, top[0].HolderShare);
    }

    [Fact]
    public async Task Another_customers_callers_never_appear_and_a_foreign_scope_sees_nothing()
    {
        await using (var db = world.Open())
        {
            var theirs = await TopCallers.ListAsync(db, world.OtherCustomerId, TopCallers.Periods(TopCallersRange.ThisMonth, Today), null, TopCallersOrder.Minutes, CancellationToken.None);
            Assert.Equal([new TopCaller(1, A, 1, 600, 9.00m, 5.85m)], theirs);
        }

        var tenant = new TenantScope();
        tenant.Restrict(null, [world.OtherCustomerId]);
        await using (var db = world.Open(tenant))
        {
            Assert.Empty(await TopCallers.ListAsync(db, world.CustomerId, TopCallers.Periods(TopCallersRange.ThisMonth, Today), null, TopCallersOrder.Minutes, CancellationToken.None));
        }
    }
}
