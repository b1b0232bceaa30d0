using Store.Domain.Calls.Figures;
using Store.Domain.Tenancy;
using static Store.Domain.Tests.Calls.Figures.FiguresWorld;

namespace Store.Domain.Tests.Calls.Figures;

public sealed class KeyFiguresTests(FiguresWorld world) : IClassFixture<FiguresWorld>
{
    [Fact]
    public async Task Today_yesterday_and_the_month_are_Paris_calendar_days_whatever_offset_the_call_was_sent_with()
    {
        await using var db = world.Open();
        var figures = await KeyFigures.ComputeAsync(db, world.CustomerId, LocalTime.Paris, Utc(2026, 3, 10, 9, 0), CancellationToken.None);

        // 10 March: the call at 00:00:30, the missed one, the other line's.
        Assert.Equal(new DayFigures(3, 1, 105, 0.90m, 0.585m), figures.TodayCalls);

        // 9 March: only the call at 23:59:59, with its adjustment (150 s in all).
        Assert.Equal(new DayFigures(1, 0, 150, 2.25m, 1.4625m), figures.YesterdayCalls);
        Assert.Equal(new Revenue(2.25m, 1.46m), figures.YesterdayRevenue);

        // 1 to 10 March: 00:10 on the 1st (sent as 28 February 23:10 UTC), the outbound call of the 5th, the 9th and the 10th.
        Assert.Equal(new DayFigures(6, 1, 385, 3.60m, 2.34m), figures.MonthCalls);
        Assert.Equal(new Revenue(3.60m, 2.34m), figures.MonthRevenue);

        // 2026: January's call at 00:30 on New Year's Day, February's at 23:30 on the 28th, and March; not 31 December 2025.
        Assert.Equal(new Revenue(9.10m, 5.92m), figures.YearRevenue);
    }

    [Fact]
    public async Task The_projection_extrapolates_the_month_to_date_by_the_days_elapsed_today_included()
    {
        await using var db = world.Open();
        var figures = await KeyFigures.ComputeAsync(db, world.CustomerId, LocalTime.Paris, Utc(2026, 3, 10, 9, 0), CancellationToken.None);

        // 10 days of 31: × 3.1.
        Assert.Equal((10, 31), (figures.ElapsedDays, figures.DaysInMonth));
        Assert.Equal(19, figures.MonthProjection.Calls);        // 6 × 3.1 = 18.6
        Assert.Equal(1194, figures.MonthProjection.Seconds);    // 385 × 3.1 = 1193.5
        Assert.Equal(new Revenue(11.16m, 7.25m), figures.MonthRevenueProjection); // 3.60 × 3.1; 2.34 × 3.1 = 7.254
    }

    [Fact]
    public async Task Just_after_midnight_on_the_1st_yesterday_is_the_last_day_of_the_previous_month_and_the_month_has_one_call()
    {
        await using var db = world.Open();

        // 1 March 00:30 in Paris.
        var figures = await KeyFigures.ComputeAsync(db, world.CustomerId, LocalTime.Paris, Utc(2026, 2, 28, 23, 30), CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 3, 1), figures.Today);
        Assert.Equal(new DayFigures(1, 0, 30, 0.45m, 0.2925m), figures.TodayCalls);
        Assert.Equal(new DayFigures(1, 0, 300, 4.50m, 2.925m), figures.YesterdayCalls);
        Assert.Equal(new Revenue(4.50m, 2.93m), figures.YesterdayRevenue);
        Assert.Equal(figures.TodayCalls, figures.MonthCalls);
        Assert.Equal(31, figures.MonthProjection.Calls);
        Assert.Equal(new Revenue(13.95m, 9.07m), figures.MonthRevenueProjection);
    }

    [Fact]
    public async Task A_scope_restricted_to_another_customer_sees_none_of_the_figures()
    {
        var tenant = new TenantScope();
        tenant.Restrict(null, [world.OtherCustomerId]);
        await using var db = world.Open(tenant);
        var figures = await KeyFigures.ComputeAsync(db, world.CustomerId, LocalTime.Paris, Utc(2026, 3, 10, 9, 0), CancellationToken.None);

        Assert.Equal(DayFigures.None, figures.TodayCalls);
        Assert.Equal(DayFigures.None, figures.MonthCalls);
        Assert.Equal(new Revenue(0m, 0m), figures.YearRevenue);
    }
}
