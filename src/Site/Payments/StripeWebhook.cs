using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Store.Domain.Payments;
using Store.Domain.Persistence;

namespace Store.Site.Payments;

/// <summary>
/// <c>POST /api/stripe/webhook</c>: Stripe's events, verified with the endpoint's signing secret (a forged, unsigned
/// or stale event gets 400 and changes nothing), kept by event id and processed once. What an event says is taken
/// from the object's state (fetched again from Stripe where it may have moved on), so events late, twice or out of
/// order come to the same result.
/// </summary>
public static partial class StripeWebhook
{
    public const string Path = "/api/stripe/webhook";

    private const int MaxBytes = 512 * 1024;

    /// <summary>What an event calls for, read (from the event and from Stripe) before the database is touched.</summary>
    private abstract record News;

    private sealed record SetupNews(ConfirmedSetup? Setup) : News;

    private sealed record PaymentNews(IntentState Intent) : News;

    private sealed record RefundNews(string RefundId, string Status, Guid? CreditNoteId) : News;

    private sealed record Ignored(string Why) : News;

    public static void MapStripeWebhook(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(Path, HandleAsync);
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, StoreDb db, StripePayments payments, IServiceProvider services, IOptions<StripeOptions> options, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(StripeWebhook));
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.WebhookSecret))
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Stripe webhooks are not configured", detail: "Set Store:Stripe:WebhookSecret to the signing secret of this endpoint.");
        }

        if (request.ContentLength > MaxBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Event too large", detail: $"A Stripe event is at most {MaxBytes} bytes.");
        }

        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        Stripe.Event stripeEvent;
        try
        {
            stripeEvent = Stripe.EventUtility.ConstructEvent(json, request.Headers["Stripe-Signature"].ToString(), settings.WebhookSecret, settings.WebhookToleranceSeconds, throwOnApiVersionMismatch: false);
        }
        catch (Exception e) when (e is Stripe.StripeException or Newtonsoft.Json.JsonException or ArgumentException)
        {
            Refused(logger, e.Message);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Stripe event refused", detail: "The event is not signed with this endpoint's secret, or its signature is too old: " + e.Message);
        }

        if (await db.StripeEvents.AsNoTracking().AnyAsync(x => x.EventId == stripeEvent.Id && x.Outcome != null, cancellationToken))
        {
            return Results.Ok(new { received = true, duplicate = true });
        }

        News news;
        try
        {
            news = await ReadAsync(stripeEvent, services.GetRequiredService<StripeGateway>(), cancellationToken);
        }
        catch (Stripe.StripeException e)
        {
            // Stripe could not be asked for the object's state now: it delivers the event again later.
            NotRead(logger, e, stripeEvent.Id);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Try again later", detail: "Stripe could not be reached to read the event's object.");
        }

        var duplicate = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var stored = await db.StripeEvents.SingleOrDefaultAsync(x => x.EventId == stripeEvent.Id, cancellationToken);
            if (stored?.Outcome is not null)
            {
                return true;
            }

            if (stored is null)
            {
                stored = new StripeEvent(stripeEvent.Id, stripeEvent.Type, new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc)), clock.GetUtcNow());
                db.StripeEvents.Add(stored);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // The same event, delivered at the same moment, is being processed by another request.
                    return true;
                }
            }

            stored.Processed(await ApplyAsync(news, payments, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return false;
        });
        return Results.Ok(new { received = true, duplicate });
    }

    private static async Task<News> ReadAsync(Stripe.Event stripeEvent, StripeGateway gateway, CancellationToken cancellationToken)
    {
        switch (stripeEvent.Type, stripeEvent.Data.Object)
        {
            case ("checkout.session.completed", Stripe.Checkout.Session { Mode: "setup", SetupIntentId: { Length: > 0 } setupIntentId }):
                return new SetupNews(await gateway.FindSetupAsync(setupIntentId, cancellationToken));
            case ("checkout.session.completed", Stripe.Checkout.Session { Mode: "payment", PaymentIntentId: { Length: > 0 } paymentIntentId }):
                return new PaymentNews(await gateway.FindPaymentAsync(paymentIntentId, cancellationToken));
            case ("setup_intent.succeeded", Stripe.SetupIntent intent):
                return new SetupNews(await gateway.FindSetupAsync(intent.Id, cancellationToken));
            case ("payment_intent.succeeded", Stripe.PaymentIntent intent):
                return new PaymentNews(StripeGateway.StateOf(intent));
            case ("payment_intent.payment_failed", Stripe.PaymentIntent intent):
                // A failure may be old news: the intent may have succeeded since (a retry). Its state now decides.
                return new PaymentNews(await gateway.FindPaymentAsync(intent.Id, cancellationToken) with { FailureMessage = intent.LastPaymentError?.Message });
            case ("refund.created" or "refund.updated" or "refund.failed" or "charge.refund.updated", Stripe.Refund refund):
                return new RefundNews(refund.Id, refund.Status, refund.Metadata is { } metadata && metadata.TryGetValue(StripeGateway.CreditNoteIdKey, out var note) && Guid.TryParse(note, out var noteId) ? noteId : null);
            default:
                return new Ignored("not used by Store");
        }
    }

    private static async Task<string> ApplyAsync(News news, StripePayments payments, CancellationToken cancellationToken)
    {
        switch (news)
        {
            case SetupNews { Setup: null }:
                return "setup not succeeded";
            case SetupNews { Setup: { } setup }:
                var (customer, activated) = await payments.ConfirmSetupAsync(setup, cancellationToken);
                return customer is null ? "setup of an unknown customer" : $"payment method saved; {activated} contract(s) activated";
            case PaymentNews { Intent: { Status: "succeeded" } intent }:
                return "payment " + (await payments.RecordAsync(intent, cancellationToken))?.ToString();
            case PaymentNews { Intent: { Status: "requires_payment_method" or "canceled" } intent }:
                return await payments.RefusedAsync(intent, cancellationToken) ? "charge refused; customer told" : "refusal already known, or no charge of ours";
            case PaymentNews { Intent: var intent }:
                return "payment intent " + intent.Status;
            case RefundNews refund:
                return await payments.RefundObservedAsync(refund.RefundId, refund.Status, refund.CreditNoteId, cancellationToken) ? "refund recorded" : "refund " + refund.Status;
            case Ignored ignored:
                return "ignored: " + ignored.Why;
            default:
                return "ignored";
        }
    }

    [LoggerMessage(LogLevel.Warning, "A Stripe event was refused: {Reason}")]
    private static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Warning, "Stripe event {EventId} could not be read now; Stripe delivers it again")]
    private static partial void NotRead(ILogger logger, Exception exception, string eventId);
}
