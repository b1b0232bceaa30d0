using System.Globalization;
using Store.Domain.Catalog;
using Store.Domain.Subscriptions;

namespace Store.Domain.Billing;

/// <summary>
/// Computes a customer's periodic invoice for a calendar month: subscription and option fees in advance (prorated
/// changes of the previous month), usage of the previous month in arrears, one-off and termination fees, SLA
/// credits; each line rounded to the cent, VAT per rate on the sum of its lines. A pure function of its inputs.
/// </summary>
public static class Invoicing
{
    /// <param name="catalogFor">The catalog version a subscription or fee was sold under, by its name.</param>
    public static InvoiceDraft Draft(Func<string, CatalogVersion> catalogFor, BillingInput input)
    {
        ArgumentNullException.ThrowIfNull(catalogFor);
        ArgumentNullException.ThrowIfNull(input);
        var buyer = input.Buyer;
        var period = input.Period;
        var language = buyer.Language;
        var vat = VatTreatment.For(input.Seller, buyer, period.First);
        var lines = new List<InvoiceLineDraft>();

        foreach (var subscription in input.Subscriptions.OrderBy(s => s.StartsOn).ThenBy(s => s.SubscriptionId))
        {
            var catalog = catalogFor(subscription.CatalogVersion);
            foreach (var item in Items(subscription, catalog, buyer.Currency))
            {
                lines.AddRange(NotYetInvoiced(RecurringFees.Lines(item, period, language, vat.Rate), input.AlreadyInvoiced ?? []));
            }

            if (subscription is { EndsOn: { } end, TerminationFee: > 0m } && InWindow(end.AddDays(1), period))
            {
                var licences = Math.Max(1, subscription.QuantityOn(end));
                var fee = subscription.TerminationFee.Value;
                var name = ProductName(subscription, catalog).In(language);
                lines.Add(new InvoiceLineDraft(
                    LineKind.TerminationFee, subscription.SubscriptionId, $"termination-{subscription.ProductCode}",
                    language == "en" ? $"Termination fee — {name}" : $"Frais de résiliation — {name}",
                    licences, fee / licences, end, end, null, null, Money.RoundCents(fee), vat.Rate));
            }

            foreach (var removal in subscription.Removals ?? [])
            {
                if (!InWindow(removal.On, period))
                {
                    continue;
                }

                var name = ProductName(subscription, catalog).In(language);
                lines.Add(new InvoiceLineDraft(
                    LineKind.TerminationFee, subscription.SubscriptionId, $"licence-removal-{subscription.ProductCode}",
                    language == "en" ? $"Termination fee of removed licences — {name}" : $"Frais de résiliation des licences retirées — {name}",
                    removal.Licences, removal.Fee / removal.Licences, removal.On, removal.On, null, null, Money.RoundCents(removal.Fee), vat.Rate));
            }

            var credit = SlaCredits.For(subscription, catalog, MonthlyFee(subscription, catalog, period), input.Incidents, period, buyer.TimeZone, language, vat.Rate);
            if (credit is not null)
            {
                lines.Add(credit);
            }
        }

        lines.AddRange(UsageLines(input, vat.Rate));
        lines.AddRange(FeeLines(catalogFor, input, vat.Rate));

        return new InvoiceDraft(buyer, input.Seller, period, buyer.Currency, vat, lines, Breakdown(lines));
    }

    /// <summary>
    /// The first invoice of a new customer, issued at once rather than at the next run: its fees in advance from
    /// the first day of service to the end of that month (a yearly price for its whole first year), the lines the
    /// periodic invoice that bills the start would have, and then leaves out as <see cref="BillingInput.AlreadyInvoiced"/>.
    /// Its period is the month of the start.
    /// </summary>
    public static InvoiceDraft FirstInvoice(Func<string, CatalogVersion> catalogFor, BillingInput input, DateOnly startsOn)
    {
        ArgumentNullException.ThrowIfNull(input);
        var month = BillingPeriod.Of(startsOn);

        // A start on the 1st is a full term that month's invoice bills; a later start, a prorated change the next month's bills.
        var periodic = Draft(catalogFor, input with { Period = startsOn.Day == 1 ? month : month.Next, Usage = [], Fees = [], Incidents = [] });
        var lines = periodic.Lines
            .Where(l => l.Kind is LineKind.Subscription or LineKind.Option && l.ServiceFrom is { } from && month.Contains(from))
            .ToList();
        return periodic with { Period = month, Lines = lines, VatBreakdown = Breakdown(lines) };
    }

    private static List<VatBreakdown> Breakdown(IReadOnlyList<InvoiceLineDraft> lines) => lines
        .GroupBy(l => l.VatRate)
        .OrderByDescending(g => g.Key)
        .Select(g =>
        {
            var basis = g.Sum(l => l.Amount);
            return new VatBreakdown(g.Key, basis, Money.RoundCents(basis * g.Key));
        })
        .ToList();

    /// <summary>Fees in advance less what another invoice already billed for the same fee and service dates.</summary>
    private static IEnumerable<InvoiceLineDraft> NotYetInvoiced(IEnumerable<InvoiceLineDraft> lines, IReadOnlyList<InvoicedSpan> invoiced)
    {
        foreach (var line in lines)
        {
            var billed = invoiced
                .Where(s => s.SubscriptionId == line.SubscriptionId && s.Code == line.Code && s.From == line.ServiceFrom && s.To == line.ServiceTo)
                .Sum(s => s.Quantity);
            if (billed == 0m)
            {
                yield return line;
                continue;
            }

            var rest = line.Quantity - billed;
            if (rest == 0m || Math.Sign(rest) != Math.Sign(line.Quantity))
            {
                continue;
            }

            var amount = line.ProratedDays is { } days && line.PeriodDays is { } of
                ? rest * (line.UnitPrice ?? 0m) * days / of
                : rest * (line.UnitPrice ?? 0m);
            yield return line with { Quantity = rest, Amount = Money.RoundCents(amount) };
        }
    }

    /// <summary>Whether a day falls in the window an invoice of <paramref name="period"/> bills changes for: the 2nd of the previous month to the 1st of this one.</summary>
    internal static bool InWindow(DateOnly day, BillingPeriod period) =>
        day > period.Previous.First && day <= period.First;

    private static IEnumerable<RecurringFees.Item> Items(SubscriptionTimeline subscription, CatalogVersion catalog, Currency currency)
    {
        var price = PriceOf(ProductPrices(subscription, catalog), subscription.Period, subscription.ProductCode, catalog, currency);
        yield return new RecurringFees.Item(
            LineKind.Subscription, subscription.SubscriptionId, subscription.ProductCode, ProductName(subscription, catalog),
            subscription.Period, price, subscription.StartsOn, subscription.QuantityOn);

        foreach (var option in subscription.Options)
        {
            var planOption = catalog.FindOption(option.OptionCode);
            var cxOption = catalog.ContactExperience.FindOption(option.OptionCode);
            var (name, prices, reduction) = planOption is not null ? (planOption.Name, planOption.Prices, planOption.Reduction)
                : cxOption is not null ? (cxOption.Name, cxOption.Prices, cxOption.Reduction)
                : throw new InvalidOperationException($"Catalog {catalog.Version} has no option '{option.OptionCode}'.");
            var optionPeriod = prices.Any(p => p.Period == subscription.Period) ? subscription.Period : PricePeriod.Monthly;
            // An option lives within its subscription, whatever its own dates say.
            int InService(DateOnly day) => subscription.QuantityOn(day) > 0 ? option.QuantityOn(day) : 0;
            Func<DateOnly, int> quantity = reduction == ReductionTiming.NextMonth ? RecurringFees.ReducedNextMonth(InService) : InService;
            yield return new RecurringFees.Item(
                LineKind.Option, subscription.SubscriptionId, option.OptionCode, name, optionPeriod,
                PriceOf(prices, optionPeriod, option.OptionCode, catalog, currency), option.StartsOn, quantity);
        }
    }

    private static IReadOnlyList<Price> ProductPrices(SubscriptionTimeline subscription, CatalogVersion catalog) => subscription.Kind switch
    {
        ProductKind.Plan => catalog.FindPlan(subscription.ProductCode)?.Prices,
        ProductKind.ContactExperience => catalog.ContactExperience.FindService(subscription.ProductCode)?.Prices,
        ProductKind.SmartNumber => catalog.SmartNumbers.NumberTypes.FirstOrDefault(t => t.Code == subscription.ProductCode)?.Prices,
        _ => null,
    } ?? throw new InvalidOperationException($"Catalog {catalog.Version} sells no '{subscription.ProductCode}'.");

    private static LocalizedText ProductName(SubscriptionTimeline subscription, CatalogVersion catalog) => subscription.Kind switch
    {
        ProductKind.Plan => catalog.FindPlan(subscription.ProductCode)?.Name,
        ProductKind.ContactExperience => catalog.ContactExperience.FindService(subscription.ProductCode)?.Name,
        ProductKind.SmartNumber => catalog.SmartNumbers.NumberTypes.FirstOrDefault(t => t.Code == subscription.ProductCode)?.Name,
        _ => null,
    } ?? new LocalizedText(subscription.ProductCode, subscription.ProductCode);

    private static decimal PriceOf(IReadOnlyList<Price> prices, PricePeriod period, string code, CatalogVersion catalog, Currency currency)
    {
        var price = prices.FirstOrDefault(p => p.Period == period)
            ?? throw new InvalidOperationException($"'{code}' has no {period.ToString().ToLowerInvariant()} price in catalog {catalog.Version}.");
        return price.Currency == currency
            ? price.Amount
            : throw new InvalidOperationException($"'{code}' is priced in {price.Currency}; the customer is billed in {currency}.");
    }

    /// <summary>The monthly fee an SLA credit is a share of: the quantity at the end of the previous month, at the monthly price (a yearly price counts for a twelfth).</summary>
    private static Money MonthlyFee(SubscriptionTimeline subscription, CatalogVersion catalog, BillingPeriod period)
    {
        var previous = period.Previous;
        var lastDay = subscription.EndsOn is { } end && end < previous.Last ? end : previous.Last;
        var prices = ProductPrices(subscription, catalog);
        var price = prices.FirstOrDefault(p => p.Period == subscription.Period) ?? prices[0];
        var monthly = price.Period == PricePeriod.Yearly ? price.Amount / 12m : price.Amount;
        return new Money(monthly * subscription.QuantityOn(lastDay), price.Currency);
    }

    private static IEnumerable<InvoiceLineDraft> UsageLines(BillingInput input, decimal vatRate)
    {
        var usagePeriod = input.Period.Previous;
        var groups = input.Usage
            .GroupBy(u => (u.SubscriptionId, u.Category, u.Description, u.Unit, u.ServiceMonth))
            .OrderBy(g => g.Key.SubscriptionId).ThenBy(g => g.Key.ServiceMonth is null ? 0 : 1).ThenBy(g => g.Key.Category, StringComparer.Ordinal).ThenBy(g => g.Key.Description, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var wrong = group.FirstOrDefault(u => u.Currency != input.Buyer.Currency);
            if (wrong is not null)
            {
                throw new InvalidOperationException($"Usage '{wrong.Description}' is rated in {wrong.Currency}; the customer is billed in {input.Buyer.Currency}.");
            }

            var quantity = group.Sum(u => u.Quantity);
            var shown = group.Key.Unit == UsageUnit.Seconds ? Math.Round(quantity / 60m, 2, MidpointRounding.AwayFromZero) : quantity;
            var unit = group.Key.Unit == UsageUnit.Seconds ? " (minutes)" : string.Empty;
            var served = group.Key.ServiceMonth ?? usagePeriod;
            yield return new InvoiceLineDraft(
                LineKind.Usage, group.Key.SubscriptionId, group.Key.Category, group.Key.Description + unit, shown, null,
                served.First, served.Last, null, null, Money.RoundCents(group.Sum(u => u.Amount)), vatRate);
        }
    }

    private static IEnumerable<InvoiceLineDraft> FeeLines(Func<string, CatalogVersion> catalogFor, BillingInput input, decimal vatRate)
    {
        foreach (var charge in input.Fees.OrderBy(f => f.On).ThenBy(f => f.Id))
        {
            var catalog = catalogFor(charge.CatalogVersion);
            var fee = catalog.FindFee(charge.FeeCode)
                ?? throw new InvalidOperationException($"Catalog {catalog.Version} has no fee '{charge.FeeCode}'.");
            if (fee.Currency != input.Buyer.Currency)
            {
                throw new InvalidOperationException($"Fee '{fee.Code}' is priced in {fee.Currency}; the customer is billed in {input.Buyer.Currency}.");
            }

            var name = fee.Name.In(input.Buyer.Language);
            var description = charge.Note is null ? name : string.Create(CultureInfo.InvariantCulture, $"{name} — {charge.Note}");
            yield return new InvoiceLineDraft(
                LineKind.OneOffFee, charge.SubscriptionId, fee.Code, description, charge.Quantity, fee.Amount,
                charge.On, charge.On, null, null, Money.RoundCents(charge.Quantity * fee.Amount), vatRate);
        }
    }
}
