using Store.Domain.Calls;
using Store.Domain.Catalog;

namespace Store.Domain.Rating;

/// <summary>
/// Prices one call: a pure function of the customer's tariff for the month, the month's counters so far and the call.
/// It advances the counters (the next call sees this one's correspondent and minutes) and returns the charge lines.
/// Calls of a month are rated in the order they started. Per second, at the per-minute prices of the catalog; the
/// amounts keep 4 decimals.
/// </summary>
public static class Rater
{
    /// <summary>Why the call cannot be rated for this customer, or null when it can.</summary>
    public static Problem? CannotRate(RatingTariff tariff, in CallToRate call)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        if (call.SmartNumber >= 0)
        {
            var rates = tariff.SmartNumbers[call.SmartNumber];
            return rates.Kind == SmartNumberKind.Premium && !KnownTariffs(rates, call)
                ? new Problem("tariff", "The call names a premium tariff the number does not have.", "UNKNOWN_TARIFF")
                : null;
        }

        var covered = call.Direction == CallDirection.Inbound || (call.Flags & CallFlags.WebCallBack) != 0
            ? tariff.Plan is not null || tariff.Contact is not null
            : tariff.Plan is not null;
        return covered ? null : new Problem("account", $"The customer has no subscription that covers {(call.Direction == CallDirection.Inbound ? "inbound" : "outbound")} calls.", "NO_SUBSCRIPTION");
    }

    public static RatedLines Rate(RatingTariff tariff, PeriodCounters counters, in CallToRate call)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        ArgumentNullException.ThrowIfNull(counters);
        var lines = default(RatedLines);
        if (call.SmartNumber >= 0)
        {
            RateSmartNumber(tariff.SmartNumbers[call.SmartNumber], call, ref lines);
        }
        else if ((call.Flags & CallFlags.WebCallBack) != 0 && tariff.Contact is { } callBack)
        {
            RateWebCallBack(callBack, counters, call, ref lines);
        }
        else if (call.Direction == CallDirection.Inbound && tariff.Contact is { } contact)
        {
            RateContactInbound(contact, counters, call, ref lines);
        }
        else if (tariff.Plan is { } plan)
        {
            RatePlan(plan, counters, call, ref lines);
        }
        else
        {
            throw new InvalidOperationException("The call cannot be rated for this customer; check CannotRate first.");
        }

        return lines;
    }

    /// <summary>The exact price of <paramref name="seconds"/> at <paramref name="perMinute"/>, to 4 decimals, half away from zero.</summary>
    public static decimal PerSecond(long seconds, decimal perMinute) =>
        seconds <= 0 ? 0m : Math.Round(seconds * perMinute / 60m, 4, MidpointRounding.AwayFromZero);

    private static void RatePlan(PlanRates plan, PeriodCounters counters, in CallToRate call, ref RatedLines lines)
    {
        var id = plan.SubscriptionId;
        var currency = plan.Currency;
        var seconds = call.Seconds;
        if (seconds <= 0)
        {
            lines.Add(new ChargeLine(id, currency, ChargeCategory.NotCharged, RatingRule.NotAnswered, 0, 0, 0m));
            return;
        }

        if (call.Direction == CallDirection.Inbound)
        {
            lines.Add(new ChargeLine(id, currency, ChargeCategory.Included, RatingRule.InboundIncluded, 0, seconds, 0m));
            return;
        }

        var domestic = call.Category is NumberCategory.MetropolitanFixed or NumberCategory.MetropolitanMobile or NumberCategory.Special;
        var rate = domestic ? plan.DomesticPerMinute : plan.InternationalPerMinute;
        var overage = domestic ? ChargeCategory.DomesticOverage : ChargeCategory.InternationalOverage;
        if ((call.Flags & CallFlags.Forwarded) != 0)
        {
            lines.Add(new ChargeLine(id, currency, ChargeCategory.Forwarding, RatingRule.ForwardingOutsideBundle, 0, seconds, PerSecond(seconds, rate)));
            return;
        }

        if (call.Category == NumberCategory.Special)
        {
            lines.Add(new ChargeLine(id, currency, ChargeCategory.SpecialNumber, RatingRule.SpecialNumberOutsideBundle, 0, seconds, PerSecond(seconds, rate)));
            return;
        }

        var country = call.Category is NumberCategory.MetropolitanFixed or NumberCategory.MetropolitanMobile ? PlanRates.France : call.Country;
        if (!plan.Includes(country, call.Mobile))
        {
            lines.Add(new ChargeLine(id, currency, overage, RatingRule.DestinationNotIncluded, 0, seconds, PerSecond(seconds, rate)));
            return;
        }

        var rank = counters.RankOf(plan.CountedPerUser ? call.UserSlot : 0, call.Correspondent);
        if (rank > plan.MaxCorrespondents)
        {
            lines.Add(new ChargeLine(id, currency, overage, RatingRule.BeyondDistinctCorrespondents, rank, seconds, PerSecond(seconds, rate)));
            return;
        }

        var included = Math.Min(seconds, plan.MaxCallSeconds);
        lines.Add(new ChargeLine(id, currency, ChargeCategory.Included, RatingRule.IncludedInBundle, rank, included, 0m));
        if (seconds > included)
        {
            lines.Add(new ChargeLine(id, currency, overage, RatingRule.BeyondCallLength, plan.MaxCallSeconds, seconds - included, PerSecond(seconds - included, rate)));
        }
    }

    private static void RateContactInbound(ContactRates cx, PeriodCounters counters, in CallToRate call, ref RatedLines lines)
    {
        if (call.Seconds <= 0)
        {
            lines.Add(new ChargeLine(cx.SubscriptionId, cx.Currency, ChargeCategory.NotCharged, RatingRule.NotAnswered, 0, 0, 0m));
            return;
        }

        var inbound = counters.InboundSeconds;
        Pooled(cx, ref inbound, cx.PoolSeconds, call.Seconds, cx.InboundOveragePerMinute, ChargeCategory.InboundOverage, RatingRule.InboundWithinPool, RatingRule.InboundBeyondPool, ref lines);
        counters.InboundSeconds = inbound;

        // 004 art. 4.1: the TTS volume is the minutes received on the customer's numbers.
        if (cx.TextToSpeechSeconds != ContactRates.NoTextToSpeech)
        {
            var tts = counters.TextToSpeechSeconds;
            Pooled(cx, ref tts, cx.TextToSpeechSeconds, call.Seconds, cx.TextToSpeechOveragePerMinute, ChargeCategory.TextToSpeech, RatingRule.TextToSpeechWithinVolume, RatingRule.TextToSpeechBeyondVolume, ref lines);
            counters.TextToSpeechSeconds = tts;
        }

        if (call.RecordedSeconds > 0)
        {
            var recorded = counters.RecordedSeconds;
            Pooled(cx, ref recorded, cx.RecordingSeconds, call.RecordedSeconds, cx.RecordingOverageAllowed ? cx.RecordingOveragePerMinute : 0m, ChargeCategory.Recording, RatingRule.RecordingWithinPacks, cx.RecordingOverageAllowed ? RatingRule.RecordingBeyondPacks : RatingRule.RecordingBeyondPacksNotAllowed, ref lines);
            counters.RecordedSeconds = recorded;
        }
    }

    /// <summary>004 art. 4.5: the platform places two calls, each counted and billed like inbound traffic.</summary>
    private static void RateWebCallBack(ContactRates cx, PeriodCounters counters, in CallToRate call, ref RatedLines lines)
    {
        if (call.Seconds <= 0)
        {
            lines.Add(new ChargeLine(cx.SubscriptionId, cx.Currency, ChargeCategory.NotCharged, RatingRule.NotAnswered, 0, 0, 0m));
            return;
        }

        var inbound = counters.InboundSeconds;
        for (var leg = 1; leg <= 2; leg++)
        {
            var within = Math.Clamp(cx.PoolSeconds - inbound, 0, call.Seconds);
            inbound += call.Seconds;
            var beyond = call.Seconds - within;
            lines.Add(new ChargeLine(cx.SubscriptionId, cx.Currency, beyond == 0 ? ChargeCategory.Included : ChargeCategory.WebCallBack, RatingRule.WebCallBackLeg, leg, call.Seconds, PerSecond(beyond, cx.InboundOveragePerMinute)));
        }

        counters.InboundSeconds = inbound;
    }

    /// <summary>Splits <paramref name="seconds"/> between what is left of a volume and what goes beyond it.</summary>
    private static void Pooled(ContactRates cx, ref long used, long volume, int seconds, decimal perMinute, ChargeCategory beyondCategory, RatingRule within, RatingRule beyond, ref RatedLines lines)
    {
        var minutes = (int)(volume / 60);
        var inVolume = (int)Math.Clamp(volume - used, 0, seconds);
        used += seconds;
        if (inVolume > 0)
        {
            lines.Add(new ChargeLine(cx.SubscriptionId, cx.Currency, ChargeCategory.Included, within, minutes, inVolume, 0m));
        }

        if (seconds > inVolume)
        {
            lines.Add(new ChargeLine(cx.SubscriptionId, cx.Currency, beyondCategory, beyond, minutes, seconds - inVolume, PerSecond(seconds - inVolume, perMinute)));
        }
    }

    private static void RateSmartNumber(SmartNumberRates number, in CallToRate call, ref RatedLines lines)
    {
        if (call.Seconds <= 0)
        {
            lines.Add(new ChargeLine(number.SubscriptionId, number.Currency, ChargeCategory.NotCharged, RatingRule.NotAnswered, 0, 0, 0m));
            return;
        }

        if (number.Kind != SmartNumberKind.Premium)
        {
            var perMinute = call.Mobile ? number.HolderPerMinuteFromMobile : number.HolderPerMinuteFromFixed;
            var rule = number.Kind == SmartNumberKind.Freephone ? RatingRule.FreephoneHolderPays : RatingRule.SharedCostHolderPays;
            lines.Add(new ChargeLine(number.SubscriptionId, number.Currency, ChargeCategory.SmartNumberTraffic, rule, call.Mobile ? 1 : 0, call.Seconds, PerSecond(call.Seconds, perMinute)));
            return;
        }

        // Each tariff in force during the call bills its per-minute price for its seconds; entering a tariff bills its
        // price per call and its fixed fee once.
        var first = number.Tariffs[call.Tariff];
        var exact = first.PerCall + first.FixedFee;
        var changes = call.TariffChanges;
        var current = first;
        var from = 0;
        if (changes is not null)
        {
            for (var i = 0; i < changes.Length; i++)
            {
                var at = Math.Clamp(changes[i].AtSecond, from, call.Seconds);
                exact += (at - from) * current.PerMinute / 60m;
                current = number.Tariffs[changes[i].Tariff];
                exact += current.PerCall + current.FixedFee;
                from = at;
            }
        }

        exact += (call.Seconds - from) * current.PerMinute / 60m;
        var paid = Math.Round(exact, 4, MidpointRounding.AwayFromZero);
        var share = Math.Round(paid * number.HolderRevenueShare, 4, MidpointRounding.AwayFromZero);
        var premiumRule = changes is { Length: > 0 } ? RatingRule.PremiumDynamic
            : first.FixedFee > 0 ? RatingRule.PremiumFixedFee
            : first.PerMinute == 0 && first.PerCall > 0 ? RatingRule.PremiumPerCall
            : RatingRule.PremiumPerMinute;
        lines.Add(new ChargeLine(number.SubscriptionId, number.Currency, ChargeCategory.SmartNumberPremium, premiumRule, changes?.Length ?? 0, call.Seconds, 0m, paid, share));
    }

    private static bool KnownTariffs(SmartNumberRates rates, in CallToRate call)
    {
        if ((uint)call.Tariff >= (uint)rates.Tariffs.Length)
        {
            return false;
        }

        foreach (var change in call.TariffChanges ?? [])
        {
            if ((uint)change.Tariff >= (uint)rates.Tariffs.Length)
            {
                return false;
            }
        }

        return true;
    }
}
