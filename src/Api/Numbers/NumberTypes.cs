using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.DataLoading;
using Store.Api.Relay;
using Store.Domain.Numbers;
using Store.Domain.Persistence;

namespace Store.Api.Numbers;

public sealed class TelephoneNumberType : ObjectGraphType<TelephoneNumber>
{
    public const string TypeName = "TelephoneNumber";

    public TelephoneNumberType()
    {
        Name = TypeName;
        Description = "A number a customer holds with Store, created from the pool or ported in.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is TelephoneNumber;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("e164").Description("The number in E.164, such as +33123456789.").Resolve(ctx => ctx.Source.E164);
        Field<NonNullGraphType<EnumerationGraphType<NumberStatus>>>("status").Resolve(ctx => ctx.Source.Status);
        Field<DateOnlyGraphType>("portingDate").Description("The day the number is ported in, when it is.").Resolve(ctx => ctx.Source.PortingDate);
        Field<StringGraphType>("currentOperator").Resolve(ctx => ctx.Source.CurrentOperator);
        Field<StringGraphType>("destination")
            .Description("Where calls go now outside the weekly slots (E.164), counting a planned change whose time has come.")
            .Resolve(ctx => ScheduledDestinationChangeType.OfNumbers(ctx).Load(ctx.Source.Id)
                .Then(changes => TelephoneNumber.DestinationAt(ctx.Source.Destination, changes ?? [], ctx.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow())));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScheduledDestinationChangeType>>>>("destinationChanges")
            .Description("The destination changes, planned and past, latest first.")
            .Resolve(ctx => ScheduledDestinationChangeType.OfNumbers(ctx).Load(ctx.Source.Id));
        Field<NonNullGraphType<EnumerationGraphType<RoutingMode>>>("routingMode").Resolve(ctx => ctx.Source.RoutingMode);
        Field<NonNullGraphType<RoutingScheduleType>>("schedule").Resolve(ctx => ctx.Source.Schedule);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BlockedCallerType>>>>("blockedCallers")
            .Resolve(ctx => BlockedCallerType.OfNumbers(ctx).Load(ctx.Source.Id));
        Field<NonNullGraphType<EnumerationGraphType<InboundDisplay>>>("inboundDisplay").Description("What the customer's phone shows when a call to this number rings.").Resolve(ctx => ctx.Source.InboundDisplay);
        Field<StringGraphType>("presentedNumber").Description("The number presented to the people this line calls.").Resolve(ctx => ctx.Source.PresentedNumber);
        Field<NonNullGraphType<EnumerationGraphType<CallerIdUse>>>("presentedAs").Resolve(ctx => ctx.Source.PresentedAs);
    }

    /// <summary>A customer's numbers, all customers of a page in one query.</summary>
    public static BatchLoader<Guid, List<TelephoneNumber>> OfCustomers(IResolveFieldContext ctx) =>
        ctx.RequestServices!.GetRequiredService<DataLoaders>().Get<Guid, List<TelephoneNumber>>("numbers-by-customer", async (ids, cancellationToken) =>
        {
            var numbers = await ctx.RequestServices!.GetRequiredService<StoreDb>().Numbers.AsNoTracking()
                .Where(n => ids.Contains(n.CustomerId))
                .OrderBy(n => n.E164)
                .ToListAsync(cancellationToken);
            return numbers.GroupBy(n => n.CustomerId).ToDictionary(g => g.Key, g => g.ToList());
        }, () => []);

    /// <summary>Fetches numbers by id for node / nodes; the query filters leave out those the caller may not see.</summary>
    public static readonly NodeLoader Loader = new(TypeName, async (services, ids, cancellationToken) =>
        await services.GetRequiredService<StoreDb>().Numbers.AsNoTracking()
            .Where(n => ids.Contains(n.Id))
            .ToDictionaryAsync(n => n.Id, n => (object)n, cancellationToken));
}
