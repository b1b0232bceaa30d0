using Store.Domain.Calls;
using Store.Domain.Catalog;
using Store.Domain.Subscriptions;

namespace Store.Domain.Rating;

/// <summary>
/// A customer's prices and rules for one month, taken from the catalog versions its subscriptions signed and laid out
/// for rating: look-up tables, per-second rates, pooled volumes multiplied out. Built once per customer and month,
/// read by every call of it.
/// </summary>
public sealed class RatingTariff
{
    private RatingTariff(PlanRates? plan, ContactRates? contact, SmartNumberRates[] smartNumbers)
    {
        Plan = plan;
        Contact = contact;
        SmartNumbers = smartNumbers;
    }

    public PlanRates? Plan { get; }

    public ContactRates? Contact { get; }

    /// <summary>The customer's Smart Numbers, indexed by <see cref="CallToRate.SmartNumber"/>.</summary>
    public IReadOnlyList<SmartNumberRates> SmartNumbers { get; }

    /// <summary>
    /// The tariff of a customer's subscriptions in force in the month, each priced by the catalog version it signed
    /// (<paramref name="catalogOf"/> gives it, so a corrected version can be passed to re-rate).
    /// </summary>
    public static RatingTariff For(Func<string, CatalogVersion> catalogOf, IEnumerable<Subscription> subscriptions, IEnumerable<SmartNumberSetup>? numbers = null)
    {
        ArgumentNullException.ThrowIfNull(catalogOf);
        ArgumentNullException.ThrowIfNull(subscriptions);
        var list = subscriptions.ToList();
        PlanRates? plan = null;
        foreach (var s in list.Where(s => s.Kind == ProductKind.Plan))
        {
            var catalog = catalogOf(s.CatalogVersion);
            var p = catalog.FindPlan(s.ProductCode) ?? throw new InvalidOperationException($"Catalog {catalog.Version} has no plan '{s.ProductCode}'.");
            plan ??= PlanRates.From(s, p);
        }

        ContactRates? contact = null;
        var cx = list.Where(s => s.Kind == ProductKind.ContactExperience).ToList();
        if (cx.Count > 0)
        {
            contact = ContactRates.From(cx, catalogOf);
        }

        var smart = new List<SmartNumberRates>();
        foreach (var number in numbers ?? [])
        {
            var holder = list.FirstOrDefault(s => s.Kind == ProductKind.SmartNumber && catalogOf(s.CatalogVersion).SmartNumbers.TypeOfNumber(number.NationalNumber)?.Code == s.ProductCode);
            if (holder is null)
            {
                continue;
            }

            var type = catalogOf(holder.CatalogVersion).SmartNumbers.TypeOfNumber(number.NationalNumber)!;
            smart.Add(new SmartNumberRates(number.NationalNumber, holder.Id, (type.Prices.Count > 0 ? type.Prices[0].Currency : Currency.CHF), type.Kind, type.Traffic.HolderPerMinuteFromFixed, type.Traffic.HolderPerMinuteFromMobile, type.Traffic.HolderRevenueShare, [.. number.Tariffs]));
        }

        return new RatingTariff(plan, contact, [.. smart]);
    }

    /// <summary>The index of a Smart Number in <see cref="SmartNumbers"/>, or -1.</summary>
    public int SmartNumberIndex(string nationalNumber)
    {
        for (var i = 0; i < SmartNumbers.Count; i++)
        {
            if (SmartNumbers[i].NationalNumber == nationalNumber)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A customer's Smart Number as rating needs it: its national form (0800..., 0901...) and premium tariffs.</summary>
public sealed record SmartNumberSetup(string NationalNumber, IReadOnlyList<PremiumTariff> Tariffs);

/// <summary>A hosted-telephony plan's rules (003, or 002's fair use for unlimited offers), per second.</summary>
public sealed class PlanRates
{
    private readonly bool[] _included = new bool[CountryCode.Count * 2];

    private PlanRates(Guid subscriptionId, Currency currency, Plan plan)
    {
        SubscriptionId = subscriptionId;
        Currency = currency;
        DomesticPerMinute = plan.Overage.DomesticPerMinute;
        InternationalPerMinute = plan.Overage.InternationalPerMinute;
        MaxCorrespondents = plan.FairUse.MaxDistinctCorrespondentsPerMonth ?? int.MaxValue;
        CountedPerUser = plan.FairUse.CountedPerUser;
        MaxCallSeconds = plan.FairUse.MaxCallSeconds ?? int.MaxValue;
        foreach (var d in plan.IncludedDestinations)
        {
            var country = CountryCode.Pack(d.Country);
            _included[country * 2] = d.Fixed;
            _included[(country * 2) + 1] = d.Mobile;
        }
    }

    public Guid SubscriptionId { get; }

    public Currency Currency { get; }

    public decimal DomesticPerMinute { get; }

    public decimal InternationalPerMinute { get; }

    public int MaxCorrespondents { get; }

    public bool CountedPerUser { get; }

    public int MaxCallSeconds { get; }

    public static readonly ushort France = CountryCode.Pack("FR");

    public bool Includes(ushort country, bool mobile) => _included[(country * 2) + (mobile ? 1 : 0)];

    internal static PlanRates From(Subscription subscription, Plan plan) =>
        new(subscription.Id, plan.Prices.Count > 0 ? plan.Prices[0].Currency : Currency.EUR, plan);
}

/// <summary>Contact Experience (004): pooled inbound minutes, TTS volume, recording packs, in seconds.</summary>
public sealed record ContactRates(
    Guid SubscriptionId,
    Currency Currency,
    long PoolSeconds,
    decimal InboundOveragePerMinute,
    long TextToSpeechSeconds,
    decimal TextToSpeechOveragePerMinute,
    long RecordingSeconds,
    decimal RecordingOveragePerMinute,
    bool RecordingOverageAllowed)
{
    /// <summary>No dynamic TTS option: TTS minutes are not counted.</summary>
    public const long NoTextToSpeech = -1;

    internal static ContactRates From(IReadOnlyList<Subscription> subscriptions, Func<string, CatalogVersion> catalogOf)
    {
        long pool = 0, tts = NoTextToSpeech, recording = 0;
        decimal overage = 0, ttsOverage = 0, recordingOverage = 0;
        var allowed = false;
        var currency = Currency.EUR;
        foreach (var s in subscriptions)
        {
            var offer = catalogOf(s.CatalogVersion).ContactExperience;
            var service = offer.FindService(s.ProductCode) ?? throw new InvalidOperationException($"No Contact Experience service '{s.ProductCode}'.");
            pool += (long)service.IncludedInboundMinutes * s.Quantity * 60;
            overage = offer.InboundOveragePerMinute;
            currency = service.Prices.Count > 0 ? service.Prices[0].Currency : currency;
            foreach (var o in s.Options.Where(o => o.EndsOn is null))
            {
                var option = offer.FindOption(o.OptionCode);
                switch (option?.Kind)
                {
                    case ContactExperienceOptionKind.MinutesSubscription:
                        tts = Math.Max(tts, 0) + ((long)(option.IncludedMinutes ?? 0) * o.Quantity * 60);
                        ttsOverage = option.OveragePerMinute ?? 0;
                        break;
                    case ContactExperienceOptionKind.RecordingPack:
                        recording += (long)(option.IncludedMinutes ?? 0) * o.Quantity * 60;
                        recordingOverage = option.OveragePerMinute ?? 0;
                        allowed |= o.OverageAllowed;
                        break;
                }
            }
        }

        return new ContactRates(subscriptions[0].Id, currency, pool, overage, tts, ttsOverage, recording, recordingOverage, allowed);
    }
}

/// <summary>A Smart Number's traffic prices (000, 001) and, for a premium number, its tariffs.</summary>
public sealed record SmartNumberRates(
    string NationalNumber,
    Guid SubscriptionId,
    Currency Currency,
    SmartNumberKind Kind,
    decimal HolderPerMinuteFromFixed,
    decimal HolderPerMinuteFromMobile,
    decimal HolderRevenueShare,
    PremiumTariff[] Tariffs);
