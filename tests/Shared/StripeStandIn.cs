using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Store.Testing;

/// <summary>
/// A local HTTP server standing in for Stripe's API, answering the documented JSON shapes of the endpoints Store
/// uses (customers, Checkout sessions in setup and payment mode, setup intents, payment methods, payment intents,
/// refunds) and honouring <c>Idempotency-Key</c> as Stripe does: the same key with the same parameters gets the
/// first answer again, with other parameters a 400 idempotency_error. The test plays the customer on the Checkout
/// page (<see cref="CompleteSetup"/>, <see cref="CompletePayment"/>) and makes signed webhook events.
/// (WireMock.Net was tried first: the registry serves only 1.25, whose dependencies resolve with NU1603 warnings,
/// which the build treats as errors, and its stubs would need callbacks for this state anyway.)
/// </summary>
public sealed class StripeStandIn : IAsyncDisposable
{
    public const string SecretKey = "sk_test_standin";
    public const string WebhookSecret = "whsec_standin_secret";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Body, int Status, string Response)> _idempotent = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _sequence;

    private StripeStandIn(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Payment methods whose charges are declined (card_declined).</summary>
    public ConcurrentDictionary<string, bool> Declined { get; } = new(StringComparer.Ordinal);

    /// <summary>Every request received: method, path and idempotency key.</summary>
    public ConcurrentQueue<(string Method, string Path, string? IdempotencyKey)> Requests { get; } = new();

    /// <summary>How many payment intents were made for the invoice (by the metadata Store puts on them).</summary>
    public int PaymentIntentsFor(Guid invoiceId) =>
        _objects.Values.Count(o => (string?)o["object"] == "payment_intent" && (string?)o["metadata"]?[Store.Domain.Payments.StripeGateway.InvoiceIdKey] == invoiceId.ToString());

    public IReadOnlyList<JsonObject> Refunds => [.. _objects.Values.Where(o => (string?)o["object"] == "refund")];

    /// <summary>The settings that point Store at this stand-in.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Store:Stripe:SecretKey"] = SecretKey,
        ["Store:Stripe:WebhookSecret"] = WebhookSecret,
        ["Store:Stripe:ApiBase"] = BaseAddress.ToString().TrimEnd('/'),
        ["Store:Jobs:StripeCollectionSeconds"] = "86400",
    };

    public static async Task<StripeStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new StripeStandIn(app);
        app.Map("/v1/{**path}", standIn.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.BaseAddress = new Uri(address);
        return standIn;
    }

    public JsonObject Get(string id) => _objects[id];

    /// <summary>The customer completes the Checkout page of a setup session with a card or a SEPA mandate.</summary>
    public string CompleteSetup(string sessionId, string type = "card")
    {
        lock (_gate)
        {
            var session = _objects[sessionId];
            var method = Add("pm", new JsonObject { ["object"] = "payment_method", ["type"] = type, ["customer"] = (string?)session["customer"] });
            var intent = _objects[(string)session["setup_intent"]!];
            intent["status"] = "succeeded";
            intent["payment_method"] = (string)method["id"]!;
            intent["payment_method_types"] = new JsonArray(type);
            session["status"] = "complete";
            return (string)method["id"]!;
        }
    }

    /// <summary>The customer completes the Checkout page of a payment session: the intent succeeds (a card).</summary>
    public string CompletePayment(string sessionId)
    {
        lock (_gate)
        {
            var session = _objects[sessionId];
            var amount = (long)session["amount_total"]!;
            var intent = Add("pi", new JsonObject
            {
                ["object"] = "payment_intent",
                ["amount"] = amount,
                ["amount_received"] = amount,
                ["currency"] = (string?)session["currency"],
                ["customer"] = (string?)session["customer"],
                ["status"] = "succeeded",
                ["payment_method_types"] = new JsonArray("card"),
                ["metadata"] = session["payment_intent_metadata"]!.DeepClone(),
            });
            session["payment_intent"] = (string)intent["id"]!;
            session["status"] = "complete";
            session["payment_status"] = "paid";
            return (string)intent["id"]!;
        }
    }

    /// <summary>A payment method saved for a customer, as a completed setup leaves it.</summary>
    public string AddPaymentMethod(string stripeCustomerId, string type = "card") =>
        (string)Add("pm", new JsonObject { ["object"] = "payment_method", ["type"] = type, ["customer"] = stripeCustomerId })["id"]!;

    public string AddCustomer(string name) => (string)Add("cus", new JsonObject { ["object"] = "customer", ["name"] = name })["id"]!;

    /// <summary>Sets fields of a stored object, as Stripe's own processing would (a refund that succeeds later, ...).</summary>
    public void Change(string id, Action<JsonObject> change)
    {
        lock (_gate)
        {
            change(_objects[id]);
        }
    }

    /// <summary>An event of <paramref name="type"/> about the object's current state, as Stripe posts it.</summary>
    public string Event(string type, string objectId, DateTimeOffset? created = null)
    {
        var id = $"evt_{Interlocked.Increment(ref _sequence):D6}{Guid.NewGuid():N}"[..28];
        JsonNode data;
        lock (_gate)
        {
            data = _objects[objectId].DeepClone();
        }

        return new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
            ["created"] = (created ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["type"] = type,
            ["data"] = new JsonObject { ["object"] = data },
        }.ToJsonString();
    }

    /// <summary>The Stripe-Signature header of <paramref name="payload"/> signed with <paramref name="secret"/> at <paramref name="at"/>.</summary>
    public static string Sign(string payload, string secret = WebhookSecret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    private async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var path = request.Path.Value!["/v1/".Length..];
        var key = request.Headers["Idempotency-Key"].FirstOrDefault();
        Requests.Enqueue((request.Method, path, key));
        if (request.Headers.Authorization.ToString() != "Bearer " + SecretKey)
        {
            await WriteAsync(http, 401, Error("invalid_request_error", null, "Invalid API Key provided."));
            return;
        }

        var body = request.HasFormContentType ? await new StreamReader(request.Body).ReadToEndAsync() : string.Empty;
        if (request.Method == "POST" && key is not null)
        {
            if (_idempotent.TryGetValue(key, out var earlier))
            {
                if (earlier.Body != body)
                {
                    await WriteAsync(http, 400, Error("idempotency_error", null, $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request."));
                    return;
                }

                http.Response.Headers["Idempotent-Replayed"] = "true";
                await WriteAsync(http, earlier.Status, earlier.Response);
                return;
            }
        }

        var form = FormOf(body);
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        (int Status, string Response) answer;
        lock (_gate)
        {
            answer = Answer(request.Method, path, form, query);
        }

        if (request.Method == "POST" && key is not null)
        {
            answer = _idempotent.GetOrAdd(key, (body, answer.Status, answer.Response)) is var kept ? (kept.Status, kept.Response) : answer;
        }

        await WriteAsync(http, answer.Status, answer.Response);
    }

    private (int Status, string Response) Answer(string method, string path, Dictionary<string, string> form, Dictionary<string, string> query)
    {
        var parts = path.Split('/');
        switch (method, parts)
        {
            case ("POST", ["customers"]):
                return (200, Add("cus", new JsonObject { ["object"] = "customer", ["name"] = form.GetValueOrDefault("name"), ["email"] = form.GetValueOrDefault("email"), ["metadata"] = Metadata(form, "metadata") }).ToJsonString());
            case ("POST", ["checkout", "sessions"]):
                return CreateSession(form);
            case ("POST", ["payment_intents"]):
                return CreatePaymentIntent(form);
            case ("POST", ["refunds"]):
                return CreateRefund(form);
            case ("GET", ["checkout" or "setup_intents" or "payment_methods" or "payment_intents" or "customers" or "refunds", ..]):
                var id = parts[^1];
                if (!_objects.TryGetValue(id, out var found))
                {
                    return (404, Error("invalid_request_error", "resource_missing", $"No such object: '{id}'"));
                }

                var copy = found.DeepClone().AsObject();
                if (query.ContainsValue("payment_method") && copy["payment_method"] is JsonValue methodId && _objects.TryGetValue((string)methodId!, out var methodObject))
                {
                    copy["payment_method"] = methodObject.DeepClone();
                }

                return (200, copy.ToJsonString());
            default:
                return (404, Error("invalid_request_error", null, $"Unrecognized request URL ({method}: /v1/{path})."));
        }
    }

    private (int, string) CreateSession(Dictionary<string, string> form)
    {
        var mode = form.GetValueOrDefault("mode");
        if (mode is not ("setup" or "payment") || !form.TryGetValue("success_url", out var successUrl))
        {
            return (400, Error("invalid_request_error", "parameter_missing", "Missing required param: mode or success_url."));
        }

        var session = new JsonObject
        {
            ["object"] = "checkout.session",
            ["mode"] = mode,
            ["status"] = "open",
            ["customer"] = form.GetValueOrDefault("customer"),
            ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
            ["success_url"] = successUrl,
            ["cancel_url"] = form.GetValueOrDefault("cancel_url"),
            ["metadata"] = Metadata(form, "metadata"),
            ["payment_status"] = mode == "setup" ? "no_payment_required" : "unpaid",
        };
        var created = Add("cs_test", session);
        created["url"] = new Uri(BaseAddress, $"pay/{created["id"]}").ToString();
        if (mode == "setup")
        {
            var intent = Add("seti", new JsonObject
            {
                ["object"] = "setup_intent",
                ["status"] = "requires_payment_method",
                ["customer"] = form.GetValueOrDefault("customer"),
                ["usage"] = "off_session",
                ["metadata"] = Metadata(form, "setup_intent_data[metadata]"),
            });
            created["setup_intent"] = (string)intent["id"]!;
            created["currency"] = form.GetValueOrDefault("currency");
        }
        else
        {
            created["amount_total"] = long.Parse(form["line_items[0][price_data][unit_amount]"], CultureInfo.InvariantCulture);
            created["currency"] = form["line_items[0][price_data][currency]"];
            created["payment_intent_metadata"] = Metadata(form, "payment_intent_data[metadata]");
        }

        return (200, created.ToJsonString());
    }

    private (int, string) CreatePaymentIntent(Dictionary<string, string> form)
    {
        var methodId = form.GetValueOrDefault("payment_method");
        if (methodId is null || !_objects.TryGetValue(methodId, out var method))
        {
            return (400, Error("invalid_request_error", "resource_missing", $"No such PaymentMethod: '{methodId}'"));
        }

        var amount = long.Parse(form["amount"], CultureInfo.InvariantCulture);
        var type = (string)method["type"]!;
        var declined = Declined.ContainsKey(methodId);
        var intent = Add("pi", new JsonObject
        {
            ["object"] = "payment_intent",
            ["amount"] = amount,
            ["amount_received"] = declined || type == "sepa_debit" ? 0 : amount,
            ["currency"] = form["currency"],
            ["customer"] = form.GetValueOrDefault("customer"),
            ["payment_method"] = methodId,
            ["payment_method_types"] = new JsonArray(type),
            ["description"] = form.GetValueOrDefault("description"),
            ["metadata"] = Metadata(form, "metadata"),
            ["status"] = declined ? "requires_payment_method" : type == "sepa_debit" ? "processing" : "succeeded",
        });
        if (declined)
        {
            intent["last_payment_error"] = new JsonObject { ["type"] = "card_error", ["code"] = "card_declined", ["decline_code"] = "generic_decline", ["message"] = "Your card was declined." };
            var error = JsonNode.Parse(Error("card_error", "card_declined", "Your card was declined."))!;
            error["error"]!["decline_code"] = "generic_decline";
            error["error"]!["payment_intent"] = intent.DeepClone();
            return (402, error.ToJsonString());
        }

        return (200, intent.ToJsonString());
    }

    private (int, string) CreateRefund(Dictionary<string, string> form)
    {
        var intentId = form.GetValueOrDefault("payment_intent");
        if (intentId is null || !_objects.TryGetValue(intentId, out var intent))
        {
            return (400, Error("invalid_request_error", "resource_missing", $"No such payment_intent: '{intentId}'"));
        }

        var received = (long)intent["amount_received"]!;
        var already = _objects.Values.Where(o => (string?)o["object"] == "refund" && (string?)o["payment_intent"] == intentId).Sum(o => (long)o["amount"]!);
        var amount = form.TryGetValue("amount", out var asked) ? long.Parse(asked, CultureInfo.InvariantCulture) : received - already;
        if (amount <= 0 || amount > received - already)
        {
            return (400, Error("invalid_request_error", "amount_too_large", $"Refund amount ({amount}) is greater than unrefunded amount on charge ({received - already})"));
        }

        var sepa = intent["payment_method_types"]!.AsArray().Any(t => (string?)t == "sepa_debit");
        var refund = Add("re", new JsonObject
        {
            ["object"] = "refund",
            ["amount"] = amount,
            ["currency"] = (string?)intent["currency"],
            ["payment_intent"] = intentId,
            ["reason"] = form.GetValueOrDefault("reason"),
            ["metadata"] = Metadata(form, "metadata"),
            ["status"] = sepa ? "pending" : "succeeded",
        });
        return (200, refund.ToJsonString());
    }

    private JsonObject Add(string prefix, JsonObject value)
    {
        var id = $"{prefix}_{Interlocked.Increment(ref _sequence):D6}{Guid.NewGuid():N}"[..(prefix.Length + 25)];
        value["id"] = id;
        value["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        value["livemode"] = false;
        _objects[id] = value;
        return value;
    }

    private static JsonObject Metadata(Dictionary<string, string> form, string prefix)
    {
        var metadata = new JsonObject();
        foreach (var (name, value) in form.Where(f => f.Key.StartsWith(prefix + "[", StringComparison.Ordinal)))
        {
            metadata[name[(prefix.Length + 1)..^1]] = value;
        }

        return metadata;
    }

    private static Dictionary<string, string> FormOf(string body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((at < 0 ? pair : pair[..at]).Replace('+', ' '));
            form[name] = at < 0 ? string.Empty : Uri.UnescapeDataString(pair[(at + 1)..].Replace('+', ' '));
        }

        return form;
    }

    private static string Error(string type, string? code, string message) =>
        new JsonObject { ["error"] = new JsonObject { ["type"] = type, ["code"] = code, ["message"] = message } }.ToJsonString();

    private static async Task WriteAsync(HttpContext http, int status, string json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        http.Response.Headers["Request-Id"] = "req_" + Guid.NewGuid().ToString("N")[..14];
        await http.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
