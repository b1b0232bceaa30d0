using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Subscriptions;

namespace Store.Domain.Signup;

/// <summary>A number the prospect brings from another operator, with the mandate's details.</summary>
public sealed record PortIn(string Number, string? CurrentOperator, DateOnly Date);

/// <summary>
/// A Smart Number as the order form (000) asks for it: type and number from the pool, the tariff callers pay, where
/// calls go and how, the payout formula, the declared use, and directory listing.
/// </summary>
public sealed record SmartNumberChoice(
    string TypeCode,
    string Number,
    TariffKind TariffKind,
    decimal? TariffAmount,
    string Destination,
    RoutingKind Routing,
    PayoutKind Payout,
    string UsageCategory,
    bool DirectoryListed);

/// <summary>The company as the prospect declares it; checked when the order is placed.</summary>
public sealed record CompanyDetails(
    string LegalName,
    Market Market,
    string? CompanyNumber,
    string? VatNumber,
    string BillingEmail,
    Address BillingAddress,
    Address? CorrespondenceAddress);

/// <summary>
/// What a prospect chooses in the signup, step by step: a hosted-telephony plan with its users, billing period and
/// options, the numbers to port, and the company. A value: each step makes a new one.
/// </summary>
public sealed record SignupOrder
{
    public string ProductCode { get; init; } = "forfait-pro";

    public PricePeriod Period { get; init; } = PricePeriod.Monthly;

    public int Users { get; init; } = 1;

    public IReadOnlyList<OptionOrder> Options { get; init; } = [];

    public IReadOnlyList<PortIn> Porting { get; init; } = [];

    public CompanyDetails? Company { get; init; }

    /// <summary>Set when the order is for a Smart Number rather than a plan.</summary>
    public SmartNumberChoice? SmartNumber { get; init; }

    /// <summary>The problems of the offer step: a plan of the catalog, a period it is sold at, 1 to 500 users, its options.</summary>
    public IReadOnlyList<Problem> CheckOffer(CatalogVersion catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (SmartNumber is { } smart)
        {
            return CheckSmartNumber(catalog, smart);
        }

        var problems = new List<Problem>();
        var plan = catalog.FindPlan(ProductCode);
        if (plan is null)
        {
            problems.Add(new Problem("productCode", "Choose one of the plans.", "UNKNOWN_PRODUCT"));
            return problems;
        }

        if (plan.PriceFor(Period) is null)
        {
            problems.Add(new Problem("period", "This plan is not sold for this billing period.", "PERIOD_NOT_OFFERED"));
        }

        if (Users is < 1 or > 500)
        {
            problems.Add(new Problem("users", "Between 1 and 500 users can sign up online; call us beyond.", "OUT_OF_RANGE"));
        }

        for (var i = 0; i < Options.Count; i++)
        {
            if (!plan.Options.Contains(Options[i].Code))
            {
                problems.Add(new Problem($"options[{i}]", "This plan does not offer this option.", "UNKNOWN_OPTION"));
            }
            else if (Options[i].Quantity is < 1 or > 500)
            {
                problems.Add(new Problem($"options[{i}]", "Between 1 and 500.", "OUT_OF_RANGE"));
            }
        }

        return problems;
    }

    private static List<Problem> CheckSmartNumber(CatalogVersion catalog, SmartNumberChoice smart)
    {
        var problems = new List<Problem>();
        var offer = catalog.SmartNumbers;
        var type = offer.NumberTypes.FirstOrDefault(t => t.Code == smart.TypeCode);
        if (type is null)
        {
            problems.Add(new Problem("typeCode", "Choose a number type.", "UNKNOWN_PRODUCT"));
            return problems;
        }

        var number = Numbers.PhoneNumberText.ToE164("number", smart.Number, "CH");
        if (number.Value is not { } e164 || !type.Prefixes.Any(p => Numbers.PhoneNumberText.National(e164).StartsWith(p, StringComparison.Ordinal)))
        {
            problems.Add(new Problem("number", "Choose one of the numbers offered for this type.", "INVALID_PHONE_NUMBER"));
        }

        if (type.Kind == SmartNumberKind.Premium)
        {
            var limit = smart.TariffKind == TariffKind.PerCall ? offer.PremiumLimits.MaxPerCall : offer.PremiumLimits.MaxPerMinute;
            if (smart.TariffAmount is not { } amount || amount <= 0m || amount > limit)
            {
                problems.Add(new Problem("tariffAmount", $"A premium tariff is above 0 and at most {limit} {type.Prices[0].Currency}.", "TARIFF_RANGE"));
            }
        }

        problems.AddRange(Numbers.PhoneNumberText.ToE164("destination", smart.Destination, "CH").Problems);
        if (!offer.UsageCategories.Any(c => c.Code == smart.UsageCategory))
        {
            problems.Add(new Problem("usageCategory", "Declare what the number is used for.", "REQUIRED"));
        }

        return problems;
    }

    /// <summary>The problems of the numbers step: valid numbers, each once, on a date the porting rules allow.</summary>
    public IReadOnlyList<Problem> CheckPorting(DateOnly today, string region = "FR")
    {
        var problems = new List<Problem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Porting.Count; i++)
        {
            var number = Numbers.PhoneNumberText.ToE164($"porting[{i}].number", Porting[i].Number, region);
            problems.AddRange(number.Problems);
            if (number.Value is { } e164 && !seen.Add(e164))
            {
                problems.Add(new Problem($"porting[{i}].number", "This number is already in the list.", "DUPLICATE"));
            }

            problems.AddRange(Numbers.Porting.CheckDate($"porting[{i}].date", today, Porting[i].Date));
        }

        return problems;
    }
}
