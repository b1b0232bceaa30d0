using Microsoft.EntityFrameworkCore;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Identity;
using Store.Domain.Numbers;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;

namespace Store.Domain.Signup;

/// <summary>What placing an order made: the customer account, its contract and subscription, the numbers being ported.</summary>
public sealed record PlacedOrder(Customer Customer, Contract Contract, Subscription Subscription, IReadOnlyList<TelephoneNumber> Numbers);

/// <summary>
/// Turns a finished signup into a customer: the company account with the signer as its owner, the contract with the
/// acceptance of the conditions, the subscription and its options, the port-in requests. All in one transaction;
/// on any problem nothing is saved. Paid by bank transfer, the contract is active at once.
/// </summary>
public sealed class PlaceSignupOrder(StoreDb db, CreateCustomer createCustomer, SubscribeCustomer subscribe, CatalogRegistry catalogs, TimeProvider clock)
{
    public async Task<Outcome<PlacedOrder>> RunAsync(SignupOrder order, Guid ownerId, ConditionsAcceptance acceptance, bool activateNow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(acceptance);
        if (order.Company is not { } company)
        {
            return Outcome<PlacedOrder>.Failure(new Problem("company", "The company's details are missing.", "REQUIRED"));
        }

        var today = LocalTime.Today(clock, company.Market == Market.CH ? "Europe/Zurich" : LocalTime.Paris);
        var portingProblems = order.CheckPorting(today, company.Market == Market.CH ? "CH" : "FR");
        if (portingProblems.Count > 0)
        {
            return Outcome<PlacedOrder>.Failure(portingProblems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var customer = await createCustomer.RunAsync(new CreateCustomerCommand(company.LegalName, company.Market, company.CompanyNumber, company.VatNumber, company.BillingEmail, company.BillingAddress, null), cancellationToken);
        if (customer.Value is not { } created)
        {
            return Outcome<PlacedOrder>.Failure(customer.Problems);
        }

        if (company.CorrespondenceAddress is { } correspondence)
        {
            created.SetCorrespondenceAddress(correspondence);
        }

        db.Memberships.Add(Membership.InCustomer(ownerId, created.Id, MemberRole.Owner, clock.GetUtcNow()));
        var product = order.SmartNumber is { } smart ? new SubscribeCommand(created.Id, smart.TypeCode, PricePeriod.Monthly, 1, [], today, acceptance)
            : new SubscribeCommand(created.Id, order.ProductCode, order.Period, order.Users, order.Options, today, acceptance);
        var subscription = await subscribe.RunAsync(product, cancellationToken);
        if (subscription.Value is not { } started)
        {
            return Outcome<PlacedOrder>.Failure(subscription.Problems);
        }

        var contract = await db.Contracts.SingleAsync(c => c.Id == started.ContractId, cancellationToken);
        if (activateNow)
        {
            contract.Activate();
        }

        var numbers = new List<TelephoneNumber>();
        var problems = new List<Problem>();
        for (var i = 0; i < order.Porting.Count; i++)
        {
            var port = order.Porting[i];
            var requested = TelephoneNumber.RequestPorting(created.Id, port.Number, company.Market == Market.CH ? "CH" : "FR", port.Date, port.CurrentOperator, today, clock.GetUtcNow());
            if (requested.Value is not { } number)
            {
                problems.AddRange(requested.Problems.Select(p => p with { Field = $"porting[{i}].{p.Field}" }));
                continue;
            }

            if (await db.Numbers.IgnoreQueryFilters().AnyAsync(n => n.E164 == number.E164, cancellationToken))
            {
                problems.Add(new Problem($"porting[{i}].number", "This number is already with Store.", "NUMBER_TAKEN"));
                continue;
            }

            numbers.Add(number);
            db.Numbers.Add(number);
        }

        if (order.SmartNumber is { } chosen)
        {
            var e164 = PhoneNumberText.ToE164("number", chosen.Number, "CH").Value ?? chosen.Number;
            if (await db.Numbers.IgnoreQueryFilters().AnyAsync(n => n.E164 == e164, cancellationToken))
            {
                problems.Add(new Problem("number", "This number was just taken; choose another.", "NUMBER_TAKEN"));
            }
            else
            {
                var profile = new SmartNumberProfile(chosen.TypeCode, chosen.TariffKind, chosen.TariffAmount, chosen.Payout, chosen.UsageCategory, chosen.DirectoryListed, today);
                var routing = chosen.Routing == RoutingKind.Voip ? RoutingMode.Voip : RoutingMode.Pstn;
                var smartNumber = TelephoneNumber.SmartNumberFromPool(created.Id, e164, profile, chosen.Destination, routing, clock.GetUtcNow());
                if (smartNumber.Value is { } made)
                {
                    numbers.Add(made);
                    db.Numbers.Add(made);

                    // The tariff callers pay becomes the number's tariff 0, the one rating reads.
                    if (chosen.TariffAmount is { } amount)
                    {
                        var offer = catalogs.InForceOn(today).SmartNumbers;
                        var tariff = chosen.TariffKind switch
                        {
                            TariffKind.PerCall => SmartNumberTariff.Create(offer, made.Id, 0, 0m, amount, 0m),
                            TariffKind.FixedFee => SmartNumberTariff.Create(offer, made.Id, 0, 0m, 0m, amount),
                            _ => SmartNumberTariff.Create(offer, made.Id, 0, amount, 0m, 0m),
                        };
                        if (tariff.Value is { } first)
                        {
                            db.SmartNumberTariffs.Add(first);
                        }
                        else
                        {
                            problems.AddRange(tariff.Problems.Select(p => p with { Field = "tariffAmount" }));
                        }
                    }
                }
                else
                {
                    problems.AddRange(smartNumber.Problems);
                }
            }
        }

        if (problems.Count > 0)
        {
            return Outcome<PlacedOrder>.Failure(problems);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<PlacedOrder>.Success(new PlacedOrder(created, contract, started, numbers));
    }
}
