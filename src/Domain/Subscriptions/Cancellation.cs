using Store.Domain.Catalog;

namespace Store.Domain.Subscriptions;

/// <summary>What cancelling a subscription means, before it is confirmed: when it ends and what it costs.</summary>
public sealed record CancellationQuote(DateOnly EffectiveOn, Money Fee, string Rule);

/// <summary>
/// The cancellation rules of the offers: a Forfait ends on the day asked, with 59 EUR per user licence (003);
/// Contact Experience ends at the end of a commitment period, with six months' notice, else it renews for another
/// period (004 art. 9); a Smart Number ends on the day asked.
/// </summary>
public static class Cancellation
{
    public static CancellationQuote Quote(Subscription subscription, CatalogVersion catalog, DateOnly requestedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(catalog);
        var asked = requestedOn < today ? today : requestedOn;
        var currency = subscription.UnitPrice(catalog).Currency;
        switch (subscription.Kind)
        {
            case ProductKind.Plan:
                var plan = catalog.FindPlan(subscription.ProductCode)!;
                return new CancellationQuote(
                    asked,
                    new Money(plan.TerminationFeePerLicence * subscription.QuantityOn(asked), currency),
                    $"{plan.TerminationFeePerLicence} {currency} per user licence ({subscription.QuantityOn(asked)}), no commitment");

            case ProductKind.ContactExperience:
                var commitment = catalog.ContactExperience.Commitment;
                if (commitment.MinimumMonths == 0)
                {
                    return new CancellationQuote(asked, Money.Zero(currency), "no commitment");
                }

                // The first period end that is at least the notice away from today (and not before the day asked).
                var end = subscription.StartsOn.AddMonths(commitment.MinimumMonths);
                while (end.AddMonths(-commitment.NoticeMonths) < today || end < asked)
                {
                    end = end.AddMonths(commitment.MinimumMonths);
                }

                return new CancellationQuote(end.AddDays(-1), Money.Zero(currency), $"end of a {commitment.MinimumMonths}-month commitment period, with {commitment.NoticeMonths} months' notice");

            default:
                return new CancellationQuote(asked, Money.Zero(currency), "no commitment");
        }
    }
}
