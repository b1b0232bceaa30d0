using Store.Domain.Calls;
using Store.Domain.Catalog;
using Store.Domain.Rating;
using Store.Domain.Subscriptions;
using Store.Domain.Tests.Catalog;

namespace Store.Domain.Tests.Rating;

/// <summary>Customers' tariffs built from the shipped catalog through real contracts and subscriptions.</summary>
internal static class Tariffs
{
    public static readonly CatalogVersion Shipped = ShippedCatalog.Version2025_03;

    public static readonly DateOnly March = new(2025, 3, 1);

    public static Contract NewContract() =>
        new(Guid.NewGuid(), "C-" + Guid.NewGuid().ToString("N")[..8], Shipped.Version, new ConditionsAcceptance("test@example.com", DateTimeOffset.UtcNow, "127.0.0.1", "002,003,004"));

    public static RatingTariff Plan(string code, int users = 1)
    {
        var contract = NewContract();
        var subscription = Subscription.Start(contract, Shipped, code, PricePeriod.Monthly, users, March);
        return RatingTariff.For(_ => Shipped, [subscription]);
    }

    public static RatingTariff For(params Subscription[] subscriptions) => RatingTariff.For(_ => Shipped, subscriptions);

    /// <summary>An outbound call of <paramref name="seconds"/> to <paramref name="number"/>, classified the way ingestion does.</summary>
    public static CallToRate Outbound(string number, int seconds, int user = 1, CallFlags flags = CallFlags.None)
    {
        var n = NumberClassifier.Classify("callee", number).Value!;
        return new CallToRate(CallDirection.Outbound, n.Category, CountryCode.Pack(n.Country), n.Mobile, n.Key, user, seconds, flags);
    }

    public static CallToRate Inbound(string caller, int seconds, int recorded = 0, CallFlags flags = CallFlags.None)
    {
        var n = NumberClassifier.Classify("caller", caller).Value!;
        return new CallToRate(CallDirection.Inbound, n.Category, CountryCode.Pack(n.Country), n.Mobile, n.Key, 1, seconds, flags, recorded);
    }

    /// <summary>A distinct metropolitan fixed number for each <paramref name="i"/> (01 40 00 00 00 + i).</summary>
    public static string Fixed(int i) => "+331" + (40_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
