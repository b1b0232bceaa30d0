using Microsoft.EntityFrameworkCore;
using Store.Domain.Catalog;
using Store.Domain.Persistence;

namespace Store.Domain.Subscriptions;

public sealed record OptionOrder(string Code, int Quantity);

/// <summary>An order: a product of the catalog in force, its billing period, quantity and options, from a day on.</summary>
public sealed record SubscribeCommand(Guid CustomerId, string ProductCode, PricePeriod Period, int Quantity, IReadOnlyList<OptionOrder> Options, DateOnly StartsOn, ConditionsAcceptance Acceptance);

/// <summary>
/// Signs a contract for one order under the catalog in force on the day, and starts the subscription with its
/// options. Everything is checked first; on any problem nothing is saved.
/// </summary>
public sealed class SubscribeCustomer(StoreDb db, CatalogRegistry catalogs, TimeProvider clock)
{
    public async Task<Outcome<Subscription>> RunAsync(SubscribeCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);

        // The tenant filter applies: a customer the caller may not see is "not found", whatever exists.
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == command.CustomerId, cancellationToken);
        if (customer is null)
        {
            return Outcome<Subscription>.Failure(new Problem("customerId", "No customer with this id is yours.", "NOT_FOUND"));
        }

        var today = LocalTime.Today(clock, customer.TimeZone);
        if (command.StartsOn < today)
        {
            return Outcome<Subscription>.Failure(new Problem("startsOn", "A subscription starts today or later.", "IN_THE_PAST"));
        }

        var catalog = catalogs.InForceOn(today);
        var problems = new List<Problem>();
        var price = catalog.PricedItems().FirstOrDefault(p => p.Code == command.ProductCode);
        if (price.Code is null || catalog.FindOption(command.ProductCode) is not null || catalog.SmartNumbers.FindAddOn(command.ProductCode) is not null)
        {
            problems.Add(new Problem("productCode", $"Catalog {catalog.Version} sells no product '{command.ProductCode}'.", "UNKNOWN_PRODUCT"));
        }
        else if (!price.Prices.Any(p => p.Period == command.Period))
        {
            problems.Add(new Problem("billingPeriod", $"'{command.ProductCode}' is not sold {command.Period.ToString().ToLowerInvariant()}.", "PERIOD_NOT_OFFERED"));
        }
        else if (price.Prices[0].Currency != customer.Currency)
        {
            problems.Add(new Problem("productCode", $"'{command.ProductCode}' is sold in {price.Prices[0].Currency}; this customer is billed in {customer.Currency}.", "WRONG_MARKET"));
        }

        if (command.Quantity is < 1 or > 10_000)
        {
            problems.Add(new Problem("quantity", "The quantity is between 1 and 10 000.", "OUT_OF_RANGE"));
        }

        for (var i = 0; i < command.Options.Count; i++)
        {
            var option = command.Options[i];
            if (!Subscription.OffersOption(catalog, command.ProductCode, option.Code))
            {
                problems.Add(new Problem($"options[{i}].code", $"'{command.ProductCode}' offers no option '{option.Code}'.", "UNKNOWN_OPTION"));
            }
            else if (option.Quantity < 1)
            {
                problems.Add(new Problem($"options[{i}].quantity", "An option's quantity is at least 1.", "OUT_OF_RANGE"));
            }
            else if (command.Options.Take(i).Any(o => o.Code == option.Code))
            {
                problems.Add(new Problem($"options[{i}].code", $"Option '{option.Code}' is given twice.", "DUPLICATE_OPTION"));
            }
        }

        if (problems.Count > 0)
        {
            return Outcome<Subscription>.Failure(problems);
        }

        // Contract numbers follow each other per year; two orders at the same moment retry for the next number.
        for (var attempt = 1; ; attempt++)
        {
            var prefix = $"C-{today.Year}-";
            var count = await db.Contracts.IgnoreQueryFilters().CountAsync(c => c.Number.StartsWith(prefix), cancellationToken);
            var contract = new Contract(customer.Id, $"{prefix}{count + 1:000000}", catalog.Version, command.Acceptance);
            var subscription = Subscription.Start(contract, catalog, command.ProductCode, command.Period, command.Quantity, command.StartsOn);
            foreach (var option in command.Options)
            {
                subscription.AddOption(catalog, option.Code, option.Quantity, command.StartsOn);
            }

            db.Contracts.Add(contract);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Outcome<Subscription>.Success(subscription);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
