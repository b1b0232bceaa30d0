using Store.Domain.Catalog;
using Store.Domain.Subscriptions;

namespace Store.Domain.Billing;

/// <summary>From this day on (inclusive), the quantity is this one.</summary>
public sealed record QuantityChange(DateOnly From, int Quantity);

/// <summary>
/// What a subscription was over time, as billing needs it: product, price period, quantity by day, end (last day
/// of service, inclusive) and termination fee, and its options.
/// </summary>
public sealed record SubscriptionTimeline(
    Guid SubscriptionId,
    string CatalogVersion,
    ProductKind Kind,
    string ProductCode,
    PricePeriod Period,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    IReadOnlyList<QuantityChange> Quantities,
    decimal? TerminationFee,
    IReadOnlyList<OptionTimeline> Options)
{
    /// <summary>The quantity in service on <paramref name="day"/>: 0 before the start and after the end.</summary>
    public int QuantityOn(DateOnly day) => Timelines.QuantityOn(StartsOn, EndsOn, Quantities, day);

    /// <summary>A subscription as it stands today, its quantity unchanged since the start.</summary>
    public static SubscriptionTimeline Of(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return new SubscriptionTimeline(
            subscription.Id,
            subscription.CatalogVersion,
            subscription.Kind,
            subscription.ProductCode,
            subscription.Period,
            subscription.StartsOn,
            subscription.EndsOn,
            [new QuantityChange(subscription.StartsOn, subscription.Quantity)],
            subscription.TerminationFee,
            [.. subscription.Options.Select(o => new OptionTimeline(o.OptionCode, o.StartsOn, o.EndsOn ?? subscription.EndsOn, [new QuantityChange(o.StartsOn, o.Quantity)]))]);
    }
}

/// <summary>An option of a subscription over time (call recording, a recording pack, ...).</summary>
public sealed record OptionTimeline(string OptionCode, DateOnly StartsOn, DateOnly? EndsOn, IReadOnlyList<QuantityChange> Quantities)
{
    public int QuantityOn(DateOnly day) => Timelines.QuantityOn(StartsOn, EndsOn, Quantities, day);
}

internal static class Timelines
{
    public static int QuantityOn(DateOnly startsOn, DateOnly? endsOn, IReadOnlyList<QuantityChange> quantities, DateOnly day)
    {
        if (day < startsOn || (endsOn is { } end && day > end))
        {
            return 0;
        }

        var quantity = 0;
        foreach (var change in quantities)
        {
            if (change.From <= day)
            {
                quantity = change.Quantity;
            }
        }

        return quantity;
    }
}
