using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Store.Api.Authorization;
using Store.Domain;
using Store.Domain.Calls;

namespace Store.Api.Live;

/// <summary>
/// POST /api/call-events: the platform's batch of call events as JSON, an array or {"events": [...]}. Answers 200
/// with what was accepted, what was already known and what was refused (and quarantined), event by event.
/// </summary>
public static class CallEventsEndpoint
{
    public const string Path = "/api/call-events";
    private const long MaxBodyBytes = 2 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointConventionBuilder MapCallEvents(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, (Delegate)HandleAsync).DisableAntiforgery();

    private static async Task<IResult> HandleAsync(HttpContext http)
    {
        var (caller, refusal) = await RequestAuthentication.AuthenticateAsync(http);
        if (refusal is not null)
        {
            http.Response.Headers.WWWAuthenticate = RequestAuthentication.Challenge(refusal);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The access token was refused", detail: refusal.Description);
        }

        if (new PlatformRequirement().Check(caller!) is { } denial)
        {
            return Results.Problem(
                statusCode: denial.Code == AccessDenial.AuthRequired ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden,
                title: denial.Code,
                detail: denial.Message);
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: $"A batch is at most {MaxBodyBytes} bytes.");
        }

        List<CallEventSubmission> batch;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var events = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("events", out var inner) ? inner : document.RootElement;
            if (events.ValueKind != JsonValueKind.Array)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "Send a JSON array of call events, or an object with an \"events\" array.");
            }

            var max = http.RequestServices.GetRequiredService<IOptions<LiveOptions>>().Value.MaxBatchSize;
            if (events.GetArrayLength() > max)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: $"A batch carries at most {max} events.");
            }

            batch = [.. events.EnumerateArray().Select((e, i) => Read(e, i))];
        }
        catch (JsonException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The body is not JSON: " + e.Message);
        }

        var report = await http.RequestServices.GetRequiredService<CallEventIngestion>().IngestAsync(batch, caller!.ClientId ?? "unknown", http.RequestAborted);
        return Results.Ok(new
        {
            accepted = report.Accepted,
            duplicates = report.Duplicates,
            rejected = report.Rejected.Select(r => new
            {
                index = r.Index,
                eventId = r.EventId,
                errors = r.Problems.Select(p => new { field = p.Field, message = p.Message, code = p.Code }),
            }),
        });
    }

    private static CallEventSubmission Read(JsonElement element, int index)
    {
        var json = element.GetRawText();
        try
        {
            return element.ValueKind == JsonValueKind.Object
                ? new CallEventSubmission(element.Deserialize<IncomingCallEvent>(Json), json)
                : new CallEventSubmission(null, json, new Problem($"events[{index}]", "A call event is a JSON object.", "UNREADABLE"));
        }
        catch (JsonException e)
        {
            return new CallEventSubmission(null, json, new Problem($"events[{index}]{(e.Path is { Length: > 1 } path ? path[1..] : string.Empty)}", "This value cannot be read: " + e.Message, "UNREADABLE"));
        }
    }
}
