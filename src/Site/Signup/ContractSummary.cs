using System.Globalization;
using Store.Domain;
using Store.Domain.Catalog;
using Store.Domain.Signup;
using Store.Domain.Subscriptions;
using Store.Site.Localization;

namespace Store.Site.Signup;

/// <summary>
/// The contract summary of a signed signup, in the form of 003, worded in the signer's language with the texts of
/// the summary page: services, included calls and limits, prices excluding and including VAT, commitment and
/// termination fee, options, and the record of the acceptance (who, when, from where, which versions).
/// </summary>
public sealed class ContractSummary(SiteTexts texts)
{
    public byte[] Pdf(CatalogVersion catalog, SignupOrder order, SignupQuote quote, Contract contract, string sellerName, string timeZone, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return ContractSummaryPdf.Render(Document(catalog, order, quote, contract, sellerName, timeZone, culture), contract.SignedAt);
    }

    public ContractSummaryDocument Document(CatalogVersion catalog, SignupOrder order, SignupQuote quote, Contract contract, string sellerName, string timeZone, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(culture);
        var words = new Words(texts, culture);
        var language = culture.TwoLetterISOLanguageName;
        var signedOn = LocalTime.In(contract.SignedAt, timeZone);
        var company = order.Company;
        var holder = company is null ? string.Empty : $"{company.LegalName} — {company.CompanyNumber} {company.VatNumber}\n{company.BillingAddress.Line1}, {company.BillingAddress.PostalCode} {company.BillingAddress.City}";
        List<SummaryRow> identity = [new(words["contractSummary.contract"], contract.Number), new(words["signup.summary.company"], holder)];

        var sections = order.SmartNumber is { } smart
            ? SmartNumberSections(catalog, smart, quote, words, language, identity)
            : PlanSections(catalog, order, quote, words, language, identity);
        var acceptance = contract.Acceptance;
        sections.Add(new SummarySection(words["contractSummary.acceptance"],
        [
            new(words["contractSummary.acceptedBy"], acceptance.AcceptedBy),
            new(words["contractSummary.acceptedAt"], LocalTime.In(acceptance.AcceptedAt, timeZone).ToString("g", culture) + " (" + timeZone + ")"),
            new(words["contractSummary.fromAddress"], acceptance.FromAddress),
            new(words["contractSummary.versions"], acceptance.ConditionVersions),
        ]));
        return new ContractSummaryDocument(
            words["signup.summary.title"] + " — " + contract.Number,
            words["contractSummary.intro", signedOn.ToString("d", culture)],
            sellerName,
            words["contractSummary.page"],
            sections);
    }

    private static List<SummarySection> PlanSections(CatalogVersion catalog, SignupOrder order, SignupQuote quote, Words words, string language, List<SummaryRow> identity)
    {
        var plan = catalog.FindPlan(order.ProductCode) ?? throw new ArgumentException($"No plan '{order.ProductCode}'.", nameof(order));
        var currency = plan.Prices[0].Currency;
        string Money(decimal amount) => words.Money(new Money(amount, currency));
        var period = words[order.Period == PricePeriod.Yearly ? "signup.offer.yearly" : "signup.offer.monthly"];
        List<SummaryRow> services = [.. identity, new(words["signup.summary.services"], words["signup.summary.servicesValue", plan.Name.In(language), order.Users, period])];
        if (plan.Features.Count > 0)
        {
            services.Add(new(words["contractSummary.features"], string.Join(", ", plan.Features.Select(f => f.In(language)))));
        }

        services.Add(new(words["signup.summary.numbers"], order.Porting.Count == 0
            ? words["signup.summary.noPorting"]
            : string.Join("\n", order.Porting.Select(p => words["signup.summary.portLine", p.Number, p.Date.ToString("d", words.Culture)]))));

        var limits = new List<string>();
        if (plan.FairUse.MaxDistinctCorrespondentsPerMonth is int max)
        {
            limits.Add(words[plan.FairUse.CountedPerUser ? "plan.fairUse.perUser" : "plan.fairUse.perAccount", max]);
        }

        if (plan.FairUse.MaxCallSeconds is int seconds)
        {
            limits.Add(words["plan.fairUse.callLength", seconds / 3600]);
        }

        List<SummaryRow> included =
        [
            new(words["signup.summary.included"], plan.IncludedDestinations.Count == 1 ? words["plan.includes.metro"] : words["plan.includes.international", plan.IncludedDestinations.Count - 1]),
            new(words["contractSummary.limits"], limits.Count == 0 ? words["contractSummary.noLimit"] : string.Join("\n", limits)),
            new(words["signup.summary.beyond"], words["plan.overage", Money(plan.Overage.DomesticPerMinute), Money(plan.Overage.InternationalPerMinute)]),
        ];

        var monthly = plan.PriceFor(PricePeriod.Monthly);
        var yearly = plan.PriceFor(PricePeriod.Yearly);
        List<SummaryRow> prices = [];
        if (monthly is not null && yearly is not null)
        {
            prices.Add(new(words["contractSummary.pricePerUser"], words["contractSummary.pricePerUserValue", Money(monthly.Amount), Money(yearly.Amount)]));
        }

        prices.Add(new(words["contractSummary.setupFee"], plan.SetupFee == 0m ? words["contractSummary.noSetupFee"] : Money(plan.SetupFee)));
        prices.AddRange(PriceRows(quote, words, language));

        List<SummaryRow> duration =
        [
            new(words["signup.summary.commitment"], plan.CommitmentMonths == 0 ? words["plan.noCommitment"] : words["plan.commitment", plan.CommitmentMonths]),
            new(words["signup.summary.termination"], words["plan.terminationFee", Money(plan.TerminationFeePerLicence)]),
        ];

        var chosen = order.Options.Count == 0
            ? words["signup.summary.noOptions"]
            : string.Join("\n", order.Options.Select(o => catalog.FindOption(o.Code) is { } option ? $"{option.Name.In(language)} × {o.Quantity}" : o.Code));
        var available = plan.Options.Select(catalog.FindOption).OfType<PlanOption>()
            .Select(o => o.Prices.FirstOrDefault(p => p.Period == PricePeriod.Monthly) is { } price ? words["contractSummary.optionPrice", o.Name.In(language), Money(price.Amount)] : o.Name.In(language));
        List<SummaryRow> other =
        [
            new(words["contractSummary.chosenOptions"], chosen),
            new(words["contractSummary.availableOptions"], string.Join("\n", available)),
        ];

        return
        [
            new(words["contractSummary.services"], services),
            new(words["signup.summary.included"], included),
            new(words["contractSummary.prices"], prices),
            new(words["contractSummary.duration"], duration),
            new(words["contractSummary.other"], other),
        ];
    }

    private static List<SummarySection> SmartNumberSections(CatalogVersion catalog, SmartNumberChoice smart, SignupQuote quote, Words words, string language, List<SummaryRow> identity)
    {
        var offer = catalog.SmartNumbers;
        var type = offer.NumberTypes.First(t => t.Code == smart.TypeCode);
        var currency = type.Prices[0].Currency;
        string Money(decimal amount) => words.Money(new Money(amount, currency));
        List<SummaryRow> services = [.. identity, new(words["signup.summary.services"], words["smart.summary.services", type.Name.In(language), smart.Number])];
        if (smart.TariffAmount is { } amount)
        {
            services.Add(new(words["smart.tariff"], $"{words["smart.tariff." + smart.TariffKind]} — {Money(amount)}"));
            services.Add(new(words["smart.share"], words["smart.shareValue", type.Traffic.HolderRevenueShare.ToString("P0", words.Culture)]));
        }

        services.Add(new(words["smart.destination"], $"{smart.Destination} — {offer.Routings.First(r => r.Kind == smart.Routing).Name.In(language)}"));
        services.Add(new(words["smart.payout"], offer.Payouts.First(p => p.Kind == smart.Payout).Name.In(language)));
        services.Add(new(words["smart.usage"], offer.UsageCategories.FirstOrDefault(c => c.Code == smart.UsageCategory)?.Name.In(language) ?? smart.UsageCategory));
        services.Add(new(words["smart.directory"], words[smart.DirectoryListed ? "smart.directoryListed" : "smart.directoryNotListed"]));

        List<SummaryRow> included =
        [
            new(words["signup.summary.included"], words["contractSummary.smartIncluded"]),
            new(words["contractSummary.limits"], type.Kind == SmartNumberKind.Premium
                ? words["contractSummary.premiumLimits", Money(offer.PremiumLimits.MaxPerMinute), Money(offer.PremiumLimits.MaxPerCall)]
                : words["contractSummary.noLimit"]),
            new(words["contractSummary.holderTraffic"], words["contractSummary.holderTrafficValue", Money(type.Traffic.HolderPerMinuteFromFixed), Money(type.Traffic.HolderPerMinuteFromMobile)]),
        ];

        List<SummaryRow> duration =
        [
            new(words["signup.summary.commitment"], words["plan.noCommitment"]),
            new(words["signup.summary.termination"], quote.TerminationFeePerUser.Amount == 0m ? words["contractSummary.noTerminationFee"] : words["plan.terminationFee", words.Money(quote.TerminationFeePerUser)]),
        ];

        return
        [
            new(words["contractSummary.services"], services),
            new(words["signup.summary.included"], included),
            new(words["contractSummary.prices"], PriceRows(quote, words, language)),
            new(words["contractSummary.duration"], duration),
        ];
    }

    private static List<SummaryRow> PriceRows(SignupQuote quote, Words words, string language)
    {
        List<SummaryRow> rows = [.. quote.Lines.Select(l => new SummaryRow($"{l.Name.In(language)} × {l.Quantity}", words.Money(l.Amount)))];
        rows.Add(new(words[quote.Period == PricePeriod.Yearly ? "signup.quote.totalYear" : "signup.quote.totalMonth"], words.Money(quote.ExcludingVat)));
        rows.Add(new(words["signup.quote.vat", quote.VatRate.ToString("P1", words.Culture)], words.Money(quote.Vat)));
        rows.Add(new(words["signup.quote.incl"], words.Money(quote.IncludingVat)));
        if (quote.Period == PricePeriod.Yearly)
        {
            rows.Add(new(words["contractSummary.perMonth"], words.Money(quote.PerMonthExcludingVat)));
        }

        return rows;
    }

    /// <summary>The site's texts in one culture, formatted with it.</summary>
    private sealed class Words(SiteTexts texts, CultureInfo culture)
    {
        public CultureInfo Culture => culture;

        public string this[string key] => texts.Find(key, culture) ?? throw new KeyNotFoundException(key);

        public string this[string key, params object[] arguments] => string.Format(culture, this[key], arguments);

        public string Money(Money money) => money.Format(culture);
    }
}
