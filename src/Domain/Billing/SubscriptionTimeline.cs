using Store.Domain.Catalog;
using Store.Domain.Subscriptions;

namespace Store.Domain.Billing;

/// <summary>From this day on (inclusive), the quantity is this one.</summary>
public sealed record QuantityStep(DateOnly From, int Quantity);

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
    IReadOnlyList<QuantityStep> Quantities,
    decimal? TerminationFee,
    IReadOnlyList<OptionTimeline> Options,
    IReadOnlyList<LicenceRemoval>? Removals = null)
{
    /// <summary>The quantity in service on <paramref name="day"/>: 0 before the start and after the end.</summary>
    public int QuantityOn(DateOnly day) => Timelines.QuantityOn(StartsOn, EndsOn, Quantities, day);

    /// <summary>A subscription over time: its starting quantity, then each change of quantity on the day it takes effect.</summary>
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
            [new QuantityStep(subscription.StartsOn, subscription.Quantity), .. subscription.QuantityChanges.Where(c => !c.Withdrawn).OrderBy(c => c.EffectiveOn).ThenBy(c => c.RequestedAt).Select(c => new QuantityStep(c.EffectiveOn, c.Quantity))],
            subscription.TerminationFee,
            [.. subscription.Options.Select(o => new OptionTimeline(o.OptionCode, o.StartsOn, o.EndsOn ?? subscription.EndsOn, [new QuantityStep(o.StartsOn, o.Quantity)]))],
            [.. subscription.QuantityChanges.Where(c => !c.Withdrawn && c.Fee > 0m).Select(c => new LicenceRemoval(c.EffectiveOn, c.FromQuantity - c.Quantity, c.Fee))]);
    }
}

/// <summary>Licences removed from a plan on a day, and the termination fee they cost (003: 59 EUR per licence).</summary>
public sealed record LicenceRemoval(DateOnly On, int Licences, decimal Fee);

/// <summary>An option of a subscription over time (call recording, a recording pack, ...).</summary>
public sealed record OptionTimeline(string OptionCode, DateOnly StartsOn, DateOnly? EndsOn, IReadOnlyList<QuantityStep> Quantities)
{
    public int QuantityOn(DateOnly day) => Timelines.QuantityOn(StartsOn, EndsOn, Quantities, day);
}

internal static class Timelines
{
    public static int QuantityOn(DateOnly startsOn, DateOnly? endsOn, IReadOnlyList<QuantityStep> quantities, DateOnly day)
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
