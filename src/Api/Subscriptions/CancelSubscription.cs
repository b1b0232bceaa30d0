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

/// <summary>cancellationQuote shows when a cancellation would take effect and its fee; cancelSubscription confirms it.</summary>
public static class CancelSubscription
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<CancellationQuoteType>("cancellationQuote")
            .Description("When cancelling this subscription would take effect, and the fee, before confirming. Null when it is not yours.")
            .Argument<NonNullGraphType<IdGraphType>>("subscriptionId")
            .Argument<DateOnlyGraphType>("on", "The day asked; today when omitted.")
            .RequireScope(StoreScopes.CustomersRead)
            .ResolveAsync(async ctx => (await LoadAsync(ctx, ctx.GetArgument<string>("subscriptionId"), ctx.GetArgument<DateOnly?>("on"))).Quote);
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CancelPayloadType>>("cancelSubscription")
            .Description("Cancels a subscription as cancellationQuote says. Needs customers:write.")
            .Argument<NonNullGraphType<CancelSubscriptionInputType>>("input")
            .RequireScope(StoreScopes.CustomersWrite)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var (subscription, quote) = await LoadAsync(ctx, (string)input["subscriptionId"]!, input.GetValueOrDefault("on") as DateOnly?);
                if (subscription is null || quote is null)
                {
                    return new CancelResult(null, null, [new Problem("subscriptionId", "No subscription with this id is yours.", "NOT_FOUND")]);
                }

                if (subscription.EndsOn is not null)
                {
                    return new CancelResult(subscription, null, [new Problem("subscriptionId", $"This subscription already ends on {subscription.EndsOn:yyyy-MM-dd}.", "ALREADY_CANCELLED")]);
                }

                subscription.Cancel(quote);
                await ctx.RequestServices!.GetRequiredService<StoreDb>().SaveChangesAsync(ctx.CancellationToken);
                return new CancelResult(subscription, quote, []);
            });
    }

    private static async Task<(Subscription? Subscription, CancellationQuote? Quote)> LoadAsync(IResolveFieldContext ctx, string globalId, DateOnly? on)
    {
        if (GlobalId.Decode(globalId) is not { TypeName: SubscriptionType.TypeName } id)
        {
            return (null, null);
        }

        var db = ctx.RequestServices!.GetRequiredService<StoreDb>();
        var found = await (from s in SubscriptionType.Whole(db.Subscriptions)
                           join c in db.Contracts on s.ContractId equals c.Id
                           join customer in db.Customers on c.CustomerId equals customer.Id
                           where s.Id == id.Id
                           select new { s, customer.TimeZone }).SingleOrDefaultAsync(ctx.CancellationToken);
        if (found is null)
        {
            return (null, null);
        }

        var clock = ctx.RequestServices!.GetRequiredService<TimeProvider>();
        var today = LocalTime.Today(clock, found.TimeZone);
        var catalog = ctx.RequestServices!.GetRequiredService<CatalogRegistry>().Get(found.s.CatalogVersion);
        return (found.s, Cancellation.Quote(found.s, catalog, on ?? today, today));
    }

    public sealed record CancelResult(Subscription? Subscription, CancellationQuote? Quote, IReadOnlyList<Problem> UserErrors);
}

public sealed class CancellationQuoteType : ObjectGraphType<CancellationQuote>
{
    public CancellationQuoteType()
    {
        Name = "CancellationQuote";
        Field<NonNullGraphType<DateOnlyGraphType>>("effectiveOn").Description("The last day of service.").Resolve(ctx => ctx.Source.EffectiveOn);
        Field<NonNullGraphType<DecimalGraphType>>("fee").Description("Excluding VAT, billed with the next invoice.").Resolve(ctx => ctx.Source.Fee.Amount);
        Field<NonNullGraphType<StringGraphType>>("currency").Resolve(ctx => ctx.Source.Fee.Currency.ToString());
        Field<NonNullGraphType<StringGraphType>>("rule").Description("The rule that sets the date and the fee.").Resolve(ctx => ctx.Source.Rule);
    }
}

public sealed class CancelSubscriptionInputType : InputObjectGraphType
{
    public CancelSubscriptionInputType()
    {
        Name = "CancelSubscriptionInput";
        Field<NonNullGraphType<IdGraphType>>("subscriptionId");
        Field<DateOnlyGraphType>("on").Description("The day asked; today when omitted.");
    }
}

public sealed class CancelPayloadType : ObjectGraphType<CancelSubscription.CancelResult>
{
    public CancelPayloadType()
    {
        Name = "CancelSubscriptionPayload";
        Field<SubscriptionType>("subscription").Resolve(ctx => ctx.Source.Subscription);
        Field<CancellationQuoteType>("cancellation").Resolve(ctx => ctx.Source.Quote);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(ctx => ctx.Source.UserErrors);
    }
}
