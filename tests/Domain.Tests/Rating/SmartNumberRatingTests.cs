using Store.Domain.Calls;
using Store.Domain.Catalog;
using Store.Domain.Rating;
using Store.Domain.Subscriptions;
using static Store.Domain.Tests.Rating.Tariffs;

namespace Store.Domain.Tests.Rating;

/// <summary>Smart Numbers (000, 001): the holder pays 0800 and part of 084x traffic; 090x callers pay, the holder earns a share.</summary>
public sealed class SmartNumberRatingTests
{
    private static RatingTariff Holder(string product, string national, params PremiumTariff[] tariffs)
    {
        var subscription = Subscription.Start(NewContract(), Shipped, product, PricePeriod.Monthly, 1, March);
        return RatingTariff.For(_ => Shipped, [subscription], [new SmartNumberSetup(national, tariffs)]);
    }

    private static CallToRate To(RatingTariff tariff, string national, string caller, int seconds, int tariffIndex = 0, TariffChange[]? changes = null)
    {
        var n = NumberClassifier.Classify("caller", caller, "CH").Value!;
        return new CallToRate(CallDirection.Inbound, n.Category, CountryCode.Pack(n.Country), n.Mobile, n.Key, 1, seconds, SmartNumber: tariff.SmartNumberIndex(national), Tariff: tariffIndex, TariffChanges: changes);
    }

    [Fact]
    public void Freephone_traffic_is_paid_by_the_holder_by_the_callers_line()
    {
        var tariff = Holder("0800", "0800123456");

        // From a fixed line, 90 s x 0.08 / 60 = 0.12 CHF; from a mobile, 90 s x 0.35 / 60 = 0.525 CHF.
        var fixedLine = Rater.Rate(tariff, new PeriodCounters(), To(tariff, "0800123456", "044 668 18 00", 90));
        var mobile = Rater.Rate(tariff, new PeriodCounters(), To(tariff, "0800123456", "079 123 45 67", 90));

        Assert.Equal((ChargeCategory.SmartNumberTraffic, RatingRule.FreephoneHolderPays, Currency.CHF, 0.12m), (fixedLine[0].Category, fixedLine[0].Rule, fixedLine[0].Currency, fixedLine.Total));
        Assert.Equal(0.525m, mobile.Total);
        Assert.Equal("0800 freephone from a mobile, paid by the holder", RuleText.Describe(mobile[0].Rule, mobile[0].RuleArg, "en"));
    }

    [Fact]
    public void Shared_cost_traffic_bills_the_holders_part()
    {
        var tariff = Holder("084x", "0848123456");

        // 60 s from a mobile at 0.20 CHF / min = 0.20 CHF.
        Assert.Equal((RatingRule.SharedCostHolderPays, 0.20m), Rater.Rate(tariff, new PeriodCounters(), To(tariff, "0848123456", "079 123 45 67", 60)) is var l ? (l[0].Rule, l.Total) : default);
    }

    [Theory]
    [InlineData(2.50, 0, 0, 120, "5.00", "3.50", RatingRule.PremiumPerMinute)] // 120 s x 2.50 / 60 = 5.00; 70 % = 3.50
    [InlineData(0, 1.50, 0, 300, "1.50", "1.05", RatingRule.PremiumPerCall)] // 1.50 per call whatever the length; 70 % = 1.05
    [InlineData(1.00, 0, 2.00, 90, "3.50", "2.45", RatingRule.PremiumFixedFee)] // 90 s x 1.00 / 60 = 1.50, + 2.00 fixed = 3.50; 70 % = 2.45
    [InlineData(0.03, 0, 0, 3, "0.0015", "0.0011", RatingRule.PremiumPerMinute)] // 3 s x 0.03 / 60 = 0.0015; 70 % = 0.00105 -> 0.0011 (half away from zero)
    public void Premium_callers_pay_the_holders_tariff_and_the_holder_earns_its_share(double perMinute, double perCall, double fixedFee, int seconds, string paid, string share, RatingRule rule)
    {
        var tariff = Holder("090x", "0901123456", new PremiumTariff((decimal)perMinute, (decimal)perCall, (decimal)fixedFee));

        var line = Rater.Rate(tariff, new PeriodCounters(), To(tariff, "0901123456", "044 668 18 00", seconds))[0];

        Assert.Equal((ChargeCategory.SmartNumberPremium, rule, 0m), (line.Category, line.Rule, line.Amount));
        Assert.Equal(Parse(paid), line.CallerAmount);
        Assert.Equal(Parse(share), line.RevenueShare);
    }

    [Fact]
    public void Dynamic_tariffs_changed_during_the_call_price_each_part_at_its_own_rate()
    {
        var tariffs = Enumerable.Range(0, 90).Select(i => new PremiumTariff(1.00m + i, 0m, 0m)).ToArray();
        var tariff = Holder("090x", "0906123456", tariffs);

        // Tariff 0 (1.00 / min) for 60 s, then tariff 2 (3.00 / min) for 120 s, then tariff 89 (90.00 / min) for the last 2 s:
        // 1.00 + 6.00 + 3.00 = 10.00 CHF paid; the holder's 70 % = 7.00 CHF.
        var line = Rater.Rate(tariff, new PeriodCounters(), To(tariff, "0906123456", "044 668 18 00", 182, changes: [new TariffChange(60, 2), new TariffChange(180, 89)]))[0];

        Assert.Equal((RatingRule.PremiumDynamic, 2, 10.00m, 7.00m), (line.Rule, line.RuleArg, line.CallerAmount, line.RevenueShare));
    }

    [Fact]
    public void A_tariff_the_number_does_not_have_is_refused_before_rating()
    {
        var tariff = Holder("090x", "0901123456", new PremiumTariff(1m, 0m, 0m));
        Assert.Equal("UNKNOWN_TARIFF", Rater.CannotRate(tariff, To(tariff, "0901123456", "044 668 18 00", 60, tariffIndex: 3))?.Code);
    }

    private static decimal Parse(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
