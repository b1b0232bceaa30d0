using Store.Domain.Catalog;

namespace Store.Domain.Tests.Catalog;

/// <summary>Smart Numbers as the Swiss order form (000) and brochure (001) describe them.</summary>
public sealed class SmartNumberRulesTests
{
    private static readonly SmartNumberOffer Offer = ShippedCatalog.Version2025_03.SmartNumbers;

    [Theory]
    [InlineData("0800123456", SmartNumberKind.Freephone)]
    [InlineData("0840123456", SmartNumberKind.SharedCost)]
    [InlineData("0842123456", SmartNumberKind.SharedCost)]
    [InlineData("0844123456", SmartNumberKind.SharedCost)]
    [InlineData("0848123456", SmartNumberKind.SharedCost)]
    [InlineData("0900123456", SmartNumberKind.Premium)]
    [InlineData("0901123456", SmartNumberKind.Premium)]
    [InlineData("0906123456", SmartNumberKind.Premium)]
    public void Numbers_are_typed_by_their_prefix(string number, SmartNumberKind kind)
    {
        Assert.Equal(kind, Offer.TypeOfNumber(number)!.Kind);
    }

    [Fact]
    public void A_number_outside_the_Smart_Number_ranges_has_no_type()
    {
        Assert.Null(Offer.TypeOfNumber("0211234567"));
    }

    [Fact]
    public void Tariffs_are_per_minute_per_call_fixed_fee_or_dynamic_with_up_to_90_dynamic_tariffs()
    {
        Assert.Equal([TariffKind.PerMinute, TariffKind.PerCall, TariffKind.FixedFee, TariffKind.Dynamic], Offer.TariffKinds);
        Assert.Equal(90, Offer.MaxDynamicTariffs);
    }

    [Fact]
    public void Traffic_is_routed_over_PSTN_or_VoIP()
    {
        Assert.Equal([RoutingKind.Pstn, RoutingKind.Voip], Offer.Routings.Select(r => r.Kind));
    }

    [Fact]
    public void Payouts_are_Standard_within_6_weeks_or_PayFast_within_5_working_days()
    {
        var standard = Offer.Payouts.Single(p => p.Kind == PayoutKind.Standard);
        var payFast = Offer.Payouts.Single(p => p.Kind == PayoutKind.PayFast);
        Assert.Equal((42, false), (standard.MaxDays, standard.WorkingDays));
        Assert.Equal((5, true), (payFast.MaxDays, payFast.WorkingDays));
    }

    [Theory]
    [InlineData("ivr-recording-500", 500)]
    [InlineData("ivr-recording-1500", 1500)]
    [InlineData("ivr-recording-5000", 5000)]
    public void Recording_packs_of_500_1500_and_5000_minutes_a_month_need_the_IVR(string code, int minutes)
    {
        var pack = Offer.FindAddOn(code)!;
        Assert.Equal(minutes, pack.IncludedMinutes);
        Assert.Equal("smart-ivr", pack.Requires);
    }

    [Fact]
    public void The_order_form_add_ons_are_all_on_sale()
    {
        string[] expected = ["smart-administration", "smart-ivr", "smart-ivr-voip", "ivr-tts", "ivr-decision", "ivr-simultaneous-calls-2", "ivr-storage-10gb", "smart-call-agent"];
        Assert.All(expected, code => Assert.NotNull(Offer.FindAddOn(code)));
    }

    [Fact]
    public void Only_premium_numbers_give_the_holder_a_revenue_share()
    {
        Assert.All(Offer.NumberTypes, t => Assert.Equal(t.Kind == SmartNumberKind.Premium, t.Traffic.HolderRevenueShare > 0));
    }

    [Fact]
    public void Smart_Numbers_are_sold_in_Switzerland_in_CHF_and_every_price_the_seeds_omit_is_marked_placeholder()
    {
        Assert.Equal(Market.CH, Offer.Market);
        var prices = Offer.NumberTypes.SelectMany(t => t.Prices).Concat(Offer.AddOns.SelectMany(a => a.Prices)).Concat(Offer.Routings.SelectMany(r => r.Prices)).ToList();
        Assert.All(prices, p => Assert.Equal(Currency.CHF, p.Currency));
        Assert.All(Offer.AddOns, a => Assert.True(a.Placeholder, $"{a.Code} has no price in 000/001"));
        Assert.All(Offer.NumberTypes, t => Assert.True(t.Placeholder, $"{t.Code} has no price in 000/001"));
    }

    [Fact]
    public void The_usage_categories_of_the_order_form_are_offered()
    {
        Assert.Equal(12, Offer.UsageCategories.Count);
        Assert.Contains(Offer.UsageCategories, c => c.Name.Fr == "Voyance & astrologie");
    }
}
