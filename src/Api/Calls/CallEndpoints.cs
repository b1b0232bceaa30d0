using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Authorization;
using Store.Api.Viewer;
using Store.Domain.Calls;
using Store.Domain.Persistence;

namespace Store.Api.Calls;

/// <summary>
/// The telephony platform's plain HTTP ingestion, for switches that post their CDRs as they write them:
/// POST /api/calls/json, /api/calls/asterisk (Master.csv lines), /api/calls/freeswitch (mod_json_cdr), with a bearer
/// token of the scope calls:write. Each answers what was taken and, record by record, what was quarantined and why.
/// GET /api/calls/quarantine lists what waits in quarantine; POST /api/calls/quarantine/{id}/replay replays a record,
/// with a corrected record as body, or none (or {}) to replay it as it was.
/// </summary>
public static class CallEndpoints
{
    public static IEndpointRouteBuilder MapCallIngestion(this IEndpointRouteBuilder endpoints)
    {
        var calls = endpoints.MapGroup("/api/calls").DisableAntiforgery();
        calls.MapPost("/json", (HttpContext http, CancellationToken _) => IngestAsync(http, JsonCallReader.Format, async zone =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            return JsonCallReader.Read(body.RootElement);
        }));
        calls.MapPost("/asterisk", (HttpContext http, CancellationToken _) => IngestAsync(http, AsteriskCsvReader.Format, async zone =>
            AsteriskCsvReader.Read(await new StreamReader(http.Request.Body).ReadToEndAsync(http.RequestAborted), zone)));
        calls.MapPost("/freeswitch", (HttpContext http, CancellationToken _) => IngestAsync(http, FreeSwitchCdrReader.Format, async zone =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            return FreeSwitchCdrReader.Read(body.RootElement, zone);
        }));
        calls.MapGet("/quarantine", (Delegate)ListQuarantineAsync);
        calls.MapPost("/quarantine/{id:guid}/replay", ReplayAsync);
        return endpoints;
    }

    private static async Task<IResult> IngestAsync(HttpContext http, string format, Func<TimeZoneInfo, Task<IReadOnlyList<ReceivedCall>>> read)
    {
        if (await RefuseAsync(http) is { } refused)
        {
            return refused;
        }

        var zoneName = http.Request.Query["timeZone"].ToString();
        TimeZoneInfo zone;
        try
        {
            zone = zoneName.Length == 0 ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zoneName);
        }
        catch (TimeZoneNotFoundException)
        {
            return Results.BadRequest(new { message = $"'{zoneName}' is not an IANA time zone (Europe/Paris, UTC, ...)." });
        }

        IReadOnlyList<ReceivedCall> batch;
        try
        {
            batch = await read(zone);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return Results.BadRequest(new { message = "The body cannot be read as a batch of " + format + " records: " + e.Message });
        }

        var result = await http.RequestServices.GetRequiredService<CallIngestion>().IngestAsync(format, batch, http.RequestAborted);
        return Results.Ok(new
        {
            received = batch.Count,
            accepted = result.Accepted,
            duplicates = result.Duplicates,
            replaced = result.Replaced,
            quarantined = result.Quarantined.Select(q => new { index = q.Index, id = q.QuarantineId, callId = q.CallId, field = q.Field, message = q.Message, code = q.Code }),
        });
    }

    private static async Task<IResult> ListQuarantineAsync(HttpContext http)
    {
        if (await RefuseAsync(http) is { } refused)
        {
            return refused;
        }

        var open = await http.RequestServices.GetRequiredService<StoreDb>().QuarantinedCalls.IgnoreQueryFilters().AsNoTracking()
            .Where(q => q.ReplayedAt == null).OrderBy(q => q.ReceivedAt).Take(500).ToListAsync(http.RequestAborted);
        return Results.Ok(open.Select(q => new { id = q.Id, format = q.Format, callId = q.PlatformCallId, field = q.Field, message = q.Reason, code = q.Code, raw = q.Raw, record = JsonDocument.Parse(q.Record).RootElement, receivedAt = q.ReceivedAt }));
    }

    private static async Task<IResult> ReplayAsync(HttpContext http, Guid id)
    {
        if (await RefuseAsync(http) is { } refused)
        {
            return refused;
        }

        CallRecordInput? corrected = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
                corrected = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.EnumerateObject().Any() ? CallRecordInput.FromJson(body.RootElement) : null;
            }
            catch (JsonException e)
            {
                return Results.BadRequest(new { message = "The corrected record is not valid JSON: " + e.Message });
            }
        }

        var outcome = await http.RequestServices.GetRequiredService<CallIngestion>().ReplayAsync(id, corrected, http.RequestAborted);
        if (outcome.Value is { } replayed)
        {
            return Results.Ok(new { id = replayed.Id, replayed = true, callRecordId = replayed.CallRecordId });
        }

        var problem = outcome.Problems[0];
        return problem.Code == "NOT_FOUND"
            ? Results.NotFound(new { field = problem.Field, message = problem.Message, code = problem.Code })
            : Results.UnprocessableEntity(new { field = problem.Field, message = problem.Message, code = problem.Code });
    }

    /// <summary>Only the telephony platform's client, with a token of the scope calls:write, sends call records.</summary>
    private static async Task<IResult?> RefuseAsync(HttpContext http)
    {
        var (caller, refusal) = await RequestAuthentication.AuthenticateAsync(http);
        if (refusal is not null || caller is null || caller.Kind == CallerKind.Anonymous)
        {
            http.Response.Headers.WWWAuthenticate = RequestAuthentication.Challenge(refusal ?? new TokenRefusal("invalid_request", "Send the access token as 'Authorization: Bearer <token>'."));
            return Results.Json(new { message = refusal?.Description ?? "A bearer token with the scope calls:write is required." }, statusCode: StatusCodes.Status401Unauthorized);
        }

        return PlatformRequirement.Instance.Check(caller) is { } denial
            ? Results.Json(new { message = denial.Message }, statusCode: StatusCodes.Status403Forbidden)
            : null;
    }
}
