using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Store.Api.Transport;

/// <summary>
/// One client's socket speaking graphql-transport-ws: connection_init and ack, ping and pong, subscribe with
/// next / error / complete, complete from the client. One reader loop and one writer loop per socket, so
/// messages never interleave; a slow client fills a bounded queue and is then disconnected, never blocking others.
/// </summary>
public sealed class GraphQLWebSocketConnection : IAsyncDisposable
{
    private readonly WebSocket _socket;
    private readonly HttpContext _http;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly IDocumentExecuter<ISchema> _executer;
    private readonly GraphQLWebSocketOptions _options;
    private readonly Channel<Outgoing> _outgoing;
    private readonly CancellationTokenSource _reading;
    private int _closeStarted;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing;
    private int _initialised;
    private volatile bool _acknowledged;
    private ClaimsPrincipal _user;
    private Func<IDictionary<string, object?>> _newUserContext = () => new Dictionary<string, object?>();

    private GraphQLWebSocketConnection(WebSocket socket, HttpContext http)
    {
        _socket = socket;
        _http = http;
        _user = http.User;
        _serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        _executer = http.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>();
        _options = http.RequestServices.GetRequiredService<IOptions<GraphQLWebSocketOptions>>().Value;
        _outgoing = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(_options.MaxQueuedMessages) { SingleReader = true });
        _closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        _reading = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
    }

    /// <summary>Accepts the upgrade and serves the socket until either side closes it.</summary>
    public static async Task ServeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var offered = http.WebSockets.WebSocketRequestedProtocols.Contains(GraphQLWebSocketProtocol.SubProtocol);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(offered ? GraphQLWebSocketProtocol.SubProtocol : null);
        if (!offered)
        {
            await socket.CloseAsync((WebSocketCloseStatus)GraphQLWebSocketProtocol.SubprotocolNotAcceptable, "Subprotocol not acceptable", http.RequestAborted);
            return;
        }

        await using var connection = new GraphQLWebSocketConnection(socket, http);
        await connection.RunAsync();
    }

    private async Task RunAsync()
    {
        var writer = WriteLoopAsync();
        var watchdog = InitialisationWatchdogAsync();
        try
        {
            await ReadLoopAsync();
        }
        finally
        {
            await CloseAsync((int)WebSocketCloseStatus.NormalClosure, string.Empty);
            await Task.WhenAll(writer, watchdog);
        }
    }

    /// <summary>A message to send, or (when <see cref="CloseCode"/> is set) the close frame that ends the socket.</summary>
    private readonly record struct Outgoing(string? Text, int? CloseCode, string? Reason);

    private async Task ReadLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(8 * 1024);
        try
        {
            while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var (message, type) = await ReceiveAsync(buffer);
                if (type == WebSocketMessageType.Close)
                {
                    // The client closed: answer with our close frame (the handshake), then stop.
                    await CloseAsync((int)(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), string.Empty);
                    return;
                }

                if (_closeStarted == 1)
                {
                    continue; // Closing: what the client still sends is read and dropped until its close frame.
                }

                if (message is null)
                {
                    await CloseAsync((int)WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {_options.MaxMessageBytes} bytes");
                }
                else if (type != WebSocketMessageType.Text)
                {
                    await CloseAsync(GraphQLWebSocketProtocol.BadRequest, "Invalid message received: text frames only");
                }
                else
                {
                    await HandleAsync(message);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away: its operations are cancelled below.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads one whole message; null when it is larger than allowed.</summary>
    private async Task<(string? Message, WebSocketMessageType Type)> ReceiveAsync(byte[] buffer)
    {
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, _reading.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (null, WebSocketMessageType.Close);
            }

            if (message.Length + result.Count > _options.MaxMessageBytes)
            {
                return (null, result.MessageType);
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length), result.MessageType);
            }
        }
    }

    /// <summary>Handles one client message; false when the socket was closed because of it.</summary>
    private async Task<bool> HandleAsync(string text)
    {
        JsonElement message;
        string? type;
        try
        {
            using var document = JsonDocument.Parse(text);
            message = document.RootElement.Clone();
            type = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        catch (JsonException)
        {
            return await CloseAsync(GraphQLWebSocketProtocol.BadRequest, "Invalid message received: not JSON");
        }

        switch (type)
        {
            case "connection_init":
                return await InitialiseAsync(message);
            case "ping":
                await SendAsync(message.TryGetProperty("payload", out var pingPayload) ? Envelope("pong", null, pingPayload.GetRawText()) : """{"type":"pong"}""");
                return true;
            case "pong":
                return true;
            case "subscribe":
                return await SubscribeAsync(message);
            case "complete":
                if (Id(message) is not { } completed)
                {
                    return await CloseAsync(GraphQLWebSocketProtocol.BadRequest, "Invalid message received: complete needs an id");
                }

                if (_operations.TryRemove(completed, out var operation))
                {
                    await operation.CancelAsync();
                    operation.Dispose();
                }

                return true;
            default:
                return await CloseAsync(GraphQLWebSocketProtocol.BadRequest, $"Invalid message received: unknown type '{type}'");
        }
    }

    private async Task<bool> InitialiseAsync(JsonElement message)
    {
        if (Interlocked.Exchange(ref _initialised, 1) == 1)
        {
            return await CloseAsync(GraphQLWebSocketProtocol.TooManyInitialisationRequests, "Too many initialisation requests");
        }

        var authenticator = _http.RequestServices.GetService<IGraphQLWebSocketAuthenticator>();
        if (authenticator is not null)
        {
            var payload = message.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var caller = await authenticator.AuthenticateAsync(_http, payload);
            if (caller is null)
            {
                return await CloseAsync(GraphQLWebSocketProtocol.Forbidden, "Forbidden");
            }

            (_user, _newUserContext) = (caller.User, caller.NewUserContext);
        }

        _acknowledged = true;
        await SendAsync("""{"type":"connection_ack"}""");
        return true;
    }

    private async Task<bool> SubscribeAsync(JsonElement message)
    {
        if (!_acknowledged)
        {
            return await CloseAsync(GraphQLWebSocketProtocol.Unauthorized, "Unauthorized");
        }

        if (Id(message) is not { } id || !message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return await CloseAsync(GraphQLWebSocketProtocol.BadRequest, "Invalid message received: subscribe needs an id and a payload");
        }

        GraphQLRequest? request;
        try
        {
            request = _serializer.Deserialize<GraphQLRequest>(payload.GetRawText());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            return await CloseAsync(GraphQLWebSocketProtocol.BadRequest, "Invalid message received: the payload is not a GraphQL request");
        }

        if (request is null || string.IsNullOrWhiteSpace(request.Query))
        {
            return await CloseAsync(GraphQLWebSocketProtocol.BadRequest, "Invalid message received: the payload has no query");
        }

        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        if (!_operations.TryAdd(id, cancellation))
        {
            cancellation.Dispose();
            return await CloseAsync(GraphQLWebSocketProtocol.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
        }

        _ = ExecuteAsync(id, request, cancellation);
        return true;
    }

    private async Task ExecuteAsync(string id, GraphQLRequest request, CancellationTokenSource cancellation)
    {
        // Each operation gets its own services (its own DbContext, tenant scope and loaders): operations of one
        // socket run side by side, and a database context takes one query at a time.
        await using var scope = _http.RequestServices.CreateAsyncScope();
        try
        {
            var userContext = _newUserContext();
            var result = await _executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                RequestServices = scope.ServiceProvider,
                User = _user,
                UserContext = userContext,
                CancellationToken = cancellation.Token,
            });

            if (!result.Executed)
            {
                // Errors before execution end the operation without a complete message.
                await SendAsync(Envelope("error", id, _serializer.Serialize(result.Errors ?? [])));
                Forget(id, cancellation);
                return;
            }

            if (result.Streams is { Count: > 0 } streams)
            {
                await StreamAsync(id, streams.Values.First(), cancellation);
                return;
            }

            Safety.CostLimits.Report(userContext, result);
            await SendAsync(Envelope("next", id, _serializer.Serialize(result)));
            if (Forget(id, cancellation))
            {
                await SendAsync(Envelope("complete", id, null));
            }
        }
        catch (OperationCanceledException)
        {
            Forget(id, cancellation);
        }
    }

    private async Task StreamAsync(string id, IObservable<ExecutionResult> stream, CancellationTokenSource cancellation)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = stream.Subscribe(new Observer(
            next => _ = SendAsync(Envelope("next", id, _serializer.Serialize(next))),
            error => done.TrySetException(error),
            () => done.TrySetResult()));
        using var registration = cancellation.Token.Register(() => done.TrySetCanceled());
        try
        {
            await done.Task;
            if (Forget(id, cancellation))
            {
                await SendAsync(Envelope("complete", id, null));
            }
        }
        catch (OperationCanceledException)
        {
            Forget(id, cancellation);
        }
        catch (Exception e)
        {
            if (Forget(id, cancellation))
            {
                await SendAsync(Envelope("error", id, _serializer.Serialize(new[] { new ExecutionError(e.Message) })));
            }
        }
    }

    /// <summary>Removes a finished operation; false when the client had already completed it.</summary>
    private bool Forget(string id, CancellationTokenSource cancellation)
    {
        var removed = _operations.TryRemove(new KeyValuePair<string, CancellationTokenSource>(id, cancellation));
        if (removed)
        {
            cancellation.Dispose();
        }

        return removed;
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(_reading.Token))
            {
                if (message.CloseCode is { } code)
                {
                    if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync((WebSocketCloseStatus)code, message.Reason, _reading.Token);
                    }

                    return;
                }

                await _socket.SendAsync(Encoding.UTF8.GetBytes(message.Text!), WebSocketMessageType.Text, true, _reading.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The socket is gone.
        }
    }

    private async Task InitialisationWatchdogAsync()
    {
        try
        {
            await Task.Delay(_options.ConnectionInitTimeout, _closing.Token);
            if (!_acknowledged)
            {
                await CloseAsync(GraphQLWebSocketProtocol.ConnectionInitTimeout, "Connection initialisation timeout");
                return;
            }

            while (!_closing.IsCancellationRequested)
            {
                await Task.Delay(_options.KeepAlive, _closing.Token);
                await SendAsync("""{"type":"ping"}""");
            }
        }
        catch (OperationCanceledException)
        {
            // Closed.
        }
    }

    private async Task SendAsync(string message)
    {
        if (_closeStarted == 1)
        {
            return;
        }

        if (!_outgoing.Writer.TryWrite(new Outgoing(message, null, null)))
        {
            // The client reads slower than we write: rather than hold memory or block others, let it go.
            await CloseAsync((int)WebSocketCloseStatus.PolicyViolation, "Too many messages waiting: the client reads too slowly");
        }
    }

    private async Task<bool> CloseAsync(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closeStarted, 1) == 1)
        {
            return false;
        }

        await _closing.CancelAsync();
        if (!_outgoing.Writer.TryWrite(new Outgoing(null, code, reason)))
        {
            // The queue is full of messages the client does not read: no room for a polite close.
            _socket.Abort();
        }

        _outgoing.Writer.TryComplete();
        _reading.CancelAfter(TimeSpan.FromSeconds(5));
        return false;
    }

    private static string? Id(JsonElement message) =>
        message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value ? value : null;

    private static string Envelope(string type, string? id, string? rawPayload)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WriteString("type", type);
            if (rawPayload is not null)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(rawPayload, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var operation in _operations.Values)
        {
            await operation.CancelAsync();
        }

        _closing.Dispose();
        _reading.Dispose();
    }

    private sealed class Observer(Action<ExecutionResult> next, Action<Exception> error, Action completed) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => next(value);

        public void OnError(Exception exception) => error(exception);

        public void OnCompleted() => completed();
    }
}

/// <summary>Who a socket acts for: the user, and a fresh user context for each operation it runs.</summary>
public sealed record WebSocketCaller(ClaimsPrincipal User, Func<IDictionary<string, object?>> NewUserContext);

/// <summary>Decides who a socket acts for from the upgrade request and the connection_init payload; null refuses the connection (4403).</summary>
public interface IGraphQLWebSocketAuthenticator
{
    Task<WebSocketCaller?> AuthenticateAsync(HttpContext http, JsonElement payload);
}
