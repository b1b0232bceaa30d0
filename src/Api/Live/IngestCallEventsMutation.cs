using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Authorization;
using Store.Api.Schema;
using Store.Api.Viewer;
using Store.Domain;
using Store.Domain.Calls;

namespace Store.Api.Live;

/// <summary>ingestCallEvents: the same batch as POST /api/call-events, for a platform that speaks GraphQL.</summary>
public static class IngestCallEventsMutation
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<IngestCallEventsPayloadType>>("ingestCallEvents")
            .Description("Takes a batch of call events from the telephony platform, idempotent by eventId. Needs the platform's client with calls:write.")
            .Argument<NonNullGraphType<IngestCallEventsInputType>>("input")
            .Require(new PlatformRequirement())
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var events = (input["events"] as IEnumerable<object?> ?? []).Cast<Dictionary<string, object?>>().ToList();
                var max = ctx.RequestServices!.GetRequiredService<Microsoft.Extensions.Options.IOptions<LiveOptions>>().Value.MaxBatchSize;
                if (events.Count > max)
                {
                    return new IngestionReport(0, 0, [new RejectedCallEvent(0, null, [new Problem("events", $"A batch carries at most {max} events.", "BATCH_TOO_LARGE")])]);
                }

                var batch = events.Select(e => new CallEventSubmission(Read(e), System.Text.Json.JsonSerializer.Serialize(e))).ToList();
                return await ctx.RequestServices!.GetRequiredService<CallEventIngestion>().IngestAsync(batch, ctx.Caller().ClientId ?? "unknown", ctx.CancellationToken);
            });
    }

    private static IncomingCallEvent Read(Dictionary<string, object?> e) => new(
        e.GetValueOrDefault("eventId") as string,
        e.GetValueOrDefault("callId") as string,
        e.GetValueOrDefault("number") as string,
        e.GetValueOrDefault("accountId") as string,
        (e.GetValueOrDefault("kind") as CallEventKind?)?.ToString(),
        e.GetValueOrDefault("at") as DateTimeOffset?,
        e.GetValueOrDefault("caller") as string,
        e.GetValueOrDefault("callee") as string,
        (e.GetValueOrDefault("direction") as CallDirection?)?.ToString(),
        e.GetValueOrDefault("durationSeconds") as int?,
        e.GetValueOrDefault("tariffPerMinute") as decimal?,
        e.GetValueOrDefault("revenue") as decimal?);
}

public sealed class CallEventInputType : InputObjectGraphType
{
    public CallEventInputType()
    {
        Name = "CallEventInput";
        Description = "One event of a call, as the platform saw it.";
        Field<NonNullGraphType<StringGraphType>>("eventId").Description("Unique per event: the same id sent again is ignored.");
        Field<NonNullGraphType<StringGraphType>>("callId").Description("The platform's id of the call.");
        Field<StringGraphType>("number").Description("The customer's number, E.164; or give accountId.");
        Field<IdGraphType>("accountId").Description("The customer's account, when the call is not on one of its numbers.");
        Field<NonNullGraphType<CallEventKindType>>("kind");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at");
        Field<StringGraphType>("caller");
        Field<StringGraphType>("callee");
        Field<NonNullGraphType<CallDirectionType>>("direction");
        Field<IntGraphType>("durationSeconds").Description("Talk time, with an ENDED event.");
        Field<DecimalGraphType>("tariffPerMinute").Description("Premium-rate (090x) numbers only: the call's tariff a minute.");
        Field<DecimalGraphType>("revenue").Description("Premium-rate (090x) numbers only: the call's revenue, with its end.");
    }
}

public sealed class IngestCallEventsInputType : InputObjectGraphType
{
    public IngestCallEventsInputType()
    {
        Name = "IngestCallEventsInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CallEventInputType>>>>("events").Description("At most 1000.");
    }
}

public sealed class IngestCallEventsPayloadType : ObjectGraphType<IngestionReport>
{
    public IngestCallEventsPayloadType()
    {
        Name = "IngestCallEventsPayload";
        Field<NonNullGraphType<IntGraphType>>("accepted").Description("Events new to Store.").Resolve(ctx => ctx.Source.Accepted);
        Field<NonNullGraphType<IntGraphType>>("duplicates").Description("Events Store already had (same eventId).").Resolve(ctx => ctx.Source.Duplicates);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors")
            .Description("Why events were refused; refused events are kept in quarantine with the reason.")
            .Resolve(ctx => ctx.Source.Rejected.SelectMany(r => r.Problems));
    }
}
