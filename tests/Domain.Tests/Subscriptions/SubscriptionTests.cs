using Store.Domain.Catalog;
using Store.Domain.Subscriptions;
using Store.Domain.Tests.Catalog;

namespace Store.Domain.Tests.Subscriptions;

public sealed class SubscriptionTests
{
    private static readonly CatalogVersion Catalog = ShippedCatalog.Version2025_03;
    private static readonly DateOnly Day = new(2025, 6, 2);

    private static Contract NewContract() =>
        new(Guid.NewGuid(), "C-1", Catalog.Version, new ConditionsAcceptance("owner@example.fr", DateTimeOffset.UnixEpoch, "127.0.0.1", "003"));

    [Fact]
    public void A_plan_is_priced_per_user_for_the_chosen_period()
    {
        var yearly = Subscription.Start(NewContract(), Catalog, "forfait-pro", PricePeriod.Yearly, 3, Day);
        Assert.Equal(Money.Eur(399m), yearly.UnitPrice(Catalog));
        Assert.Equal(ProductKind.Plan, yearly.Kind);
    }

    [Fact]
    public void A_period_the_product_is_not_sold_at_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Subscription.Start(NewContract(), Catalog, "telephonie-illimitee", PricePeriod.Yearly, 1, Day));
        Assert.Contains("no yearly price", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_product_or_a_zero_quantity_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Subscription.Start(NewContract(), Catalog, "forfait-gold", PricePeriod.Monthly, 1, Day));
        Assert.Throws<ArgumentOutOfRangeException>(() => Subscription.Start(NewContract(), Catalog, "forfait-start", PricePeriod.Monthly, 0, Day));
    }

    [Fact]
    public void Options_must_be_offered_by_the_plan_and_bought_once()
    {
        var s = Subscription.Start(NewContract(), Catalog, "forfait-start", PricePeriod.Monthly, 2, Day);
        s.AddOption(Catalog, "call-recording", 1, Day);
        Assert.Throws<InvalidOperationException>(() => s.AddOption(Catalog, "call-recording", 1, Day));
        Assert.Throws<ArgumentException>(() => s.AddOption(Catalog, "ivr-decision", 1, Day));
    }

    [Fact]
    public void Smart_numbers_and_Contact_Experience_services_are_subscribed_in_their_currency()
    {
        var contract = NewContract();
        Assert.Equal(Currency.CHF, Subscription.Start(contract, Catalog, "090x", PricePeriod.Monthly, 1, Day).UnitPrice(Catalog).Currency);
        Assert.Equal(Currency.EUR, Subscription.Start(contract, Catalog, "cx-agent-licence", PricePeriod.Monthly, 5, Day).UnitPrice(Catalog).Currency);
        Assert.Equal(2, contract.Subscriptions.Count);
    }
}
