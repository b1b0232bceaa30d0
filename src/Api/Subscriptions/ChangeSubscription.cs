using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Authorization;
using Store.Api.Relay;
using Store.Api.Schema;
using Store.Domain;
using Store.Domain.Catalog;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;

namespace Store.Api.Subscriptions;

/// <summary>
/// Quantities and options: quotes show when a change takes effect and what it costs before the customer confirms;
/// increases apply today, reductions as the offer says (at once, or on the first of next month for packs).
/// </summary>
public static class ChangeSubscription
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<ChangeQuoteType>("quantityChangeQuote")
            .Description("What changing a subscription's quantity would do, before confirming. Null when the subscription is not yours.")
            .Argument<NonNullGraphType<IdGraphType>>("subscriptionId")
            .Argument<NonNullGraphType<IntGraphType>>("quantity")
            .RequireScope(StoreScopes.CustomersRead)
            .ResolveAsync(async ctx => await QuoteAsync(ctx, ctx.GetArgument<string>("subscriptionId"), (s, catalog, today) => s.QuoteQuantity(catalog, ctx.GetArgument<int>("quantity"), today)));

        query.Field<ChangeQuoteType>("optionChangeQuote")
            .Description("What setting an option to a quantity (0 removes it) would do, before confirming. Null when the subscription is not yours.")
            .Argument<NonNullGraphType<IdGraphType>>("subscriptionId")
            .Argument<NonNullGraphType<StringGraphType>>("optionCode")
            .Argument<NonNullGraphType<IntGraphType>>("quantity")
            .RequireScope(StoreScopes.CustomersRead)
            .ResolveAsync(async ctx => await QuoteAsync(ctx, ctx.GetArgument<string>("subscriptionId"), (s, catalog, today) => s.QuoteOption(catalog, ctx.GetArgument<string>("optionCode"), ctx.GetArgument<int>("quantity"), today)));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ChangeSubscriptionPayloadType>>("changeSubscriptionQuantity")
            .Description("Changes the number of users or licences as quantityChangeQuote says. Needs customers:write.")
            .Argument<NonNullGraphType<ChangeQuantityInputType>>("input")
            .RequireScope(StoreScopes.CustomersWrite)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var quantity = (int)input["quantity"]!;
                return await ChangeAsync(ctx, (string)input["subscriptionId"]!, (s, catalog, today, now) => s.ChangeQuantity(catalog, quantity, today, now));
            });

        mutation.Field<NonNullGraphType<ChangeSubscriptionPayloadType>>("setSubscriptionOption")
            .Description("Adds, changes or removes (quantity 0) an option as optionChangeQuote says. Needs customers:write.")
            .Argument<NonNullGraphType<SetOptionInputType>>("input")
            .RequireScope(StoreScopes.CustomersWrite)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var code = (string)input["optionCode"]!;
                var quantity = (int)input["quantity"]!;
                return await ChangeAsync(ctx, (string)input["subscriptionId"]!, (s, catalog, today, _) => s.SetOption(catalog, code, quantity, today));
            });
    }

    private sealed record Loaded(Subscription Subscription, CatalogVersion Catalog, DateOnly Today, DateTimeOffset Now);

    private static async Task<Loaded?> LoadAsync(IResolveFieldContext ctx, string globalId)
    {
        if (GlobalId.Decode(globalId) is not { TypeName: SubscriptionType.TypeName } id)
        {
            return null;
        }

        var db = ctx.RequestServices!.GetRequiredService<StoreDb>();
        var found = await (from s in SubscriptionType.Whole(db.Subscriptions)
                           join c in db.Contracts on s.ContractId equals c.Id
                           join customer in db.Customers on c.CustomerId equals customer.Id
                           where s.Id == id.Id
                           select new { s, customer.TimeZone }).SingleOrDefaultAsync(ctx.CancellationToken);
        if (found is null)
        {
            return null;
        }

        var clock = ctx.RequestServices!.GetRequiredService<TimeProvider>();
        return new Loaded(found.s, ctx.RequestServices!.GetRequiredService<CatalogRegistry>().Get(found.s.CatalogVersion), LocalTime.Today(clock, found.TimeZone), clock.GetUtcNow());
    }

    private static async Task<ChangeQuote?> QuoteAsync(IResolveFieldContext ctx, string subscriptionId, Func<Subscription, CatalogVersion, DateOnly, Outcome<ChangeQuote>> quote)
    {
        var loaded = await LoadAsync(ctx, subscriptionId);
        if (loaded is null)
        {
            return null;
        }

        var outcome = quote(loaded.Subscription, loaded.Catalog, loaded.Today);
        foreach (var problem in outcome.Problems)
        {
            ctx.Errors.Add(new ExecutionError(problem.Message) { Code = problem.Code });
        }

        return outcome.Value;
    }

    private static async Task<ChangeResult> ChangeAsync(IResolveFieldContext ctx, string subscriptionId, Func<Subscription, CatalogVersion, DateOnly, DateTimeOffset, Outcome<ChangeQuote>> change)
    {
        var loaded = await LoadAsync(ctx, subscriptionId);
        if (loaded is null)
        {
            return new ChangeResult(null, null, [new Problem("subscriptionId", "No subscription with this id is yours.", "NOT_FOUND")]);
        }

        var outcome = change(loaded.Subscription, loaded.Catalog, loaded.Today, loaded.Now);
        if (outcome.Value is null)
        {
            return new ChangeResult(null, null, outcome.Problems);
        }

        await ctx.RequestServices!.GetRequiredService<StoreDb>().SaveChangesAsync(ctx.CancellationToken);
        return new ChangeResult(loaded.Subscription, outcome.Value, []);
    }

    public sealed record ChangeResult(Subscription? Subscription, ChangeQuote? Change, IReadOnlyList<Problem> UserErrors);
}

public sealed class ChangeQuoteType : ObjectGraphType<ChangeQuote>
{
    public ChangeQuoteType()
    {
        Name = "ChangeQuote";
        Description = "What a change of quantity or option does: when it takes effect, the recurring price change and any one-off fee.";
        Field<NonNullGraphType<DateOnlyGraphType>>("effectiveOn").Resolve(ctx => ctx.Source.EffectiveOn);
        Field<NonNullGraphType<IntGraphType>>("fromQuantity").Resolve(ctx => ctx.Source.FromQuantity);
        Field<NonNullGraphType<IntGraphType>>("toQuantity").Resolve(ctx => ctx.Source.ToQuantity);
        Field<NonNullGraphType<DecimalGraphType>>("priceDelta").Description("The change of the recurring price per billing period, excluding VAT; negative for a reduction.").Resolve(ctx => ctx.Source.PriceDelta.Amount);
        Field<NonNullGraphType<DecimalGraphType>>("fee").Description("A one-off fee, excluding VAT, billed with the next invoice.").Resolve(ctx => ctx.Source.Fee.Amount);
        Field<NonNullGraphType<StringGraphType>>("currency").Resolve(ctx => ctx.Source.PriceDelta.Currency.ToString());
        Field<NonNullGraphType<StringGraphType>>("rule").Resolve(ctx => ctx.Source.Rule);
    }
}

public sealed class ChangeQuantityInputType : InputObjectGraphType
{
    public ChangeQuantityInputType()
    {
        Name = "ChangeSubscriptionQuantityInput";
        Field<NonNullGraphType<IdGraphType>>("subscriptionId");
        Field<NonNullGraphType<IntGraphType>>("quantity");
    }
}

public sealed class SetOptionInputType : InputObjectGraphType
{
    public SetOptionInputType()
    {
        Name = "SetSubscriptionOptionInput";
        Field<NonNullGraphType<IdGraphType>>("subscriptionId");
        Field<NonNullGraphType<StringGraphType>>("optionCode");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("0 removes the option.");
    }
}

public sealed class ChangeSubscriptionPayloadType : ObjectGraphType<ChangeSubscription.ChangeResult>
{
    public ChangeSubscriptionPayloadType()
    {
        Name = "ChangeSubscriptionPayload";
        Field<SubscriptionType>("subscription").Resolve(ctx => ctx.Source.Subscription);
        Field<ChangeQuoteType>("change").Resolve(ctx => ctx.Source.Change);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(ctx => ctx.Source.UserErrors);
    }
}
