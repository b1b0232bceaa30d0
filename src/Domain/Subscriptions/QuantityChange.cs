namespace Store.Domain.Subscriptions;

/// <summary>
/// A step of a subscription's timeline: from <see cref="EffectiveOn"/> the subscription counts <see cref="Quantity"/> units.
/// Kept for good, so that billing prorates each day at the quantity in force and the customer sees the history.
/// </summary>
public sealed class QuantityChange
{
    private QuantityChange()
    {
    }

    internal QuantityChange(Guid subscriptionId, DateOnly effectiveOn, int fromQuantity, int quantity, decimal fee, string rule, DateTimeOffset requestedAt)
    {
        Id = Guid.CreateVersion7(requestedAt);
        SubscriptionId = subscriptionId;
        EffectiveOn = effectiveOn;
        FromQuantity = fromQuantity;
        Quantity = quantity;
        Fee = fee;
        Rule = rule;
        RequestedAt = requestedAt;
    }

    public Guid Id { get; private set; }

    public Guid SubscriptionId { get; private set; }

    public DateOnly EffectiveOn { get; private set; }

    public int FromQuantity { get; private set; }

    public int Quantity { get; private set; }

    /// <summary>A one-off fee the change costs, excluding VAT (59 EUR per Forfait licence removed); billed with the next invoice.</summary>
    public decimal Fee { get; private set; }

    /// <summary>Why it takes effect when it does, in words.</summary>
    public string Rule { get; private set; } = string.Empty;

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>True when it was withdrawn before taking effect, replaced by a later request.</summary>
    public bool Withdrawn { get; private set; }

    internal void Withdraw() => Withdrawn = true;
}

/// <summary>What a change of quantity or option does, shown before the customer confirms it.</summary>
/// <param name="PriceDelta">The change of the recurring price per billing period, excluding VAT (negative for a reduction).</param>
public sealed record ChangeQuote(DateOnly EffectiveOn, int FromQuantity, int ToQuantity, Money PriceDelta, Money Fee, string Rule);
