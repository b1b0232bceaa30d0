using GraphQL.Types;
using Store.Api.Customers;
using Store.Api.Numbers;
using Store.Api.Relay;
using Store.Domain;
using Store.Domain.Calls;
using Store.Domain.Calls.Live;

namespace Store.Api.Live;

public sealed class CallDirectionType : EnumerationGraphType<CallDirection>
{
    public CallDirectionType()
    {
        Name = "CallDirection";
        Description = "INBOUND: someone calls the customer's number; OUTBOUND: the customer calls out.";
    }
}

public sealed class CallEventKindType : EnumerationGraphType<CallEventKind>
{
    public CallEventKindType()
    {
        Name = "CallEventKind";
    }
}

public sealed class LiveCallStatusType : EnumerationGraphType<LiveCallStatus>
{
    public LiveCallStatusType()
    {
        Name = "LiveCallStatus";
        Description = "RINGING, IN_PROGRESS (answered), COMPLETED, MISSED (inbound, no answer), NOT_ANSWERED (outbound, no answer).";
    }
}

/// <summary>One minute of the live chart.</summary>
public sealed class MinutePointType : ObjectGraphType<MinutePoint>
{
    public MinutePointType()
    {
        Name = "CallMinute";
        Description = "One minute of the live chart: calls first seen in it, how they went, and the most calls on the lines at once.";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("minute").Description("The minute's start, UTC.").Resolve(ctx => ctx.Source.Minute);
        Field<NonNullGraphType<IntGraphType>>("calls").Resolve(ctx => ctx.Source.Calls);
        Field<NonNullGraphType<IntGraphType>>("answered").Resolve(ctx => ctx.Source.Answered);
        Field<NonNullGraphType<IntGraphType>>("missed").Resolve(ctx => ctx.Source.Missed);
        Field<NonNullGraphType<IntGraphType>>("peakInProgress").Resolve(ctx => ctx.Source.PeakInProgress);
    }
}

/// <summary>A call as the live list shows it.</summary>
public sealed class LiveCallType : ObjectGraphType<CallFacts>
{
    public LiveCallType()
    {
        Name = "LiveCall";
        Description = "A call as the platform's events describe it so far.";
        Field<NonNullGraphType<StringGraphType>>("callId").Description("The platform's call id.").Resolve(ctx => ctx.Source.CallId);
        Field<IdGraphType>("numberId").Resolve(ctx => ctx.Source.NumberId is { } id ? GlobalId.Encode(TelephoneNumberType.TypeName, id) : null);
        Field<StringGraphType>("number").Description("The customer's number, E.164.").Resolve(ctx => ctx.Source.Number);
        Field<NonNullGraphType<CallDirectionType>>("direction").Resolve(ctx => ctx.Source.Direction);
        Field<StringGraphType>("caller").Resolve(ctx => ctx.Source.Caller);
        Field<StringGraphType>("callee").Resolve(ctx => ctx.Source.Callee);
        Field<NonNullGraphType<LiveCallStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("firstSeenAt").Description("Its start, else its answer, else its end.").Resolve(ctx => ctx.Source.FirstSeenAt);
        Field<DateTimeOffsetGraphType>("startedAt").Resolve(ctx => ctx.Source.StartedAt);
        Field<DateTimeOffsetGraphType>("answeredAt").Resolve(ctx => ctx.Source.AnsweredAt);
        Field<DateTimeOffsetGraphType>("endedAt").Resolve(ctx => ctx.Source.EndedAt);
        Field<NonNullGraphType<IntGraphType>>("talkSeconds").Description("Once ended.").Resolve(ctx => ctx.Source.TalkSeconds);
        Field<NonNullGraphType<DecimalGraphType>>("revenue").Description("A premium-rate call's revenue once ended; 0 otherwise.").Resolve(ctx => ctx.Source.EarnedRevenue);
        Field<NonNullGraphType<BooleanGraphType>>("closedByStore")
            .Description("True when no end came within the longest call allowed (2 h fair use): Store closed the call at that limit.")
            .Resolve(ctx => ctx.Source.ClosedByStore);
    }
}

/// <summary>A number's figures in its account's currency.</summary>
public sealed record NumberStatistics(NumberFigures Number, Currency Currency);

/// <summary>The figures an account and a number share.</summary>
internal static class FigureFields
{
    public static void AddTo<T>(ObjectGraphType<T> type, Func<T, LiveFigures> figures, Func<T, Currency> currency)
    {
        type.Field<NonNullGraphType<DateOnlyGraphType>>("day").Description("Today, in the customer's time zone.").Resolve(ctx => figures(ctx.Source).Day);
        type.Field<NonNullGraphType<IntGraphType>>("inProgress").Description("Calls on the lines now, ringing or answered.").Resolve(ctx => figures(ctx.Source).InProgress);
        type.Field<NonNullGraphType<IntGraphType>>("ringing").Resolve(ctx => figures(ctx.Source).Ringing);
        type.Field<NonNullGraphType<IntGraphType>>("callsToday").Resolve(ctx => figures(ctx.Source).Calls);
        type.Field<NonNullGraphType<IntGraphType>>("answeredToday").Resolve(ctx => figures(ctx.Source).Answered);
        type.Field<NonNullGraphType<IntGraphType>>("missedToday").Description("Inbound calls that ended without an answer.").Resolve(ctx => figures(ctx.Source).Missed);
        type.Field<NonNullGraphType<IntGraphType>>("talkSecondsToday").Description("Talk time of today's ended calls.").Resolve(ctx => figures(ctx.Source).TalkSeconds);
        type.Field<NonNullGraphType<FloatGraphType>>("minutesToday").Description("The same in minutes, to a tenth.").Resolve(ctx => Math.Round(figures(ctx.Source).TalkSeconds / 60.0, 1));
        type.Field<NonNullGraphType<DecimalGraphType>>("revenueToday").Description("Premium-rate (090x) revenue of today's ended calls.").Resolve(ctx => figures(ctx.Source).Revenue);
        type.Field<NonNullGraphType<EnumerationGraphType<Currency>>>("currency").Resolve(ctx => currency(ctx.Source));
        type.Field<NonNullGraphType<IntGraphType>>("closedByStoreToday").Description("Calls Store closed at the fair-use limit because no end came.").Resolve(ctx => figures(ctx.Source).ClosedByStore);
        type.Field<DateTimeOffsetGraphType>("lastEventAt").Description("The latest event's time.").Resolve(ctx => figures(ctx.Source).LastEventAt);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MinutePointType>>>>("perMinute")
            .Description("The last minutes, oldest first (as many as the subscription's minutes argument).")
            .Resolve(ctx => figures(ctx.Source).PerMinute);
    }
}

public sealed class NumberStatisticsType : ObjectGraphType<NumberStatistics>
{
    public NumberStatisticsType()
    {
        Name = "NumberCallStatistics";
        Description = "A number's live figures.";
        Field<NonNullGraphType<IdGraphType>>("numberId").Resolve(ctx => GlobalId.Encode(TelephoneNumberType.TypeName, ctx.Source.Number.NumberId));
        Field<StringGraphType>("number").Description("E.164.").Resolve(ctx => ctx.Source.Number.Number);
        FigureFields.AddTo(this, s => s.Number.Figures, s => s.Currency);
    }
}

public sealed class CallStatisticsType : ObjectGraphType<CallStatistics>
{
    public CallStatisticsType()
    {
        Name = "CallStatistics";
        Description = "An account's live call figures: calls on the lines now, and today so far in the customer's time zone.";
        Field<NonNullGraphType<IdGraphType>>("accountId").Resolve(ctx => GlobalId.Encode(CustomerType.TypeName, ctx.Source.Account.CustomerId));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Description("When these figures were taken.").Resolve(ctx => ctx.Source.At);
        FigureFields.AddTo(this, s => s.Account.Figures, s => s.Currency);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NumberStatisticsType>>>>("numbers")
            .Description("Each number that had calls.")
            .Resolve(ctx => ctx.Source.Account.Numbers.Select(n => new NumberStatistics(n, ctx.Source.Currency)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LiveCallType>>>>("recentCalls").Description("The latest calls, newest first (at most 20).").Resolve(ctx => ctx.Source.Account.RecentCalls);
    }
}

public sealed class CallActivityType : ObjectGraphType<CallActivity>
{
    public CallActivityType()
    {
        Name = "CallActivity";
        Description = "A number's figures with the calls that changed since the previous message; the first message carries the latest calls.";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(ctx => ctx.Source.At);
        Field<NonNullGraphType<NumberStatisticsType>>("statistics").Resolve(ctx => new NumberStatistics(ctx.Source.Number, ctx.Source.Currency));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LiveCallType>>>>("calls").Description("Newest first, each in its latest state.").Resolve(ctx => ctx.Source.Calls);
    }
}
