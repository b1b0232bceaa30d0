using System.Globalization;
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
using Store.Domain.Numbers;
using Store.Domain.Numbers.Routing;
using Store.Domain.Persistence;

namespace Store.Api.Numbers;

/// <summary>
/// The routing of a number (001, "Planning et routage"): its destination now or at a moment, the weekly schedule with
/// its fallback chains, blocked callers and caller display. Every mutation answers the number as it now stands.
/// </summary>
public static class RoutingMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        Add<ChangeDestinationInputType>(mutation, "changeDestination", "Sends the number's calls to another destination, now or from a moment (effectiveAt).", (number, input, ctx) =>
        {
            var change = number.Found.ChangeDestination(input["destination"] as string, input.GetValueOrDefault("effectiveAt") as DateTimeOffset?, ctx.Now, ctx.Region);
            return change.Problems;
        });

        Add<CancelDestinationChangeInputType>(mutation, "cancelDestinationChange", "Withdraws a destination change planned for later.", (number, input, ctx) =>
        {
            var id = GlobalId.Decode(input["changeId"] as string);
            var change = id is { TypeName: ScheduledDestinationChangeType.TypeName } ? number.Found.ScheduledChanges.FirstOrDefault(c => c.Id == id.Value.Id) : null;
            return change is null
                ? [new Problem("changeId", "This number has no such planned change.", "NOT_FOUND")]
                : change.Cancel(ctx.Now).Problems;
        });

        Add<SetRoutingScheduleInputType>(mutation, "setRoutingSchedule", "Replaces the weekly routing schedule and its fallback chains; an empty list of windows removes it.", (number, input, ctx) =>
        {
            var (windows, problems) = ReadWindows(input);
            if (problems.Count > 0)
            {
                return problems;
            }

            var fallback = ((IEnumerable<object?>?)input.GetValueOrDefault("fallbackOn") ?? [FallbackReason.NoAnswer, FallbackReason.Busy, FallbackReason.Unreachable])
                .Cast<FallbackReason>().Aggregate(FallbackTriggers.None, (all, r) => all | FallbackReasons.To(r));
            var schedule = RoutingSchedule.Create(windows, fallback, ctx.Region);
            if (schedule.Value is { } valid)
            {
                number.Found.SetSchedule(valid, input.GetValueOrDefault("routingMode") as RoutingMode? ?? number.Found.RoutingMode);
            }

            return schedule.Problems;
        });

        Add<BlockCallerInputType>(mutation, "blockCaller", "Refuses a caller on this number, until a moment or for good (until omitted).", (number, input, ctx) =>
            number.Found.Block(input["caller"] as string, input.GetValueOrDefault("until") as DateTimeOffset?, input.GetValueOrDefault("note") as string, ctx.Now, ctx.Region).Problems);

        Add<UnblockCallerInputType>(mutation, "unblockCaller", "Lets a blocked caller through again.", (number, input, ctx) =>
            number.Found.Unblock(input["caller"] as string, ctx.Region).Problems);

        Add<SetCallerDisplayInputType>(mutation, "setCallerDisplay", "Chooses what the customer's phone shows for calls to this number, and the number presented when calling out (ARCEP rules checked).", (number, input, ctx) =>
            number.Found.SetCallerDisplay(
                input.GetValueOrDefault("inboundDisplay") as InboundDisplay? ?? number.Found.InboundDisplay,
                input.GetValueOrDefault("presentedNumber") as string,
                input.GetValueOrDefault("presentedAs") as CallerIdUse? ?? CallerIdUse.Person,
                ctx.Region).Problems);
    }

    /// <summary>The number being changed and the customer's region and clock.</summary>
    private sealed record NumberContext(TelephoneNumber Found, DateTimeOffset Now, string Region);

    private static void Add<TInput>(ObjectGraphType mutation, string name, string description, Func<NumberContext, Dictionary<string, object?>, NumberContext, IReadOnlyList<Problem>> change)
        where TInput : InputObjectGraphType
    {
        mutation.Field<NonNullGraphType<NumberPayloadType>>(name)
            .Description(description + " Needs customers:write.")
            .Argument<NonNullGraphType<TInput>>("input")
            .RequireScope(StoreScopes.CustomersWrite)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var db = ctx.RequestServices!.GetRequiredService<StoreDb>();
                var loaded = GlobalId.Decode(input["numberId"] as string) is { TypeName: TelephoneNumberType.TypeName } id
                    ? await (from n in db.Numbers.Include(n => n.ScheduledChanges).Include(n => n.BlockedCallers)
                             join c in db.Customers on n.CustomerId equals c.Id
                             where n.Id == id.Id
                             select new { Number = n, c.Market }).AsSplitQuery().SingleOrDefaultAsync(ctx.CancellationToken)
                    : null;
                if (loaded is null)
                {
                    return new Payload<TelephoneNumber>(null, [new Problem("numberId", "No number with this id is yours.", "NOT_FOUND")]);
                }

                var number = new NumberContext(loaded.Number, ctx.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow(), loaded.Market == Market.CH ? "CH" : "FR");
                var problems = change(number, input, number);
                if (problems.Count > 0)
                {
                    return new Payload<TelephoneNumber>(null, problems);
                }

                await db.SaveChangesAsync(ctx.CancellationToken);
                return new Payload<TelephoneNumber>(loaded.Number, []);
            });
    }

    private static (List<RoutingWindow> Windows, List<Problem> Problems) ReadWindows(Dictionary<string, object?> input)
    {
        var windows = new List<RoutingWindow>();
        var problems = new List<Problem>();
        var items = (IEnumerable<object?>?)input.GetValueOrDefault("windows") ?? [];
        var i = 0;
        foreach (var item in items.Cast<Dictionary<string, object?>>())
        {
            var from = ReadTime(item, "from", $"windows[{i}].from", problems);
            var until = ReadTime(item, "until", $"windows[{i}].until", problems);
            var days = ((IEnumerable<object?>)item["days"]!).Cast<DayOfWeek>().ToList();
            var steps = ((IEnumerable<object?>)item["steps"]!).Cast<Dictionary<string, object?>>()
                .Select(s => new RoutingStep((string)s["destination"]!, s.GetValueOrDefault("ringSeconds") as int? ?? RoutingSchedule.DefaultRingSeconds))
                .ToList();
            windows.Add(new RoutingWindow(days, from, until, steps));
            i++;
        }

        return (windows, problems);
    }

    private static TimeOnly ReadTime(Dictionary<string, object?> item, string key, string field, List<Problem> problems)
    {
        if (TimeOnly.TryParseExact(item[key] as string, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        problems.Add(new Problem(field, "Give the time as HH:mm, such as 08:30.", "INVALID_TIME"));
        return TimeOnly.MinValue;
    }
}

public sealed class NumberPayloadType : ObjectGraphType<Payload<TelephoneNumber>>
{
    public NumberPayloadType()
    {
        Name = "NumberPayload";
        Description = "The number after the change, or why nothing changed.";
        Field<TelephoneNumberType>("number").Resolve(ctx => ctx.Source.Entity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(ctx => ctx.Source.UserErrors);
    }
}

public sealed class ChangeDestinationInputType : InputObjectGraphType
{
    public ChangeDestinationInputType()
    {
        Name = "ChangeDestinationInput";
        Field<NonNullGraphType<IdGraphType>>("numberId");
        Field<NonNullGraphType<StringGraphType>>("destination").Description("National or international form.");
        Field<DateTimeOffsetGraphType>("effectiveAt").Description("When the change takes effect; now when omitted.");
    }
}

public sealed class CancelDestinationChangeInputType : InputObjectGraphType
{
    public CancelDestinationChangeInputType()
    {
        Name = "CancelDestinationChangeInput";
        Field<NonNullGraphType<IdGraphType>>("numberId");
        Field<NonNullGraphType<IdGraphType>>("changeId");
    }
}

public sealed class RoutingStepInputType : InputObjectGraphType
{
    public RoutingStepInputType()
    {
        Name = "RoutingStepInput";
        Field<NonNullGraphType<StringGraphType>>("destination");
        Field<IntGraphType>("ringSeconds").Description($"{RoutingSchedule.MinRingSeconds} to {RoutingSchedule.MaxRingSeconds}; {RoutingSchedule.DefaultRingSeconds} when omitted.");
    }
}

public sealed class RoutingWindowInputType : InputObjectGraphType
{
    public RoutingWindowInputType()
    {
        Name = "RoutingWindowInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<DayOfWeek>>>>>("days");
        Field<NonNullGraphType<StringGraphType>>("from").Description("HH:mm.");
        Field<NonNullGraphType<StringGraphType>>("until").Description("HH:mm, exclusive; 00:00 for midnight.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoutingStepInputType>>>>("steps");
    }
}

public sealed class SetRoutingScheduleInputType : InputObjectGraphType
{
    public SetRoutingScheduleInputType()
    {
        Name = "SetRoutingScheduleInput";
        Field<NonNullGraphType<IdGraphType>>("numberId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoutingWindowInputType>>>>("windows");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<FallbackReason>>>>("fallbackOn").Description("All three when omitted.");
        Field<EnumerationGraphType<RoutingMode>>("routingMode");
    }
}

public sealed class BlockCallerInputType : InputObjectGraphType
{
    public BlockCallerInputType()
    {
        Name = "BlockCallerInput";
        Field<NonNullGraphType<IdGraphType>>("numberId");
        Field<NonNullGraphType<StringGraphType>>("caller");
        Field<DateTimeOffsetGraphType>("until").Description("When the block lifts; for good when omitted.");
        Field<StringGraphType>("note");
    }
}

public sealed class UnblockCallerInputType : InputObjectGraphType
{
    public UnblockCallerInputType()
    {
        Name = "UnblockCallerInput";
        Field<NonNullGraphType<IdGraphType>>("numberId");
        Field<NonNullGraphType<StringGraphType>>("caller");
    }
}

public sealed class SetCallerDisplayInputType : InputObjectGraphType
{
    public SetCallerDisplayInputType()
    {
        Name = "SetCallerDisplayInput";
        Field<NonNullGraphType<IdGraphType>>("numberId");
        Field<EnumerationGraphType<InboundDisplay>>("inboundDisplay");
        Field<StringGraphType>("presentedNumber").Description("Empty to present the line's own number.");
        Field<EnumerationGraphType<CallerIdUse>>("presentedAs").Description("Who calls with it: a person, an automated system or a technical platform (ARCEP rules differ).");
    }
}
