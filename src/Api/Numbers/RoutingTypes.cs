using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.DataLoading;
using Store.Api.Relay;
using Store.Domain.Numbers;
using Store.Domain.Numbers.Routing;
using Store.Domain.Persistence;

namespace Store.Api.Numbers;

public sealed class RoutingScheduleType : ObjectGraphType<RoutingSchedule>
{
    public RoutingScheduleType()
    {
        Name = "RoutingSchedule";
        Description = "The weekly routing plan: slots of the week, each with its chain of destinations. Outside every slot, calls go to the number's destination.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<FallbackReason>>>>>("fallbackOn")
            .Description("When a call moves on to the next destination of a chain.")
            .Resolve(ctx => FallbackReasons.From(ctx.Source.FallbackOn));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoutingWindowType>>>>("windows").Resolve(ctx => ctx.Source.Windows);
    }
}

public sealed class RoutingWindowType : ObjectGraphType<RoutingWindow>
{
    public RoutingWindowType()
    {
        Name = "RoutingWindow";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<DayOfWeek>>>>>("days").Resolve(ctx => ctx.Source.Days);
        Field<NonNullGraphType<StringGraphType>>("from").Description("HH:mm, in the customer's time zone.").Resolve(ctx => ctx.Source.From.ToString("HH:mm", CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("until").Description("HH:mm, exclusive; 00:00 is midnight at the end of the day.").Resolve(ctx => ctx.Source.Until.ToString("HH:mm", CultureInfo.InvariantCulture));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoutingStepType>>>>("steps").Description("Tried in order.").Resolve(ctx => ctx.Source.Steps);
    }
}

public sealed class RoutingStepType : ObjectGraphType<RoutingStep>
{
    public RoutingStepType()
    {
        Name = "RoutingStep";
        Field<NonNullGraphType<StringGraphType>>("destination").Description("E.164.").Resolve(ctx => ctx.Source.Destination);
        Field<NonNullGraphType<IntGraphType>>("ringSeconds").Resolve(ctx => ctx.Source.RingSeconds);
    }
}

/// <summary>One reason of <see cref="FallbackTriggers"/>, as GraphQL lists them.</summary>
public enum FallbackReason
{
    NoAnswer,
    Busy,
    Unreachable,
}

internal static class FallbackReasons
{
    public static IEnumerable<FallbackReason> From(FallbackTriggers triggers) =>
        Enum.GetValues<FallbackReason>().Where(r => triggers.HasFlag(To(r)));

    public static FallbackTriggers To(FallbackReason reason) => reason switch
    {
        FallbackReason.NoAnswer => FallbackTriggers.NoAnswer,
        FallbackReason.Busy => FallbackTriggers.Busy,
        _ => FallbackTriggers.Unreachable,
    };
}

public sealed class ScheduledDestinationChangeType : ObjectGraphType<ScheduledDestinationChange>
{
    public const string TypeName = "DestinationChange";

    public ScheduledDestinationChangeType()
    {
        Name = TypeName;
        Description = "A change of a number's destination, made at once or planned for a moment.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(TypeName, ctx.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("destination").Resolve(ctx => ctx.Source.Destination);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("effectiveAt").Resolve(ctx => ctx.Source.EffectiveAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("requestedAt").Resolve(ctx => ctx.Source.RequestedAt);
        Field<NonNullGraphType<EnumerationGraphType<ScheduledChangeStatus>>>("status").Resolve(ctx => ctx.Source.Status);
    }

    /// <summary>The destination changes of the numbers of a page, in one query.</summary>
    public static BatchLoader<Guid, List<ScheduledDestinationChange>> OfNumbers(IResolveFieldContext ctx) =>
        ctx.RequestServices!.GetRequiredService<DataLoaders>().Get<Guid, List<ScheduledDestinationChange>>("destination-changes-by-number", async (ids, cancellationToken) =>
        {
            var changes = await ctx.RequestServices!.GetRequiredService<StoreDb>().ScheduledDestinationChanges.AsNoTracking()
                .Where(c => ids.Contains(c.NumberId))
                .ToListAsync(cancellationToken);
            return changes.GroupBy(c => c.NumberId).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.EffectiveAt).ToList());
        }, () => []);
}

public sealed class BlockedCallerType : ObjectGraphType<BlockedCaller>
{
    public BlockedCallerType()
    {
        Name = "BlockedCaller";
        Field<NonNullGraphType<StringGraphType>>("caller").Description("E.164.").Resolve(ctx => ctx.Source.Caller);
        Field<DateTimeOffsetGraphType>("until").Description("When the block lifts; null for good.").Resolve(ctx => ctx.Source.Until);
        Field<StringGraphType>("note").Resolve(ctx => ctx.Source.Note);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("blockedAt").Resolve(ctx => ctx.Source.BlockedAt);
    }

    /// <summary>The callers blocked on the numbers of a page, in one query.</summary>
    public static BatchLoader<Guid, List<BlockedCaller>> OfNumbers(IResolveFieldContext ctx) =>
        ctx.RequestServices!.GetRequiredService<DataLoaders>().Get<Guid, List<BlockedCaller>>("blocked-callers-by-number", async (ids, cancellationToken) =>
        {
            var blocked = await ctx.RequestServices!.GetRequiredService<StoreDb>().BlockedCallers.AsNoTracking()
                .Where(c => ids.Contains(c.NumberId))
                .ToListAsync(cancellationToken);
            return blocked.GroupBy(c => c.NumberId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Caller).ToList());
        }, () => []);
}

public sealed class RouteDecisionType : ObjectGraphType<RouteDecision>
{
    public RouteDecisionType()
    {
        Name = "RouteDecision";
        Description = "What the network does with a call: refuse it, or ring the destinations in order.";
        Field<NonNullGraphType<BooleanGraphType>>("blocked").Resolve(ctx => ctx.Source.Blocked);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoutingStepType>>>>("steps").Resolve(ctx => ctx.Source.Steps);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<FallbackReason>>>>>("fallbackOn").Resolve(ctx => FallbackReasons.From(ctx.Source.FallbackOn));
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(ctx => ctx.Source.Reason);
    }
}
