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
    private readonly List<QuantityChange> _quantityChanges = [];

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

    /// <summary>
    /// User licences for a plan, licences or subscriptions for Contact Experience, 1 for a number: as subscribed at the
    /// start. Later changes are in <see cref="QuantityChanges"/>; <see cref="QuantityOn(DateOnly)"/> gives the quantity of any day.
    /// </summary>
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

    public IReadOnlyList<QuantityChange> QuantityChanges => _quantityChanges;

    /// <summary>The quantity in force on <paramref name="day"/>.</summary>
    public int QuantityOn(DateOnly day) => QuantityOn(Quantity, _quantityChanges, day);

    /// <summary>The quantity in force on <paramref name="day"/>, from the starting quantity and the changes since.</summary>
    public static int QuantityOn(int startQuantity, IEnumerable<QuantityChange> changes, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var quantity = startQuantity;
        var latest = DateOnly.MinValue;
        foreach (var change in changes)
        {
            if (!change.Withdrawn && change.EffectiveOn <= day && change.EffectiveOn >= latest)
            {
                quantity = change.Quantity;
                latest = change.EffectiveOn;
            }
        }

        return quantity;
    }

    /// <summary>What changing to <paramref name="quantity"/> units would do: increases at once; reductions as the offer says.</summary>
    public Outcome<ChangeQuote> QuoteQuantity(CatalogVersion catalog, int quantity, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (EndsOn is { } end && end < today.AddDays(1))
        {
            return Outcome<ChangeQuote>.Failure(new Problem("quantity", $"This subscription ended on {end:yyyy-MM-dd}.", "ENDED"));
        }

        if (Kind == ProductKind.SmartNumber)
        {
            return Outcome<ChangeQuote>.Failure(new Problem("quantity", "A Smart Number subscription is for one number; subscribe another number instead.", "FIXED_QUANTITY"));
        }

        if (quantity is < 1 or > 10_000)
        {
            return Outcome<ChangeQuote>.Failure(new Problem("quantity", "Keep at least 1 unit (cancel the subscription to end it), at most 10 000.", "QUANTITY_RANGE"));
        }

        var current = QuantityOn(today);
        var unit = UnitPrice(catalog);
        if (quantity == current)
        {
            return _quantityChanges.Any(c => !c.Withdrawn && c.EffectiveOn > today)
                ? Outcome<ChangeQuote>.Success(new ChangeQuote(today, current, current, Money.Zero(unit.Currency), Money.Zero(unit.Currency), "Withdraws the change planned for this subscription; it stays as it is."))
                : Outcome<ChangeQuote>.Failure(new Problem("quantity", $"The subscription already counts {current}.", "UNCHANGED"));
        }

        var delta = new Money(unit.Amount * (quantity - current), unit.Currency);
        var starts = today < StartsOn ? StartsOn : today;
        if (quantity > current)
        {
            return Outcome<ChangeQuote>.Success(new ChangeQuote(starts, current, quantity, delta, Money.Zero(unit.Currency), "An increase takes effect at once, prorated by day."));
        }

        if (Kind == ProductKind.Plan)
        {
            var fee = catalog.FindPlan(ProductCode)!.TerminationFeePerLicence * (current - quantity);
            return Outcome<ChangeQuote>.Success(new ChangeQuote(starts, current, quantity, delta, new Money(fee, unit.Currency), $"The licences end at once, prorated by day, with the termination fee of {catalog.FindPlan(ProductCode)!.TerminationFeePerLicence} {unit.Currency} per licence (003)."));
        }

        var firstOfNextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        return Outcome<ChangeQuote>.Success(new ChangeQuote(starts > firstOfNextMonth ? starts : firstOfNextMonth, current, quantity, delta, Money.Zero(unit.Currency), "A reduction takes effect on the first day of next month (004 art. 4.2)."));
    }

    /// <summary>Changes the quantity as <see cref="QuoteQuantity"/> says; a change still to come is replaced by the new one.</summary>
    public Outcome<ChangeQuote> ChangeQuantity(CatalogVersion catalog, int quantity, DateOnly today, DateTimeOffset now)
    {
        var quote = QuoteQuantity(catalog, quantity, today);
        if (quote.Value is not { } q)
        {
            return quote;
        }

        foreach (var pending in _quantityChanges.Where(c => !c.Withdrawn && c.EffectiveOn > today))
        {
            pending.Withdraw();
        }

        if (q.ToQuantity != q.FromQuantity)
        {
            _quantityChanges.Add(new QuantityChange(Id, q.EffectiveOn, q.FromQuantity, q.ToQuantity, q.Fee.Amount, q.Rule, now));
        }

        return quote;
    }

    /// <summary>Adds an option of the plan, checking the plan offers it.</summary>
    public SubscriptionOption AddOption(CatalogVersion catalog, string optionCode, int quantity, DateOnly startsOn)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (FindOptionPrice(catalog, optionCode) is null)
        {
            throw new ArgumentException($"'{ProductCode}' offers no option '{optionCode}' in catalog {catalog.Version}.", nameof(optionCode));
        }

        if (_options.Any(o => o.OptionCode == optionCode && (o.EndsOn is null || o.EndsOn >= startsOn)))
        {
            throw new InvalidOperationException($"Option '{optionCode}' is already active; change its quantity instead.");
        }

        var option = new SubscriptionOption(Id, optionCode, quantity, startsOn);
        _options.Add(option);
        return option;
    }

    /// <summary>The quantity of an option in force on <paramref name="day"/> (0 when the option is not taken).</summary>
    public int OptionQuantityOn(string optionCode, DateOnly day) =>
        _options.Where(o => o.OptionCode == optionCode && o.StartsOn <= day && (o.EndsOn is null || o.EndsOn >= day)).Sum(o => o.Quantity);

    /// <summary>
    /// What setting an option to <paramref name="quantity"/> (0 removes it) would do: an addition or increase takes effect
    /// today, prorated; a reduction as the catalog says for that option — at once, or on the first of next month for packs.
    /// </summary>
    public Outcome<ChangeQuote> QuoteOption(CatalogVersion catalog, string optionCode, int quantity, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var offer = FindOptionPrice(catalog, optionCode);
        if (offer is not { } found)
        {
            return Outcome<ChangeQuote>.Failure(new Problem("optionCode", $"This subscription offers no option '{optionCode}'.", "UNKNOWN_OPTION"));
        }

        if (EndsOn is { } end && end < today.AddDays(1))
        {
            return Outcome<ChangeQuote>.Failure(new Problem("optionCode", $"This subscription ended on {end:yyyy-MM-dd}.", "ENDED"));
        }

        if (quantity is < 0 or > 10_000)
        {
            return Outcome<ChangeQuote>.Failure(new Problem("quantity", "An option counts 0 (removed) to 10 000.", "QUANTITY_RANGE"));
        }

        var starts = today < StartsOn ? StartsOn : today;
        var current = OptionQuantityOn(optionCode, starts);
        var zero = Money.Zero(found.Price.Currency);
        if (quantity == current)
        {
            var planned = _options.Where(o => o.OptionCode == optionCode && (o.StartsOn > starts || (o.EndsOn is { } last && last >= starts))).ToList();
            return planned.Count > 0
                ? Outcome<ChangeQuote>.Success(new ChangeQuote(starts, current, current, zero, zero, "Withdraws the change planned for this option; it stays as it is."))
                : Outcome<ChangeQuote>.Failure(new Problem("quantity", current == 0 ? "This option is not taken." : $"The option already counts {current}.", "UNCHANGED"));
        }

        var delta = new Money(found.Price.Amount * (quantity - current), found.Price.Currency);
        if (quantity > current)
        {
            return Outcome<ChangeQuote>.Success(new ChangeQuote(starts, current, quantity, delta, zero, "An option added or increased takes effect at once, prorated by day."));
        }

        if (found.Reduction == ReductionTiming.NextMonth)
        {
            var first = new DateOnly(starts.Year, starts.Month, 1).AddMonths(1);
            return Outcome<ChangeQuote>.Success(new ChangeQuote(first, current, quantity, delta, zero, "A pack reduction takes effect on the first day of next month (004 art. 4.2)."));
        }

        return Outcome<ChangeQuote>.Success(new ChangeQuote(starts.AddDays(1), current, quantity, delta, zero, "The reduction takes effect tomorrow; today is still billed, the rest of the period is credited."));
    }

    /// <summary>Sets an option as <see cref="QuoteOption"/> says; the rows of the option keep its history, one row per quantity.</summary>
    public Outcome<ChangeQuote> SetOption(CatalogVersion catalog, string optionCode, int quantity, DateOnly today)
    {
        var quote = QuoteOption(catalog, optionCode, quantity, today);
        if (quote.Value is not { } q)
        {
            return quote;
        }

        // A change still to come is replaced by this one: later rows go, the row in force runs on again.
        var from = today < StartsOn ? StartsOn : today;
        _options.RemoveAll(o => o.OptionCode == optionCode && o.StartsOn > from);
        var inForce = _options.FirstOrDefault(o => o.OptionCode == optionCode && o.StartsOn <= from && (o.EndsOn is null || o.EndsOn >= from));
        inForce?.Reopen(inForce.Quantity);
        if (q.ToQuantity == q.FromQuantity)
        {
            return quote;
        }

        if (inForce is not null && inForce.StartsOn == q.EffectiveOn)
        {
            if (q.ToQuantity == 0)
            {
                _options.Remove(inForce);
            }
            else
            {
                inForce.Reopen(q.ToQuantity);
            }

            return quote;
        }

        inForce?.EndOn(q.EffectiveOn.AddDays(-1));
        if (q.ToQuantity > 0)
        {
            _options.Add(new SubscriptionOption(Id, optionCode, q.ToQuantity, q.EffectiveOn));
        }

        return quote;
    }

    /// <summary>Whether <paramref name="productCode"/> can take the option: a plan's options, or Contact Experience's for its services.</summary>
    public static bool OffersOption(CatalogVersion catalog, string productCode, string optionCode)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return (catalog.FindPlan(productCode)?.Options.Contains(optionCode) ?? false)
            || (catalog.ContactExperience.FindService(productCode) is not null && catalog.ContactExperience.FindOption(optionCode) is { Prices.Count: > 0 });
    }

    private (Money Price, ReductionTiming Reduction)? FindOptionPrice(CatalogVersion catalog, string optionCode)
    {
        if (Kind == ProductKind.Plan && (catalog.FindPlan(ProductCode)?.Options.Contains(optionCode) ?? false) && catalog.FindOption(optionCode) is { } plan)
        {
            var price = plan.Prices.FirstOrDefault(p => p.Period == Period) ?? plan.Prices.FirstOrDefault(p => p.Period == PricePeriod.Monthly);
            return price is null ? null : (new Money(price.Amount, price.Currency), plan.Reduction);
        }

        if (Kind == ProductKind.ContactExperience && catalog.ContactExperience.FindOption(optionCode) is { } cx && cx.Prices.Count > 0)
        {
            var price = cx.Prices.FirstOrDefault(p => p.Period == Period) ?? cx.Prices[0];
            return (new Money(price.Amount, price.Currency), cx.Reduction);
        }

        return null;
    }
}
