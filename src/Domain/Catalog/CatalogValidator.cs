using System.Text.RegularExpressions;

namespace Store.Domain.Catalog;

/// <summary>The rules a catalog version must keep before it can be published. Returns every problem, not just the first.</summary>
public static partial class CatalogValidator
{
    public static IReadOnlyList<CatalogProblem> Validate(CatalogVersion c)
    {
        var v = new Checker();
        v.Check("version", VersionPattern().IsMatch(c.Version), "must be letters, digits, '.', '_' or '-' (for example 2025-03)");
        v.Check("sources", c.Sources.Count > 0, "must name the offer documents this version comes from");
        v.Check("corrects", c.Corrects is null || (VersionPattern().IsMatch(c.Corrects) && c.Corrects != c.Version), "must name another version (for example 2025-03)");

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, _, _) in c.PricedItems())
        {
            v.Check($"code '{code}'", codes.Add(code), "is used by two entries; codes must be unique in a version");
        }

        for (var i = 0; i < c.Plans.Count; i++)
        {
            var p = c.Plans[i];
            var at = $"plans[{i}] ({p.Code})";
            CheckCommon(v, at, p.Code, p.Name, p.Prices, p.Market);
            v.Check($"{at}.prices", p.PriceFor(PricePeriod.Monthly) is not null, "a plan needs a monthly price");
            v.Check($"{at}.setupFee", p.SetupFee >= 0, "must not be negative");
            v.Check($"{at}.commitmentMonths", p.CommitmentMonths >= 0, "must not be negative");
            v.Check($"{at}.terminationFeePerLicence", p.TerminationFeePerLicence >= 0, "must not be negative");
            v.Check($"{at}.fairUse.maxDistinctCorrespondentsPerMonth", p.FairUse.MaxDistinctCorrespondentsPerMonth is null or > 0, "must be positive when set");
            v.Check($"{at}.fairUse.maxCallSeconds", p.FairUse.MaxCallSeconds is null or > 0, "must be positive when set");
            v.Check($"{at}.overage.domesticPerMinute", p.Overage.DomesticPerMinute >= 0, "must not be negative");
            v.Check($"{at}.overage.internationalPerMinute", p.Overage.InternationalPerMinute >= 0, "must not be negative");
            v.Check($"{at}.includedDestinations", p.IncludedDestinations.Count > 0, "a plan includes at least one destination");
            var countries = new HashSet<string>(StringComparer.Ordinal);
            for (var d = 0; d < p.IncludedDestinations.Count; d++)
            {
                var dest = p.IncludedDestinations[d];
                var dat = $"{at}.includedDestinations[{d}] ({dest.Country})";
                v.Check(dat, CountryPattern().IsMatch(dest.Country), "country must be an ISO 3166 alpha-2 code such as FR or DE");
                v.Check(dat, dest.Fixed || dest.Mobile, "must include fixed lines, mobile lines or both");
                v.Check(dat, countries.Add(dest.Country), "is listed twice");
            }

            foreach (var option in p.Options)
            {
                v.Check($"{at}.options", c.FindOption(option) is not null, $"names option '{option}', which the version does not define");
            }
        }

        for (var i = 0; i < c.Options.Count; i++)
        {
            var o = c.Options[i];
            var at = $"options[{i}] ({o.Code})";
            CheckCommon(v, at, o.Code, o.Name, o.Prices, Market.FR);
            v.Check($"{at}.prices", o.Prices.Count > 0, "an option needs a price");
        }

        for (var i = 0; i < c.Fees.Count; i++)
        {
            var f = c.Fees[i];
            var at = $"fees[{i}] ({f.Code})";
            CheckName(v, at, f.Code, f.Name);
            v.Check($"{at}.amount", f.Amount > 0, "must be positive");
            v.Check($"{at}.source", !string.IsNullOrWhiteSpace(f.Source), "must name the document that sets the fee");
        }

        v.Check("hostedTelephonySla.availability", c.HostedTelephonySla.Availability is > 0 and < 1, "must be a share between 0 and 1, such as 0.9985");
        v.Check("hostedTelephonySla.creditRate", c.HostedTelephonySla.CreditRate is > 0 and <= 1, "must be a share between 0 and 1, such as 0.18");

        ValidateSmartNumbers(v, c.SmartNumbers);
        ValidateContactExperience(v, c.ContactExperience);
        return v.Problems;
    }

    /// <summary>
    /// The rules of a correction against the other versions (published or about to be): it corrects a version that
    /// exists, from the same date, with the same offers and codes, and no other version corrects that one.
    /// </summary>
    public static IReadOnlyList<CatalogProblem> ValidateCorrection(CatalogVersion correction, IReadOnlyCollection<CatalogVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentNullException.ThrowIfNull(versions);
        var v = new Checker();
        if (correction.Corrects is not { } name)
        {
            return v.Problems;
        }

        var corrected = versions.FirstOrDefault(o => o.Version == name);
        if (corrected is null)
        {
            v.Check("corrects", false, $"names version '{name}', which is not published");
            return v.Problems;
        }

        v.Check("effectiveFrom", correction.EffectiveFrom == corrected.EffectiveFrom, $"must be {corrected.EffectiveFrom:yyyy-MM-dd}, the date of the corrected version '{name}'");
        var codes = Codes(correction);
        var correctedCodes = Codes(corrected);
        foreach (var missing in correctedCodes.Except(codes, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            v.Check("corrects", false, $"'{missing}' is in version '{name}' but not in its correction; a correction keeps the same offers and codes");
        }

        foreach (var added in codes.Except(correctedCodes, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            v.Check("corrects", false, $"'{added}' is not in version '{name}'; a correction keeps the same offers and codes");
        }

        var twin = versions.FirstOrDefault(o => o.Corrects == name && o.Version != correction.Version);
        v.Check("corrects", twin is null, $"version '{name}' is already corrected by '{twin?.Version}'; to correct again, correct '{twin?.Version}'");
        var step = corrected;
        for (var hops = 0; step?.Corrects is { } earlier && hops <= versions.Count; hops++)
        {
            if (earlier == correction.Version)
            {
                v.Check("corrects", false, $"version '{name}' corrects '{correction.Version}' in turn; corrections cannot go round in a circle");
                break;
            }

            step = versions.FirstOrDefault(o => o.Version == earlier);
        }

        return v.Problems;

        static HashSet<string> Codes(CatalogVersion c) =>
            [.. c.PricedItems().Select(i => i.Code), .. c.Fees.Select(f => "fee " + f.Code)];
    }

    private static void ValidateSmartNumbers(Checker v, SmartNumberOffer s)
    {
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < s.NumberTypes.Count; i++)
        {
            var t = s.NumberTypes[i];
            var at = $"smartNumbers.numberTypes[{i}] ({t.Code})";
            CheckCommon(v, at, t.Code, t.Name, t.Prices, s.Market, codePattern: false);
            v.Check($"{at}.prefixes", t.Prefixes.Count > 0, "a number type needs at least one prefix");
            foreach (var prefix in t.Prefixes)
            {
                v.Check($"{at}.prefixes", PrefixPattern().IsMatch(prefix), $"'{prefix}' must be digits starting with 0");
                v.Check($"{at}.prefixes", prefixes.Add(prefix), $"'{prefix}' belongs to two number types");
            }

            v.Check($"{at}.traffic", t.Traffic.HolderPerMinuteFromFixed >= 0 && t.Traffic.HolderPerMinuteFromMobile >= 0, "per-minute prices must not be negative");
            v.Check($"{at}.traffic.holderRevenueShare", t.Traffic.HolderRevenueShare is >= 0 and < 1, "must be a share between 0 and 1");
            v.Check($"{at}.traffic.holderRevenueShare", t.Kind != SmartNumberKind.Premium || t.Traffic.HolderRevenueShare > 0, "a premium number gives its holder a share of the revenue");
        }

        v.Check("smartNumbers.tariffKinds", s.TariffKinds.Count > 0, "at least one tariff kind must be offered");
        v.Check("smartNumbers.maxDynamicTariffs", s.MaxDynamicTariffs is > 0 and <= 1000, "must be between 1 and 1000");
        v.Check("smartNumbers.premiumLimits", s.PremiumLimits.MaxPerMinute > 0 && s.PremiumLimits.MaxPerCall > 0, "limits must be positive");
        v.Check("smartNumbers.routings", s.Routings.Select(r => r.Kind).Distinct().Count() == s.Routings.Count && s.Routings.Count > 0, "each routing kind once, at least one");
        for (var i = 0; i < s.Routings.Count; i++)
        {
            CheckPrices(v, $"smartNumbers.routings[{i}] ({s.Routings[i].Kind})", s.Routings[i].Prices, s.Market);
        }

        v.Check("smartNumbers.payouts", s.Payouts.Select(p => p.Kind).Distinct().Count() == s.Payouts.Count && s.Payouts.Count > 0, "each payout formula once, at least one");
        for (var i = 0; i < s.Payouts.Count; i++)
        {
            var p = s.Payouts[i];
            v.Check($"smartNumbers.payouts[{i}] ({p.Kind}).maxDays", p.MaxDays > 0, "must be positive");
            v.Check($"smartNumbers.payouts[{i}] ({p.Kind}).feeRate", p.FeeRate is >= 0 and < 1, "must be a share between 0 and 1");
        }

        for (var i = 0; i < s.AddOns.Count; i++)
        {
            var a = s.AddOns[i];
            var at = $"smartNumbers.addOns[{i}] ({a.Code})";
            CheckCommon(v, at, a.Code, a.Name, a.Prices, s.Market);
            v.Check($"{at}.includedMinutes", a.IncludedMinutes is null or > 0, "must be positive when set");
            v.Check($"{at}.requires", a.Requires is null || s.FindAddOn(a.Requires) is not null, $"requires '{a.Requires}', which is not an add-on of this version");
        }

        v.Check("smartNumbers.usageCategories", s.UsageCategories.Count > 0, "the order form lists usage categories");
    }

    private static void ValidateContactExperience(Checker v, ContactExperienceOffer cx)
    {
        for (var i = 0; i < cx.Services.Count; i++)
        {
            var s = cx.Services[i];
            var at = $"contactExperience.services[{i}] ({s.Code})";
            CheckCommon(v, at, s.Code, s.Name, s.Prices, cx.Market);
            v.Check($"{at}.includedInboundMinutes", s.IncludedInboundMinutes >= 0, "must not be negative");
        }

        v.Check("contactExperience.inboundOveragePerMinute", cx.InboundOveragePerMinute >= 0, "must not be negative");
        for (var i = 0; i < cx.Options.Count; i++)
        {
            var o = cx.Options[i];
            var at = $"contactExperience.options[{i}] ({o.Code})";
            CheckCommon(v, at, o.Code, o.Name, o.Prices, cx.Market);
            switch (o.Kind)
            {
                case ContactExperienceOptionKind.MinutesSubscription or ContactExperienceOptionKind.RecordingPack:
                    v.Check($"{at}.prices", o.Prices.Count > 0, "a subscription option needs a monthly price");
                    v.Check($"{at}.includedMinutes", o.IncludedMinutes is > 0, "must say how many minutes the subscription includes");
                    v.Check($"{at}.overagePerMinute", o.OveragePerMinute is >= 0, "must give the per-minute price beyond the included minutes");
                    break;
                case ContactExperienceOptionKind.StudioMessage:
                    v.Check($"{at}.unitPrice", o.UnitPrice is > 0, "must give the price of one message");
                    v.Check($"{at}.wordsPerUnit", o.WordsPerUnit is > 0, "must give the words in one message unit (30 in 004)");
                    break;
                case ContactExperienceOptionKind.OutboundSms:
                    v.Check($"{at}.unitPrice", o.UnitPrice is > 0, "must give the price of one SMS");
                    break;
                case ContactExperienceOptionKind.WebCallBack:
                    break;
            }
        }

        var c = cx.Commitment;
        v.Check("contactExperience.commitment.minimumMonths", c.MinimumMonths >= 0, "must not be negative");
        v.Check("contactExperience.commitment.noticeMonths", c.NoticeMonths >= 0 && (c.MinimumMonths == 0 || c.NoticeMonths < c.MinimumMonths), "must be shorter than the minimum commitment");
        v.Check("contactExperience.slaCapRate", cx.SlaCapRate is > 0 and <= 1, "must be a share between 0 and 1");
        for (var i = 0; i < cx.Sla.Count; i++)
        {
            var b = cx.Sla[i];
            var at = $"contactExperience.sla[{i}]";
            v.Check(at, b.AvailabilityFrom < b.AvailabilityBelow && b.AvailabilityBelow <= 1 && b.AvailabilityFrom >= 0, "availabilityFrom must be below availabilityBelow, both between 0 and 1");
            v.Check($"{at}.creditRate", b.CreditRate > 0 && b.CreditRate <= cx.SlaCapRate, "must be positive and not above slaCapRate");
            v.Check(at, i == 0 || cx.Sla[i - 1].AvailabilityFrom == b.AvailabilityBelow, "bands must follow each other without gap or overlap");
        }
    }

    private static void CheckCommon(Checker v, string at, string code, LocalizedText name, IReadOnlyList<Price> prices, Market market, bool codePattern = true)
    {
        CheckName(v, at, code, name, codePattern);
        CheckPrices(v, at, prices, market);
    }

    private static void CheckName(Checker v, string at, string code, LocalizedText name, bool codePattern = true)
    {
        v.Check($"{at}.code", codePattern ? CodePattern().IsMatch(code) : code.Length > 0, "must be lower-case letters, digits and dashes");
        v.Check($"{at}.name", !string.IsNullOrWhiteSpace(name.Fr) && !string.IsNullOrWhiteSpace(name.En), "needs a French and an English name");
    }

    private static void CheckPrices(Checker v, string at, IReadOnlyList<Price> prices, Market market)
    {
        var expected = market == Market.CH ? Currency.CHF : Currency.EUR;
        for (var i = 0; i < prices.Count; i++)
        {
            var p = prices[i];
            v.Check($"{at}.prices[{i}].amount", p.Amount >= 0, "must not be negative");
            v.Check($"{at}.prices[{i}].amount", decimal.Round(p.Amount, 4) == p.Amount, "has more than 4 decimals");
            v.Check($"{at}.prices[{i}].currency", p.Currency == expected, $"must be {expected}, the currency of the {market} market");
        }

        v.Check($"{at}.prices", prices.Select(p => p.Period).Distinct().Count() == prices.Count, "has two prices for the same period");
    }

    private sealed class Checker
    {
        public List<CatalogProblem> Problems { get; } = [];

        public void Check(string entry, bool ok, string message)
        {
            if (!ok)
            {
                Problems.Add(new CatalogProblem(entry, message));
            }
        }
    }

    [GeneratedRegex("^[0-9A-Za-z._-]{1,32}$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^0[0-9]{1,6}$")]
    private static partial Regex PrefixPattern();
}
