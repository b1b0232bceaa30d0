using System.Net.Mime;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Store.Api.Authorization;
using Store.Api.Safety;
using Store.Api.Viewer;

namespace Store.Api.Transport;

public sealed class GraphQLHttpOptions
{
    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 256 * 1024;
}

/// <summary>
/// GraphQL over HTTP (the GraphQL foundation's draft specification): POST with a JSON body, GET for queries,
/// answered as application/graphql-response+json or, for older clients, application/json.
/// </summary>
public static class GraphQLHttpEndpoint
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints, string pattern) =>
        endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post], HandleAsync).DisableAntiforgery();

    private static async Task HandleAsync(HttpContext http)
    {
        if (http.WebSockets.IsWebSocketRequest)
        {
            await GraphQLWebSocketConnection.ServeAsync(http);
            return;
        }

        var services = http.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var options = services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value;

        if (await ServeBrowserPageAsync(http))
        {
            return;
        }

        var mediaType = NegotiateResponseType(http.Request);
        if (mediaType is null)
        {
            http.Response.StatusCode = StatusCodes.Status406NotAcceptable;
            return;
        }

        var (caller, refusal) = await RequestAuthentication.AuthenticateAsync(http);
        if (refusal is not null)
        {
            http.Response.Headers.WWWAuthenticate = RequestAuthentication.Challenge(refusal);
            await WriteRequestErrorAsync(http, serializer, mediaType, StatusCodes.Status401Unauthorized, "The access token was refused: " + refusal.Description, "UNAUTHENTICATED");
            return;
        }

        GraphQLRequest? request;
        if (HttpMethods.IsPost(http.Request.Method))
        {
            if (!IsJson(http.Request.ContentType))
            {
                await WriteRequestErrorAsync(http, serializer, mediaType, StatusCodes.Status415UnsupportedMediaType, "Send the request as application/json.");
                return;
            }

            if (http.Request.ContentLength > options.MaxBodyBytes)
            {
                await WriteRequestErrorAsync(http, serializer, mediaType, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {options.MaxBodyBytes} bytes.");
                return;
            }

            try
            {
                request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NotSupportedException)
            {
                await WriteRequestErrorAsync(http, serializer, mediaType, StatusCodes.Status400BadRequest, "The request body is not a valid GraphQL request: " + e.Message);
                return;
            }
        }
        else
        {
            try
            {
                request = ReadQueryString(http.Request.Query, serializer);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
            {
                await WriteRequestErrorAsync(http, serializer, mediaType, StatusCodes.Status400BadRequest, "The variables or extensions parameter is not a JSON object.");
                return;
            }
        }

        if (request is null || string.IsNullOrWhiteSpace(request.Query))
        {
            await WriteRequestErrorAsync(http, serializer, mediaType, StatusCodes.Status400BadRequest, "The request has no query.");
            return;
        }

        var operation = OperationOf(request);
        if (HttpMethods.IsGet(http.Request.Method) && operation is OperationType.Mutation)
        {
            http.Response.Headers.Allow = HttpMethods.Post;
            await WriteRequestErrorAsync(http, serializer, mediaType, StatusCodes.Status405MethodNotAllowed, "Mutations are sent with POST.");
            return;
        }

        if (operation is OperationType.Subscription)
        {
            await WriteRequestErrorAsync(http, serializer, mediaType, StatusCodes.Status400BadRequest, "Subscriptions are served over WebSocket with the graphql-transport-ws protocol.");
            return;
        }

        http.Response.ContentType = mediaType + "; charset=utf-8";
        var key = http.Request.Headers[IdempotentMutations.Header].ToString();
        if (operation is OperationType.Mutation && key.Length > 0)
        {
            if (key.Length > IdempotentMutations.MaxKeyLength)
            {
                await WriteRequestErrorAsync(http, serializer, mediaType, StatusCodes.Status400BadRequest, $"The Idempotency-Key header is longer than {IdempotentMutations.MaxKeyLength} characters.", "BAD_REQUEST");
                return;
            }

            var callerKey = caller!.ClientId ?? caller.UserId ?? "anonymous:" + http.Connection.RemoteIpAddress;
            var answer = await IdempotentMutations.RunAsync(http, callerKey, key, serializer.Serialize(request), async () =>
            {
                var (status, result) = await ExecuteAsync(http, caller, request, mediaType);
                return new IdempotentMutations.Answer(status, serializer.Serialize(result), false);
            });
            if (answer.Replayed)
            {
                http.Response.Headers["Idempotent-Replayed"] = "true";
            }

            http.Response.StatusCode = answer.StatusCode;
            await http.Response.WriteAsync(answer.Body, http.RequestAborted);
            return;
        }

        var (statusCode, executed) = await ExecuteAsync(http, caller!, request, mediaType);
        http.Response.StatusCode = statusCode;
        await serializer.WriteAsync(http.Response.Body, executed, http.RequestAborted);
    }

    /// <summary>Runs the operation for its caller; sets the cost headers and returns the status code to answer with.</summary>
    private static async Task<(int StatusCode, ExecutionResult Result)> ExecuteAsync(HttpContext http, Caller caller, GraphQLRequest request, string mediaType)
    {
        var userContext = new CallerContext(caller) { [CostLimits.AddressKey] = http.Connection.RemoteIpAddress?.ToString() };
        var result = await http.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = caller.Principal,
            UserContext = userContext,
            CancellationToken = http.RequestAborted,
        });

        var cost = CostLimits.Report(userContext, result);
        if (cost is not null)
        {
            http.Response.Headers["RateLimit-Limit"] = Invariant(cost.Limit);
            http.Response.Headers["RateLimit-Remaining"] = Invariant(Math.Max(0, Math.Floor(cost.Remaining)));
            http.Response.Headers["RateLimit-Reset"] = Invariant(Math.Ceiling(cost.ResetsIn.TotalSeconds));
        }

        if (cost is { Refused: true })
        {
            http.Response.Headers.RetryAfter = Invariant(Math.Ceiling(cost.ResetsIn.TotalSeconds));
            return (StatusCodes.Status429TooManyRequests, result);
        }

        return (mediaType == GraphQLResponseJson && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, result);
    }

    /// <summary>A browser opening /graphql (HTML accepted, no query) gets GraphiQL, when the site ships it.</summary>
    private static async Task<bool> ServeBrowserPageAsync(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method) || http.Request.Query.ContainsKey("query")
            || !http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var page = http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().WebRootFileProvider.GetFileInfo("graphiql/index.html");
        if (!page.Exists)
        {
            return false;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.SendFileAsync(page, http.RequestAborted);
        return true;
    }

    private static GraphQLRequest ReadQueryString(IQueryCollection query, IGraphQLTextSerializer serializer) => new()
    {
        Query = query["query"].ToString(),
        OperationName = NullIfEmpty(query["operationName"].ToString()),
        Variables = NullIfEmpty(query["variables"].ToString()) is { } v ? serializer.Deserialize<Inputs>(v) : null,
        Extensions = NullIfEmpty(query["extensions"].ToString()) is { } x ? serializer.Deserialize<Inputs>(x) : null,
    };

    private static string Invariant(double value) => value.ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>The operation the request would run, or null when the document does not parse (execution reports that).</summary>
    private static OperationType? OperationOf(GraphQLRequest request)
    {
        try
        {
            var document = GraphQLParser.Parser.Parse(request.Query!);
            var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
            var chosen = request.OperationName is null
                ? operations.Count == 1 ? operations[0] : null
                : operations.FirstOrDefault(o => o.Name?.StringValue == request.OperationName);
            return chosen?.Operation;
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return null;
        }
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.Equals(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase);

    /// <summary>application/graphql-response+json when the client asks for it; application/json for older clients and wildcards; null when neither.</summary>
    private static string? NegotiateResponseType(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return MediaTypeNames.Application.Json;
        }

        foreach (var value in accept.OrderByDescending(a => a.Quality ?? 1))
        {
            if (value.Quality == 0)
            {
                continue;
            }

            var type = value.MediaType.Value;
            if (string.Equals(type, GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponseJson;
            }

            // A client that accepts anything is answered as the older clients expect, per the specification's advice.
            if (string.Equals(type, MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase) || type is "*/*" or "application/*")
            {
                return MediaTypeNames.Application.Json;
            }
        }

        return null;
    }

    private static async Task WriteRequestErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, string mediaType, int status, string message, string? code = null)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
