using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Authorization;
using Store.Api.Schema;
using Store.Domain;
using Store.Domain.Calls;

namespace Store.Api.Calls;

/// <summary>
/// ingestCallRecords and replayQuarantinedCall: the telephony platform's batch of call records through GraphQL, checked
/// record by record like the HTTP endpoints (bad records go to quarantine, the good ones of the batch are taken).
/// </summary>
public static class IngestCallRecordsMutation
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<IngestCallRecordsPayloadType>>("ingestCallRecords")
            .Description("Takes a batch of call records from the telephony platform: idempotent by callId, a later version of a call adjusts its charge. Needs the platform's token (calls:write).")
            .Argument<NonNullGraphType<IngestCallRecordsInputType>>("input")
            .Require(PlatformRequirement.Instance)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var records = (input["records"] as IEnumerable<object?> ?? []).Select(r => r as Dictionary<string, object?> ?? []).ToList();
                var batch = records.Select(r => new ReceivedCall(ToInput(r), JsonSerializer.Serialize(r))).ToList();
                return await ctx.RequestServices!.GetRequiredService<CallIngestion>().IngestAsync("graphql", batch, ctx.CancellationToken);
            });

        mutation.Field<NonNullGraphType<ReplayQuarantinedCallPayloadType>>("replayQuarantinedCall")
            .Description("Replays a quarantined call record, as it was (once its cause is fixed) or corrected. Needs the platform's token (calls:write).")
            .Argument<NonNullGraphType<ReplayQuarantinedCallInputType>>("input")
            .Require(PlatformRequirement.Instance)
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                if (!Guid.TryParse(input["id"] as string, out var id))
                {
                    return new Payload<QuarantinedCall>(null, [new Problem("id", "No quarantined call has this id.", "NOT_FOUND")]);
                }

                var corrected = input.GetValueOrDefault("record") is Dictionary<string, object?> record ? ToInput(record) : null;
                return Payload<QuarantinedCall>.From(await ctx.RequestServices!.GetRequiredService<CallIngestion>().ReplayAsync(id, corrected, ctx.CancellationToken));
            });
    }

    private static CallRecordInput ToInput(Dictionary<string, object?> r) => new()
    {
        CallId = r.GetValueOrDefault("callId") as string,
        Account = r.GetValueOrDefault("account") as string,
        User = r.GetValueOrDefault("user") as string,
        Direction = r.GetValueOrDefault("direction") as string,
        Caller = r.GetValueOrDefault("caller") as string,
        Callee = r.GetValueOrDefault("callee") as string,
        StartedAt = r.GetValueOrDefault("startedAt") as string,
        AnsweredAt = r.GetValueOrDefault("answeredAt") as string,
        EndedAt = r.GetValueOrDefault("endedAt") as string,
        Disposition = r.GetValueOrDefault("disposition") as string,
        RecordedSeconds = r.GetValueOrDefault("recordedSeconds") as int?,
        Transferred = r.GetValueOrDefault("transferred") as bool? ?? false,
        Forwarded = r.GetValueOrDefault("forwarded") as bool? ?? false,
        WebCallBack = r.GetValueOrDefault("webCallBack") as bool? ?? false,
        Tariff = r.GetValueOrDefault("tariff") as int?,
        TariffChanges = r.GetValueOrDefault("tariffChanges") as string,
    };
}

public sealed class CallRecordInputType : InputObjectGraphType
{
    public CallRecordInputType()
    {
        Name = "CallRecordInput";
        Description = "A call as the platform reports it. Fields are checked record by record: a bad one sends the record to quarantine with the field and the reason, not the whole batch.";
        Field<StringGraphType>("callId").Description("The platform's id of the call; a record sent again with it is a duplicate or a later version.");
        Field<StringGraphType>("account").Description("The customer's number; by default the caller of an outbound call, the callee of an inbound one.");
        Field<StringGraphType>("user").Description("The platform's user who made or took the call (per-user limits).");
        Field<StringGraphType>("direction").Description("outbound or inbound, from the customer's side.");
        Field<StringGraphType>("caller");
        Field<StringGraphType>("callee");
        Field<StringGraphType>("startedAt").Description("ISO 8601 with an offset.");
        Field<StringGraphType>("answeredAt");
        Field<StringGraphType>("endedAt").Description("The full hang-up, after any transfer.");
        Field<StringGraphType>("disposition").Description("answered, no-answer, busy or failed.");
        Field<IntGraphType>("recordedSeconds");
        Field<BooleanGraphType>("transferred");
        Field<BooleanGraphType>("forwarded").Description("A forwarding to an external number.");
        Field<BooleanGraphType>("webCallBack").Description("A web call-back: billed as two calls.");
        Field<IntGraphType>("tariff").Description("Premium Smart Numbers: the tariff at answer, from 0.");
        Field<StringGraphType>("tariffChanges").Description("Premium Smart Numbers: changes during the call, \"60:2,180:89\".");
    }
}

public sealed class IngestCallRecordsInputType : InputObjectGraphType
{
    public IngestCallRecordsInputType()
    {
        Name = "IngestCallRecordsInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CallRecordInputType>>>>("records");
    }
}

public sealed class QuarantinedRecordType : ObjectGraphType<RecordRefusal>
{
    public QuarantinedRecordType()
    {
        Name = "QuarantinedRecord";
        Description = "A record of the batch put in quarantine: its position (from 0), the quarantine id to replay it, the field at fault and why.";
        Field<NonNullGraphType<IntGraphType>>("index").Resolve(ctx => ctx.Source.Index);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.QuarantineId);
        Field<StringGraphType>("callId").Resolve(ctx => ctx.Source.CallId);
        Field<NonNullGraphType<StringGraphType>>("field").Resolve(ctx => ctx.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(ctx => ctx.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(ctx => ctx.Source.Code);
    }
}

public sealed class IngestCallRecordsPayloadType : ObjectGraphType<IngestionResult>
{
    public IngestCallRecordsPayloadType()
    {
        Name = "IngestCallRecordsPayload";
        Field<NonNullGraphType<IntGraphType>>("accepted").Description("New calls stored and rated.").Resolve(ctx => ctx.Source.Accepted);
        Field<NonNullGraphType<IntGraphType>>("duplicates").Description("Records already received, ignored.").Resolve(ctx => ctx.Source.Duplicates);
        Field<NonNullGraphType<IntGraphType>>("replaced").Description("Later versions of calls, charged by adjustment.").Resolve(ctx => ctx.Source.Replaced);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuarantinedRecordType>>>>("quarantined").Resolve(ctx => ctx.Source.Quarantined);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(_ => Array.Empty<Problem>());
    }
}

public sealed class ReplayQuarantinedCallInputType : InputObjectGraphType
{
    public ReplayQuarantinedCallInputType()
    {
        Name = "ReplayQuarantinedCallInput";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The quarantine id a batch's answer gave.");
        Field<CallRecordInputType>("record").Description("The corrected record; without it, the record is replayed as it was.");
    }
}

public sealed class ReplayQuarantinedCallPayloadType : ObjectGraphType<Payload<QuarantinedCall>>
{
    public ReplayQuarantinedCallPayloadType()
    {
        Name = "ReplayQuarantinedCallPayload";
        Field<NonNullGraphType<BooleanGraphType>>("replayed").Resolve(ctx => ctx.Source.Entity?.ReplayedAt is not null);
        Field<IdGraphType>("callRecordId").Description("The stored call, once replayed.").Resolve(ctx => ctx.Source.Entity?.CallRecordId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(ctx => ctx.Source.UserErrors);
    }
}
