using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Authorization;
using Store.Api.Customers;
using Store.Api.Numbers;
using Store.Api.Relay;
using Store.Domain.Calls.Live;
using Store.Domain.Identity;
using Store.Domain.Persistence;

namespace Store.Api.Live;

/// <summary>
/// callStatistics(accountId) and callEvents(numberId): live figures pushed over the graphql-transport-ws socket.
/// The account or number is looked up through the tenant-filtered database when subscribing, so a customer sees
/// only itself and a reseller only its customers; anything else is "not found".
/// </summary>
public static class LiveSubscriptions
{
    public static void AddTo(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<CallStatisticsType>>("callStatistics")
            .Description("An account's live call figures, now and then at most a few times a second as calls move. Needs calls:read.")
            .Argument<NonNullGraphType<IdGraphType>>("accountId")
            .Argument<IntGraphType>("minutes", "How many minutes perMinute covers: 1 to 180, 60 when omitted.")
            .RequireScope(StoreScopes.CallsRead)
            .Resolve(ctx => ctx.Source)
            .ResolveStreamAsync(async ctx =>
            {
                var db = ctx.RequestServices!.GetRequiredService<StoreDb>();
                var account = GlobalId.Decode(ctx.GetArgument<string>("accountId")) is { TypeName: CustomerType.TypeName } id
                    ? await db.Customers.AsNoTracking().Where(c => c.Id == id.Id).Select(c => new { c.Id, c.TimeZone, c.Currency }).SingleOrDefaultAsync(ctx.CancellationToken)
                    : null;
                if (account is null)
                {
                    throw new ExecutionError("No customer with this id is yours.") { Code = "NOT_FOUND" };
                }

                var feed = ctx.RequestServices!.GetRequiredService<LiveStatistics>().Feed;
                return (IObservable<object?>)feed.Account(account.Id, account.TimeZone, account.Currency, Minutes(ctx));
            });

        subscription.Field<NonNullGraphType<CallActivityType>>("callEvents")
            .Description("A number's calls as they start, are answered and end, with its figures; at most a few messages a second. Needs calls:read.")
            .Argument<NonNullGraphType<IdGraphType>>("numberId")
            .Argument<IntGraphType>("minutes", "How many minutes perMinute covers: 1 to 180, 60 when omitted.")
            .RequireScope(StoreScopes.CallsRead)
            .Resolve(ctx => ctx.Source)
            .ResolveStreamAsync(async ctx =>
            {
                var db = ctx.RequestServices!.GetRequiredService<StoreDb>();
                var number = GlobalId.Decode(ctx.GetArgument<string>("numberId")) is { TypeName: TelephoneNumberType.TypeName } id
                    ? await db.Numbers.AsNoTracking().Where(n => n.Id == id.Id).Select(n => new { n.Id, n.E164, n.CustomerId }).SingleOrDefaultAsync(ctx.CancellationToken)
                    : null;
                var account = number is null ? null
                    : await db.Customers.AsNoTracking().Where(c => c.Id == number.CustomerId).Select(c => new { c.TimeZone, c.Currency }).SingleOrDefaultAsync(ctx.CancellationToken);
                if (number is null || account is null)
                {
                    throw new ExecutionError("No number with this id is yours.") { Code = "NOT_FOUND" };
                }

                var feed = ctx.RequestServices!.GetRequiredService<LiveStatistics>().Feed;
                return (IObservable<object?>)feed.Number(number.Id, number.E164, account.TimeZone, account.Currency, Minutes(ctx));
            });
    }

    private static int Minutes(IResolveFieldContext ctx) => Math.Clamp(ctx.GetArgument("minutes", 60), 1, MinuteSeries.Capacity);
}
