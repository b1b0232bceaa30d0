using Store.Domain.Catalog;
using Store.Domain.Subscriptions;
using Store.Domain.Tests.Catalog;

namespace Store.Domain.Tests.Subscriptions;

public sealed class SubscriptionChangeTests
{
    private static readonly CatalogVersion Catalog = ShippedCatalog.Version2025_03;
    private static readonly DateTimeOffset Now = new(2025, 6, 10, 9, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateOnly Today = new(2025, 6, 10);

    private static Subscription Start(string product, int quantity, PricePeriod period = PricePeriod.Monthly) =>
        Subscription.Start(new Contract(Guid.NewGuid(), "C-1", Catalog.Version, new ConditionsAcceptance("o@example.fr", DateTimeOffset.UnixEpoch, "127.0.0.1", "003")), Catalog, product, period, quantity, new DateOnly(2025, 4, 1));

    [Fact]
    public void Adding_users_to_a_Forfait_takes_effect_today_and_raises_the_monthly_price()
    {
        var pro = Start("forfait-pro", 3);
        var quote = pro.ChangeQuantity(Catalog, 5, Today, Now).Value!;

        Assert.Equal((Today, 3, 5), (quote.EffectiveOn, quote.FromQuantity, quote.ToQuantity));
        Assert.Equal(Money.Eur(79.80m), quote.PriceDelta); // 2 × 39.90
        Assert.Equal(0m, quote.Fee.Amount);
        Assert.Equal(3, pro.QuantityOn(Today.AddDays(-1)));
        Assert.Equal(5, pro.QuantityOn(Today));
    }

    [Fact]
    public void Removing_Forfait_users_ends_their_licences_at_once_with_59_EUR_each()
    {
        var start = Start("forfait-start", 4, PricePeriod.Yearly);
        var quote = start.ChangeQuantity(Catalog, 1, Today, Now).Value!;

        Assert.Equal(Today, quote.EffectiveOn);
        Assert.Equal(Money.Eur(-597m), quote.PriceDelta); // 3 × 199 a year
        Assert.Equal(Money.Eur(177m), quote.Fee); // 3 × 59
        Assert.Equal(177m, start.QuantityChanges.Single().Fee);
    }

    [Fact]
    public void Reducing_Contact_Experience_licences_waits_for_next_month_and_a_new_request_replaces_the_pending_one()
    {
        var agents = Start("cx-agent-licence", 10);
        var reduce = agents.ChangeQuantity(Catalog, 6, Today, Now).Value!;
        Assert.Equal(new DateOnly(2025, 7, 1), reduce.EffectiveOn);
        Assert.Equal(10, agents.QuantityOn(new DateOnly(2025, 6, 30)));
        Assert.Equal(6, agents.QuantityOn(new DateOnly(2025, 7, 1)));

        // Changing one's mind back to 10 withdraws the reduction.
        var back = agents.ChangeQuantity(Catalog, 10, Today, Now).Value!;
        Assert.StartsWith("Withdraws", back.Rule, StringComparison.Ordinal);
        Assert.Equal(10, agents.QuantityOn(new DateOnly(2025, 7, 1)));
    }

    [Theory]
    [InlineData("forfait-pro", 0, "QUANTITY_RANGE")]
    [InlineData("forfait-pro", 3, "UNCHANGED")]
    [InlineData("0800", 2, "FIXED_QUANTITY")]
    public void Impossible_quantities_are_refused_with_a_reason(string product, int quantity, string code)
    {
        var subscription = Start(product, product == "forfait-pro" ? 3 : 1);
        var outcome = subscription.ChangeQuantity(Catalog, quantity, Today, Now);
        Assert.Equal(code, outcome.Problems.Single().Code);
        Assert.Empty(subscription.QuantityChanges);
    }

    [Fact]
    public void Call_recording_added_mid_month_runs_from_today_and_removed_stops_after_today()
    {
        var pro = Start("forfait-pro", 3);
        var added = pro.SetOption(Catalog, "call-recording", 1, Today).Value!;
        Assert.Equal((Today, Money.Eur(10m)), (added.EffectiveOn, added.PriceDelta));
        Assert.Equal(1, pro.OptionQuantityOn("call-recording", Today));

        var later = Today.AddDays(5);
        var removed = pro.SetOption(Catalog, "call-recording", 0, later).Value!;
        Assert.Equal(later.AddDays(1), removed.EffectiveOn);
        Assert.Equal(1, pro.OptionQuantityOn("call-recording", later));
        Assert.Equal(0, pro.OptionQuantityOn("call-recording", later.AddDays(1)));
        Assert.Equal(later, pro.Options.Single().EndsOn);
    }

    [Fact]
    public void A_recording_pack_reduction_takes_effect_on_the_first_of_next_month_and_can_be_withdrawn()
    {
        var ivr = Start("cx-advanced-ivr", 1);
        ivr.SetOption(Catalog, "cx-recording-1500", 2, new DateOnly(2025, 5, 3));
        var reduce = ivr.SetOption(Catalog, "cx-recording-1500", 1, Today).Value!;

        Assert.Equal(new DateOnly(2025, 7, 1), reduce.EffectiveOn);
        Assert.Equal(2, ivr.OptionQuantityOn("cx-recording-1500", new DateOnly(2025, 6, 30)));
        Assert.Equal(1, ivr.OptionQuantityOn("cx-recording-1500", new DateOnly(2025, 7, 1)));

        // An increase to 3 replaces the planned reduction and starts today.
        var raise = ivr.SetOption(Catalog, "cx-recording-1500", 3, Today).Value!;
        Assert.Equal(Today, raise.EffectiveOn);
        Assert.Equal(2, ivr.OptionQuantityOn("cx-recording-1500", Today.AddDays(-1)));
        Assert.Equal(3, ivr.OptionQuantityOn("cx-recording-1500", new DateOnly(2025, 7, 1)));

        // Back to 2 next month, then withdrawn: 3 stays.
        ivr.SetOption(Catalog, "cx-recording-1500", 2, Today.AddDays(1));
        var withdraw = ivr.SetOption(Catalog, "cx-recording-1500", 3, Today.AddDays(1)).Value!;
        Assert.StartsWith("Withdraws", withdraw.Rule, StringComparison.Ordinal);
        Assert.Equal(3, ivr.OptionQuantityOn("cx-recording-1500", new DateOnly(2025, 8, 1)));
    }

    [Fact]
    public void An_option_the_product_does_not_offer_is_refused()
    {
        var pro = Start("forfait-pro", 1);
        Assert.Equal("UNKNOWN_OPTION", pro.SetOption(Catalog, "cx-recording-500", 1, Today).Problems.Single().Code);
        Assert.Empty(pro.Options);
    }
}
