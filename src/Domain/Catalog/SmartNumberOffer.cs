namespace Store.Domain.Catalog;

/// <summary>Swiss Smart Numbers (000, 001): freephone, shared-cost and premium numbers with their add-ons.</summary>
public sealed record SmartNumberOffer(
    Market Market,
    IReadOnlyList<SmartNumberType> NumberTypes,
    IReadOnlyList<TariffKind> TariffKinds,
    int MaxDynamicTariffs,
    PremiumTariffLimits PremiumLimits,
    IReadOnlyList<RoutingChoice> Routings,
    IReadOnlyList<PayoutFormula> Payouts,
    IReadOnlyList<SmartNumberAddOn> AddOns,
    IReadOnlyList<UsageCategory> UsageCategories)
{
    public SmartNumberType? TypeOfNumber(string nationalNumber) =>
        NumberTypes.FirstOrDefault(t => t.Prefixes.Any(nationalNumber.StartsWith));

    public SmartNumberAddOn? FindAddOn(string code) => AddOns.FirstOrDefault(a => a.Code == code);
}

public enum SmartNumberKind
{
    /// <summary>0800: free for the caller, the holder pays the traffic.</summary>
    Freephone,

    /// <summary>084x: the caller pays a local rate, the holder pays the rest.</summary>
    SharedCost,

    /// <summary>090x: the caller pays a premium tariff; the holder receives a share of it.</summary>
    Premium,
}

public sealed record SmartNumberType(
    string Code,
    LocalizedText Name,
    SmartNumberKind Kind,
    IReadOnlyList<string> Prefixes,
    IReadOnlyList<Price> Prices,
    SmartNumberTraffic Traffic,
    bool Placeholder = false);

/// <summary>
/// What the holder pays per minute of inbound traffic, by the caller's line, and for premium numbers the holder's share
/// of what callers pay (excluding VAT).
/// </summary>
public sealed record SmartNumberTraffic(decimal HolderPerMinuteFromFixed, decimal HolderPerMinuteFromMobile, decimal HolderRevenueShare);

public enum TariffKind
{
    /// <summary>A price per minute, billed per second.</summary>
    PerMinute,

    /// <summary>A price per answered call.</summary>
    PerCall,

    /// <summary>A fixed fee charged during the call, on top of the per-minute price.</summary>
    FixedFee,

    /// <summary>Prices changed in real time during the call (up to the offer's maximum number of tariffs).</summary>
    Dynamic,
}

/// <summary>The highest premium prices (excluding VAT) a holder may set.</summary>
public sealed record PremiumTariffLimits(decimal MaxPerMinute, decimal MaxPerCall, bool Placeholder = false);

public enum RoutingKind
{
    Pstn,
    Voip,
}

public sealed record RoutingChoice(RoutingKind Kind, LocalizedText Name, IReadOnlyList<Price> Prices, bool Placeholder = false);

public enum PayoutKind
{
    Standard,
    PayFast,
}

/// <summary>When the holder's revenue share is paid: at the latest so many days after the billing period.</summary>
public sealed record PayoutFormula(PayoutKind Kind, LocalizedText Name, int MaxDays, bool WorkingDays, decimal FeeRate, bool Placeholder = false);

/// <summary>An add-on of a Smart Number (000): web administration, IVR and its options, recording packs, ...</summary>
public sealed record SmartNumberAddOn(
    string Code,
    LocalizedText Name,
    IReadOnlyList<Price> Prices,
    int? IncludedMinutes = null,
    string? Requires = null,
    bool Placeholder = false);

public sealed record UsageCategory(string Code, LocalizedText Name);
