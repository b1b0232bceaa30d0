using System.Text.Json.Serialization;

namespace Store.Domain.Catalog;

/// <summary>
/// One published version of the offers: what was sold, at which prices and under which rules, from a date on.
/// Subscriptions keep the version they signed; a new version changes nothing for them. A version that
/// <see cref="Corrects"/> another fixes a mistake in it: the subscriptions signed on the corrected version are rated
/// with the correction from its publication on (and their months can be re-rated), while still recording what they signed.
/// </summary>
public sealed record CatalogVersion(
    string Version,
    DateOnly EffectiveFrom,
    IReadOnlyList<string> Sources,
    IReadOnlyList<Plan> Plans,
    IReadOnlyList<PlanOption> Options,
    IReadOnlyList<OneOffFee> Fees,
    YearlySla HostedTelephonySla,
    SmartNumberOffer SmartNumbers,
    ContactExperienceOffer ContactExperience,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Corrects = null)
{
    public Plan? FindPlan(string code) => Plans.FirstOrDefault(p => p.Code == code);

    public PlanOption? FindOption(string code) => Options.FirstOrDefault(o => o.Code == code);

    public OneOffFee? FindFee(string code) => Fees.FirstOrDefault(f => f.Code == code);

    /// <summary>Every priced thing of the version, for look-ups by code across offers.</summary>
    public IEnumerable<(string Code, LocalizedText Name, IReadOnlyList<Price> Prices)> PricedItems()
    {
        foreach (var p in Plans)
        {
            yield return (p.Code, p.Name, p.Prices);
        }

        foreach (var o in Options)
        {
            yield return (o.Code, o.Name, o.Prices);
        }

        foreach (var t in SmartNumbers.NumberTypes)
        {
            yield return (t.Code, t.Name, t.Prices);
        }

        foreach (var a in SmartNumbers.AddOns)
        {
            yield return (a.Code, a.Name, a.Prices);
        }

        foreach (var s in ContactExperience.Services)
        {
            yield return (s.Code, s.Name, s.Prices);
        }

        foreach (var o in ContactExperience.Options)
        {
            yield return (o.Code, o.Name, o.Prices);
        }
    }
}

public sealed record LocalizedText(string Fr, string En)
{
    public string In(string language) => language == "en" ? En : Fr;
}

public enum Market
{
    /// <summary>Sold from France: EUR, French VAT, Europe/Paris.</summary>
    FR,

    /// <summary>Sold from Switzerland: CHF, Swiss VAT, Europe/Zurich.</summary>
    CH,
}

public enum PricePeriod
{
    Monthly,
    Yearly,
}

public sealed record Price(PricePeriod Period, decimal Amount, Currency Currency, bool Placeholder = false);

public enum PlanFamily
{
    /// <summary>Hosted telephony per user (002, 003).</summary>
    HostedTelephony,
}

/// <summary>A hosted-telephony plan priced per user licence (003), or an unlimited offer under 002's fair use.</summary>
public sealed record Plan(
    string Code,
    LocalizedText Name,
    PlanFamily Family,
    Market Market,
    IReadOnlyList<Price> Prices,
    decimal SetupFee,
    int CommitmentMonths,
    decimal TerminationFeePerLicence,
    FairUse FairUse,
    Overage Overage,
    IReadOnlyList<IncludedDestination> IncludedDestinations,
    IReadOnlyList<string> Options,
    IReadOnlyList<LocalizedText> Features,
    bool Placeholder = false)
{
    public Price? PriceFor(PricePeriod period) => Prices.FirstOrDefault(p => p.Period == period);

    /// <summary>Whether calls to this country and line type are part of the bundle.</summary>
    public bool Includes(string country, LineType line) =>
        IncludedDestinations.Any(d => d.Country == country && (line == LineType.Fixed ? d.Fixed : d.Mobile));
}

/// <summary>
/// Limits of the included calls: distinct correspondents a calendar month (counted per user, or for the whole account),
/// and the length of one call. Null means no limit of that kind.
/// </summary>
public sealed record FairUse(int? MaxDistinctCorrespondentsPerMonth, bool CountedPerUser, int? MaxCallSeconds);

/// <summary>A yearly availability commitment and the credit, as a share of the monthly fee, when it is missed (002 art. 12).</summary>
public sealed record YearlySla(decimal Availability, decimal CreditRate);

/// <summary>Per-minute prices, excluding VAT, of what is outside the bundle. Billed per second.</summary>
public sealed record Overage(decimal DomesticPerMinute, decimal InternationalPerMinute);

public enum LineType
{
    Fixed,
    Mobile,
}

/// <summary>A destination included in a plan: a country (ISO 3166 alpha-2, "FR" meaning metropolitan France) and the line types.</summary>
public sealed record IncludedDestination(string Country, bool Fixed, bool Mobile, string? Note = null);

public enum OptionUnit
{
    /// <summary>One per account.</summary>
    Account,

    /// <summary>One per user licence.</summary>
    User,

    /// <summary>One per distinct forwarding number (003: extra user profile).</summary>
    RedirectionNumber,

    /// <summary>One per pack.</summary>
    Pack,
}

public enum ReductionTiming
{
    /// <summary>A reduction takes effect at once, prorated.</summary>
    Immediately,

    /// <summary>A reduction takes effect on the first day of the next month (004 art. 4.2).</summary>
    NextMonth,
}

/// <summary>An option of a hosted-telephony plan.</summary>
public sealed record PlanOption(
    string Code,
    LocalizedText Name,
    OptionUnit Unit,
    IReadOnlyList<Price> Prices,
    ReductionTiming Reduction,
    bool Placeholder = false);

public enum FeeUnit
{
    PerLicence,
    PerDevice,
    PerAppointment,
    PerNumber,
    PerMessage,
}

/// <summary>A one-off fee, billed once on the next invoice.</summary>
public sealed record OneOffFee(string Code, LocalizedText Name, FeeUnit Unit, decimal Amount, Currency Currency, string Source, bool Placeholder = false);
