using Store.Domain.Catalog;

namespace Store.Domain.Signup;

/// <summary>One line of the price summary: what, how many, the unit price and the amount for the billing period, excluding VAT.</summary>
public sealed record QuoteLine(string Code, LocalizedText Name, int Quantity, Money UnitPrice, Money Amount);

/// <summary>
/// The price summary the signup shows as choices change, and the contract summary repeats: the recurring amount per
/// billing period excluding VAT, the VAT at the customer's rate, the total including VAT, and the monthly equivalent.
/// </summary>
public sealed record SignupQuote(PricePeriod Period, IReadOnlyList<QuoteLine> Lines, Money ExcludingVat, decimal VatRate, Money Vat, Money IncludingVat, Money PerMonthExcludingVat, Money TerminationFeePerUser)
{
    /// <summary>Prices the order from the catalog; a plan's options are monthly and, for a yearly plan, counted twelve times.</summary>
    public static SignupQuote For(CatalogVersion catalog, SignupOrder order, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(order);
        if (order.SmartNumber is { } smart)
        {
            return ForSmartNumber(catalog, smart, today);
        }

        var plan = catalog.FindPlan(order.ProductCode) ?? throw new ArgumentException($"No plan '{order.ProductCode}'.", nameof(order));
        var planPrice = plan.PriceFor(order.Period) ?? throw new ArgumentException($"'{plan.Code}' is not sold {order.Period}.", nameof(order));
        var currency = planPrice.Currency;
        var months = order.Period == PricePeriod.Yearly ? 12 : 1;
        var lines = new List<QuoteLine>
        {
            new(plan.Code, plan.Name, order.Users, new Money(planPrice.Amount, currency), new Money(planPrice.Amount * order.Users, currency).RoundedToCent()),
        };
        foreach (var option in order.Options)
        {
            var found = catalog.FindOption(option.Code);
            var price = found?.Prices.FirstOrDefault(p => p.Period == PricePeriod.Monthly);
            if (found is null || price is null)
            {
                continue;
            }

            var unit = new Money(price.Amount * months, currency);
            lines.Add(new QuoteLine(found.Code, found.Name, option.Quantity, unit, (unit * option.Quantity).RoundedToCent()));
        }

        var total = lines.Aggregate(Money.Zero(currency), (sum, line) => sum + line.Amount);
        var country = plan.Market == Market.CH ? "CH" : "FR";
        var rate = Billing.Vat.StandardRate(country, today);
        var vat = new Money(Money.RoundCents(total.Amount * rate), currency);
        return new SignupQuote(order.Period, lines, total, rate, vat, total + vat, new Money(Money.RoundCents(total.Amount / months), currency), new Money(plan.TerminationFeePerLicence, currency));
    }

    private static SignupQuote ForSmartNumber(CatalogVersion catalog, SmartNumberChoice smart, DateOnly today)
    {
        var type = catalog.SmartNumbers.NumberTypes.First(t => t.Code == smart.TypeCode);
        var price = type.Prices.First(p => p.Period == PricePeriod.Monthly);
        var currency = price.Currency;
        var lines = new List<QuoteLine> { new(type.Code, type.Name, 1, new Money(price.Amount, currency), new Money(price.Amount, currency)) };
        var routing = catalog.SmartNumbers.Routings.FirstOrDefault(r => r.Kind == smart.Routing);
        if (routing?.Prices.FirstOrDefault(p => p.Period == PricePeriod.Monthly) is { Amount: > 0m } routingPrice)
        {
            lines.Add(new QuoteLine("routing-" + routing.Kind.ToString().ToLowerInvariant(), routing.Name, 1, new Money(routingPrice.Amount, currency), new Money(routingPrice.Amount, currency)));
        }

        var total = lines.Aggregate(Money.Zero(currency), (sum, line) => sum + line.Amount);
        var rate = Billing.Vat.StandardRate(catalog.SmartNumbers.Market == Market.CH ? "CH" : "FR", today);
        var vat = new Money(Money.RoundCents(total.Amount * rate), currency);
        return new SignupQuote(PricePeriod.Monthly, lines, total, rate, vat, total + vat, total, Money.Zero(currency));
    }
}
