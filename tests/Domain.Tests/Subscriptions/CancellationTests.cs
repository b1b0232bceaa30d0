using Store.Domain.Catalog;
using Store.Domain.Subscriptions;
using Store.Domain.Tests.Catalog;

namespace Store.Domain.Tests.Subscriptions;

public sealed class CancellationTests
{
    private static readonly CatalogVersion Catalog = ShippedCatalog.Version2025_03;

    private static Subscription Start(string product, int quantity, DateOnly on) =>
        Subscription.Start(new Contract(Guid.NewGuid(), "C-1", Catalog.Version, new ConditionsAcceptance("o@example.fr", DateTimeOffset.UnixEpoch, "127.0.0.1", "003")), Catalog, product, PricePeriod.Monthly, quantity, on);

    [Fact]
    public void A_Forfait_ends_on_the_day_asked_and_costs_59_EUR_per_user_licence()
    {
        var subscription = Start("forfait-pro", 3, new DateOnly(2025, 4, 1));
        var quote = Cancellation.Quote(subscription, Catalog, new DateOnly(2025, 6, 30), new DateOnly(2025, 6, 10));
        Assert.Equal(new DateOnly(2025, 6, 30), quote.EffectiveOn);
        Assert.Equal(Money.Eur(177m), quote.Fee); // 3 × 59

        subscription.Cancel(quote);
        Assert.Equal(new DateOnly(2025, 6, 30), subscription.EndsOn);
        Assert.Equal(177m, subscription.TerminationFee);
        Assert.Throws<InvalidOperationException>(() => subscription.Cancel(quote));
    }

    [Fact]
    public void A_day_in_the_past_means_today()
    {
        var quote = Cancellation.Quote(Start("forfait-start", 1, new DateOnly(2025, 4, 1)), Catalog, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 10));
        Assert.Equal(new DateOnly(2025, 6, 10), quote.EffectiveOn);
    }

    [Theory]
    [InlineData("2025-06-10", "2026-03-31")] // notice given 9.5 months before the end of the first 12-month period
    [InlineData("2025-10-01", "2026-03-31")] // exactly six months before: still in time
    [InlineData("2025-10-02", "2027-03-31")] // too late: the commitment renews for another period
    public void Contact_Experience_ends_at_a_period_end_with_six_months_notice_else_renews(string today, string endsOn)
    {
        var subscription = Start("cx-agent-licence", 5, new DateOnly(2025, 4, 1));
        var quote = Cancellation.Quote(subscription, Catalog, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(endsOn, System.Globalization.CultureInfo.InvariantCulture), quote.EffectiveOn);
        Assert.Equal(0m, quote.Fee.Amount);
    }
}
