namespace Store.Domain.Subscriptions;

public enum ContractStatus
{
    /// <summary>Signed, waiting for the payment method to be confirmed.</summary>
    Pending,

    Active,

    Terminated,
}

/// <summary>Who accepted which versions of the conditions, when and from where.</summary>
public sealed record ConditionsAcceptance(string AcceptedBy, DateTimeOffset AcceptedAt, string FromAddress, string ConditionVersions);

/// <summary>A customer's signed agreement; it holds the subscriptions sold under it.</summary>
public sealed class Contract
{
    private readonly List<Subscription> _subscriptions = [];

    private Contract()
    {
    }

    public Contract(Guid customerId, string number, string catalogVersion, ConditionsAcceptance acceptance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(catalogVersion);
        Id = Guid.CreateVersion7(acceptance.AcceptedAt);
        CustomerId = customerId;
        Number = number;
        CatalogVersion = catalogVersion;
        Acceptance = acceptance;
        SignedAt = acceptance.AcceptedAt;
        Status = ContractStatus.Pending;
    }

    public Guid Id { get; private set; }

    public Guid CustomerId { get; private set; }

    public string Number { get; private set; } = string.Empty;

    /// <summary>The catalog version the contract was sold under; its subscriptions keep these prices.</summary>
    public string CatalogVersion { get; private set; } = string.Empty;

    public DateTimeOffset SignedAt { get; private set; }

    public ContractStatus Status { get; private set; }

    public ConditionsAcceptance Acceptance { get; private set; } = null!;

    public IReadOnlyList<Subscription> Subscriptions => _subscriptions;

    public void Activate()
    {
        if (Status == ContractStatus.Terminated)
        {
            throw new InvalidOperationException("A terminated contract cannot be activated again.");
        }

        Status = ContractStatus.Active;
    }

    internal void Add(Subscription subscription) => _subscriptions.Add(subscription);
}
