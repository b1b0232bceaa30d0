using Store.Domain.Catalog;
using Store.Domain.Subscriptions;

namespace Store.Domain.Tests.Catalog;

/// <summary>New catalog versions change new sales only; subscriptions keep the prices they signed.</summary>
public sealed class CatalogRegistryTests
{
    private static readonly CatalogVersion V2025 = ShippedCatalog.Version2025_03;

    private static CatalogVersion WithStartAt(decimal monthly, string version, DateOnly from) => V2025 with
    {
        Version = version,
        EffectiveFrom = from,
        Plans = V2025.Plans.Select(p => p.Code == "forfait-start"
            ? p with { Prices = [new Price(PricePeriod.Monthly, monthly, Currency.EUR), p.PriceFor(PricePeriod.Yearly)!] }
            : p).ToList(),
    };

    [Fact]
    public void The_version_in_force_is_the_latest_that_has_started()
    {
        var registry = new CatalogRegistry();
        registry.Replace([WithStartAt(21.90m, "2026-01", new DateOnly(2026, 1, 1)), V2025]);

        Assert.Equal("2025-03", registry.InForceOn(new DateOnly(2025, 12, 31)).Version);
        Assert.Equal("2026-01", registry.InForceOn(new DateOnly(2026, 1, 1)).Version);
        Assert.Throws<InvalidOperationException>(() => registry.InForceOn(new DateOnly(2025, 2, 28)));
    }

    [Fact]
    public void A_subscription_keeps_the_price_of_the_version_it_signed_when_a_new_version_is_published()
    {
        var registry = new CatalogRegistry();
        registry.Replace([V2025]);
        var signedOn = new DateOnly(2025, 6, 2);
        var contract = new Contract(Guid.NewGuid(), "C-1", registry.InForceOn(signedOn).Version, new ConditionsAcceptance("owner@example.fr", new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero), "127.0.0.1", "003:2024-09-25"));
        var subscription = Subscription.Start(contract, registry.InForceOn(signedOn), "forfait-start", PricePeriod.Monthly, 3, signedOn);

        registry.Replace([V2025, WithStartAt(21.90m, "2026-01", new DateOnly(2026, 1, 1))]);

        Assert.Equal(Money.Eur(19.90m), subscription.UnitPrice(registry.Get(subscription.CatalogVersion)));
        Assert.Equal(21.90m, registry.InForceOn(new DateOnly(2026, 2, 1)).FindPlan("forfait-start")!.PriceFor(PricePeriod.Monthly)!.Amount);
    }
}
