using Store.Domain.Calls;
using Store.Domain.Catalog;
using Store.Domain.Rating;
using Store.Domain.Subscriptions;
using static Store.Domain.Tests.Rating.Tariffs;

namespace Store.Domain.Tests.Rating;

/// <summary>Months cut in the customer's zone, calls across midnight, and re-rating after a catalog correction.</summary>
public sealed class MonthRatingTests
{
    [Theory]
    [InlineData("2025-03-31T21:50:00Z", "2025-03")] // 23:50 in Paris (summer time since 30 March)
    [InlineData("2025-03-31T22:10:00Z", "2025-04")] // 00:10 on 1 April in Paris, still 31 March in UTC
    [InlineData("2025-01-31T23:30:00Z", "2025-02")] // 00:30 on 1 February in Paris (winter time, UTC+1)
    [InlineData("2025-02-28T22:59:59Z", "2025-02")]
    public void A_call_belongs_to_the_month_it_starts_in_on_the_customers_clock(string startedAt, string period)
    {
        Assert.Equal(period, UsageMonth.Of(DateTimeOffset.Parse(startedAt, System.Globalization.CultureInfo.InvariantCulture), LocalTime.Paris));
    }

    [Fact]
    public void A_call_spanning_midnight_at_the_end_of_the_month_counts_whole_in_the_month_it_started()
    {
        var tariff = Plan("forfait-start");
        var march = Enumerable.Range(1, 100).Select(i => Outbound(Fixed(i), 60)).ToList();

        // 31 March 23:50 to 1 April 00:30 in Paris: March's 101st correspondent, 2,400 s x 0.0025 = 6.00 EUR, all of it in March.
        var acrossMidnight = Outbound(Fixed(101), 2400);
        Assert.Equal("2025-03", UsageMonth.Of(new DateTimeOffset(2025, 3, 31, 23, 50, 0, TimeSpan.FromHours(2)), LocalTime.Paris));
        march.Add(acrossMidnight);
        Assert.Equal(6.00m, MonthRating.Rate(tariff, march)[^1].Total);

        // April starts from zero: the same call would have been April's first correspondent, included.
        Assert.Equal(0m, MonthRating.Rate(tariff, [acrossMidnight])[0].Total);
    }

    [Fact]
    public void Re_rating_after_a_catalog_correction_gives_adjustments_of_the_difference_and_none_where_nothing_changed()
    {
        var contract = NewContract();
        var subscription = Subscription.Start(contract, Shipped, "forfait-start", PricePeriod.Monthly, 1, March);
        var calls = new List<CallToRate> { Outbound("01 45 67 89 12", 3900), Outbound("+49 30 12345678", 60), Outbound("06 12 34 56 78", 120) };
        var first = MonthRating.Rate(RatingTariff.For(_ => Shipped, [subscription]), calls);

        // The correction: overage 0.12 EUR/min in France instead of 0.15.
        var corrected = Shipped with { Plans = [.. Shipped.Plans.Select(p => p.Code == "forfait-start" ? p with { Overage = p.Overage with { DomesticPerMinute = 0.12m } } : p)] };
        var again = MonthRating.Rate(RatingTariff.For(_ => corrected, [subscription]), calls);

        // Call 1: 300 s beyond 1 h, 0.75 -> 300 x 0.12 / 60 = 0.60: an adjustment of -0.15 EUR.
        var adjustment = Assert.Single(MonthRating.Adjustments(first[0].ToArray(), again[0]));
        Assert.Equal((ChargeCategory.DomesticOverage, RatingRule.BeyondCallLength, 0, -0.15m), (adjustment.Category, adjustment.Rule, adjustment.Seconds, adjustment.Amount));

        // Calls 2 (international, 0.89 unchanged) and 3 (included): nothing to adjust.
        Assert.Empty(MonthRating.Adjustments(first[1].ToArray(), again[1]));
        Assert.Empty(MonthRating.Adjustments(first[2].ToArray(), again[2]));
    }

    [Fact]
    public void A_later_version_of_a_call_is_adjusted_by_the_difference()
    {
        var tariff = Plan("forfait-start");
        var before = Rater.Rate(tariff, new PeriodCounters(), Outbound("01 45 67 89 12", 3700)).ToArray(); // 100 s beyond: 0.25
        var after = Rater.Rate(tariff, new PeriodCounters(), Outbound("01 45 67 89 12", 4000)); // 400 s beyond: 1.00

        var adjustments = MonthRating.Adjustments(before, after);

        var overage = Assert.Single(adjustments, a => a.Category == ChargeCategory.DomesticOverage);
        Assert.Equal((300, 0.75m), (overage.Seconds, overage.Amount));
        Assert.Equal(1.00m, before.Sum(l => l.Amount) + adjustments.Sum(a => a.Amount));
    }
}
