using Store.Domain.Catalog;

namespace Store.Domain.Subscriptions;

public enum ProductKind
{
    /// <summary>A hosted-telephony plan per user (Forfait Start / Pro).</summary>
    Plan,

    /// <summary>A Smart Number (0800 / 084x / 090x).</summary>
    SmartNumber,

    /// <summary>A Contact Experience service (advanced IVR, agent licence).</summary>
    ContactExperience,
}

/// <summary>A product bought under a contract, priced by the catalog version the contract was signed under.</summary>
public sealed class Subscription
{
    private readonly List<SubscriptionOption> _options = [];

    private Subscription()
    {
    }

    private Subscription(Contract contract, ProductKind kind, string productCode, PricePeriod period, int quantity, DateOnly startsOn)
    {
        Id = Guid.NewGuid();
        ContractId = contract.Id;
        CatalogVersion = contract.CatalogVersion;
        Kind = kind;
        ProductCode = productCode;
        Period = period;
        Quantity = quantity;
        StartsOn = startsOn;
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    public string CatalogVersion { get; private set; } = string.Empty;

    public ProductKind Kind { get; private set; }

    public string ProductCode { get; private set; } = string.Empty;

    /// <summary>Monthly or yearly billing, in advance.</summary>
    public PricePeriod Period { get; private set; }

    /// <summary>User licences for a plan, licences or subscriptions for Contact Experience, 1 for a number.</summary>
    public int Quantity { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly? EndsOn { get; private set; }

    public IReadOnlyList<SubscriptionOption> Options => _options;

    /// <summary>Subscribes <paramref name="contract"/> to a product of its catalog version, checking that it is sold at that period.</summary>
    public static Subscription Start(Contract contract, CatalogVersion catalog, string productCode, PricePeriod period, int quantity, DateOnly startsOn)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.Version != contract.CatalogVersion)
        {
            throw new ArgumentException($"The contract was signed under catalog {contract.CatalogVersion}, not {catalog.Version}.", nameof(catalog));
        }

        if (quantity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "A subscription needs a quantity of at least 1.");
        }

        var kind = catalog.FindPlan(productCode) is not null ? ProductKind.Plan
            : catalog.ContactExperience.FindService(productCode) is not null ? ProductKind.ContactExperience
            : catalog.SmartNumbers.NumberTypes.Any(t => t.Code == productCode) ? ProductKind.SmartNumber
            : throw new ArgumentException($"Catalog {catalog.Version} sells no product '{productCode}'.", nameof(productCode));

        var subscription = new Subscription(contract, kind, productCode, period, quantity, startsOn);
        _ = subscription.UnitPrice(catalog);
        contract.Add(subscription);
        return subscription;
    }

    /// <summary>The price of one unit for the subscription's period, from the version it signed.</summary>
    public Money UnitPrice(CatalogVersion catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var prices = Kind switch
        {
            ProductKind.Plan => catalog.FindPlan(ProductCode)?.Prices,
            ProductKind.ContactExperience => catalog.ContactExperience.FindService(ProductCode)?.Prices,
            ProductKind.SmartNumber => catalog.SmartNumbers.NumberTypes.FirstOrDefault(t => t.Code == ProductCode)?.Prices,
            _ => null,
        };
        var price = prices?.FirstOrDefault(p => p.Period == Period)
            ?? throw new InvalidOperationException($"'{ProductCode}' has no {Period.ToString().ToLowerInvariant()} price in catalog {catalog.Version}.");
        return new Money(price.Amount, price.Currency);
    }

    /// <summary>Ends the subscription as the quote says; the fee, if any, is billed with the next invoice.</summary>
    public void Cancel(CancellationQuote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        if (EndsOn is not null)
        {
            throw new InvalidOperationException($"This subscription already ends on {EndsOn:yyyy-MM-dd}.");
        }

        EndsOn = quote.EffectiveOn;
        TerminationFee = quote.Fee.Amount;
    }

    /// <summary>The fee owed for the cancellation, excluding VAT, when cancelled.</summary>
    public decimal? TerminationFee { get; private set; }

    /// <summary>Adds an option of the plan, checking the plan offers it.</summary>
    public SubscriptionOption AddOption(CatalogVersion catalog, string optionCode, int quantity, DateOnly startsOn)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var allowed = Kind switch
        {
            ProductKind.Plan => catalog.FindPlan(ProductCode)?.Options.Contains(optionCode) ?? false,
            ProductKind.ContactExperience => catalog.ContactExperience.FindOption(optionCode) is not null,
            _ => false,
        };
        if (!allowed)
        {
            throw new ArgumentException($"'{ProductCode}' offers no option '{optionCode}' in catalog {catalog.Version}.", nameof(optionCode));
        }

        if (_options.Any(o => o.OptionCode == optionCode && o.EndsOn is null))
        {
            throw new InvalidOperationException($"Option '{optionCode}' is already active; change its quantity instead.");
        }

        var option = new SubscriptionOption(Id, optionCode, quantity, startsOn);
        _options.Add(option);
        return option;
    }
}
