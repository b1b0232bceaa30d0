namespace Store.Domain.Subscriptions;

/// <summary>An option bought with a subscription, such as call recording.</summary>
public sealed class SubscriptionOption
{
    private SubscriptionOption()
    {
    }

    internal SubscriptionOption(Guid subscriptionId, string optionCode, int quantity, DateOnly startsOn)
    {
        if (quantity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "An option needs a quantity of at least 1.");
        }

        Id = Guid.NewGuid();
        SubscriptionId = subscriptionId;
        OptionCode = optionCode;
        Quantity = quantity;
        StartsOn = startsOn;
    }

    public Guid Id { get; private set; }

    public Guid SubscriptionId { get; private set; }

    public string OptionCode { get; private set; } = string.Empty;

    public int Quantity { get; private set; }

    public DateOnly StartsOn { get; private set; }

    /// <summary>The last day the option is in force, inclusive; null while it runs.</summary>
    public DateOnly? EndsOn { get; private set; }

    internal void EndOn(DateOnly lastDay) => EndsOn = lastDay;

    internal void Reopen(int quantity)
    {
        Quantity = quantity;
        EndsOn = null;
    }

    /// <summary>Whether usage beyond the option's volume may be billed (004 art. 4.2: recording packs, at the customer's request).</summary>
    public bool OverageAllowed { get; private set; }

    public void AllowOverage(bool allowed) => OverageAllowed = allowed;
}
