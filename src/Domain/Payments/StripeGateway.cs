using System.Globalization;
using Microsoft.Extensions.Options;

namespace Store.Domain.Payments;

/// <summary>A card or SEPA mandate confirmed at Stripe, and whose it is.</summary>
public sealed record ConfirmedSetup(string SetupIntentId, string StripeCustomerId, string PaymentMethodId, PaymentMethod Kind, Guid? CustomerId);

/// <summary>What Stripe says of a payment intent: enough to record the payment or the refusal, whatever order the news comes in.</summary>
public sealed record IntentState(string Id, string Status, long AmountReceived, string Currency, Guid? InvoiceId, PaymentMethod Method, string? FailureMessage);

/// <summary>A Checkout page to send the customer to.</summary>
public sealed record CheckoutPage(string SessionId, Uri Url);

/// <summary>
/// Stripe's API as Store uses it, through Stripe.net: customers, Checkout in setup and payment mode, setup and
/// payment intents, refunds. Registered only when <see cref="StripeOptions.SecretKey"/> is set. Every call that
/// moves money carries an idempotency key.
/// </summary>
public sealed class StripeGateway
{
    public const string CustomerIdKey = "store_customer_id";
    public const string InvoiceIdKey = "store_invoice_id";
    public const string CreditNoteIdKey = "store_credit_note_id";

    private readonly Stripe.StripeClient _client;

    public StripeGateway(IOptions<StripeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (!settings.Configured)
        {
            throw new InvalidOperationException("Store:Stripe:SecretKey is not set: Stripe is not configured.");
        }

        _client = new Stripe.StripeClient(settings.SecretKey, apiBase: string.IsNullOrWhiteSpace(settings.ApiBase) ? null : settings.ApiBase.TrimEnd('/'));
    }

    /// <summary>Minor units of EUR and CHF (cents, centimes).</summary>
    public static long ToMinor(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

    public static decimal FromMinor(long amount) => amount / 100m;

    public static PaymentMethod KindOf(string? type) => type switch
    {
        "sepa_debit" => PaymentMethod.SepaDebit,
        "card" => PaymentMethod.Card,
        _ => PaymentMethod.Other,
    };

    /// <summary>The payment method types offered: SEPA direct debit only exists in euros.</summary>
    public static List<string> MethodsFor(Currency currency) => currency == Currency.EUR ? ["card", "sepa_debit"] : ["card"];

    public async Task<string> CreateCustomerAsync(Guid customerId, string name, string email, CancellationToken cancellationToken = default)
    {
        var customer = await new Stripe.CustomerService(_client).CreateAsync(
            new Stripe.CustomerCreateOptions { Name = name, Email = email, Metadata = new() { [CustomerIdKey] = customerId.ToString() } },
            new Stripe.RequestOptions { IdempotencyKey = $"store-customer-{customerId:N}" },
            cancellationToken);
        return customer.Id;
    }

    /// <summary>A Checkout page in setup mode: the customer saves a card or gives a SEPA mandate, nothing is charged.</summary>
    public async Task<CheckoutPage> StartSetupAsync(Guid customerId, string stripeCustomerId, Currency currency, string language, Uri successUrl, Uri cancelUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(successUrl);
        ArgumentNullException.ThrowIfNull(cancelUrl);
        var metadata = new Dictionary<string, string> { [CustomerIdKey] = customerId.ToString() };
        var session = await new Stripe.Checkout.SessionService(_client).CreateAsync(
            new Stripe.Checkout.SessionCreateOptions
            {
                Mode = "setup",
                Customer = stripeCustomerId,
                Currency = currency.ToString().ToLowerInvariant(),
                AllowedPaymentMethodTypes = MethodsFor(currency),
                Locale = language == "en" ? "en" : "fr",
                SuccessUrl = successUrl.ToString(),
                CancelUrl = cancelUrl.ToString(),
                ClientReferenceId = customerId.ToString(),
                Metadata = metadata,
                SetupIntentData = new() { Metadata = metadata },
            },
            cancellationToken: cancellationToken);
        return new CheckoutPage(session.Id, new Uri(session.Url));
    }

    /// <summary>A Checkout page in payment mode for what is still due on one invoice.</summary>
    public async Task<CheckoutPage> StartPaymentAsync(Receivable receivable, string stripeCustomerId, string language, Uri successUrl, Uri cancelUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receivable);
        ArgumentNullException.ThrowIfNull(successUrl);
        ArgumentNullException.ThrowIfNull(cancelUrl);
        var metadata = new Dictionary<string, string> { [CustomerIdKey] = receivable.CustomerId.ToString(), [InvoiceIdKey] = receivable.InvoiceId.ToString() };
        var session = await new Stripe.Checkout.SessionService(_client).CreateAsync(
            new Stripe.Checkout.SessionCreateOptions
            {
                Mode = "payment",
                Customer = stripeCustomerId,
                AllowedPaymentMethodTypes = MethodsFor(receivable.Currency),
                Locale = language == "en" ? "en" : "fr",
                SuccessUrl = successUrl.ToString(),
                CancelUrl = cancelUrl.ToString(),
                ClientReferenceId = receivable.InvoiceId.ToString(),
                Metadata = metadata,
                PaymentIntentData = new() { Metadata = metadata, Description = receivable.InvoiceNumber },
                LineItems =
                [
                    new()
                    {
                        Quantity = 1,
                        PriceData = new()
                        {
                            Currency = receivable.Currency.ToString().ToLowerInvariant(),
                            UnitAmount = ToMinor(receivable.Outstanding),
                            ProductData = new() { Name = receivable.InvoiceNumber },
                        },
                    },
                ],
            },
            cancellationToken: cancellationToken);
        return new CheckoutPage(session.Id, new Uri(session.Url));
    }

    /// <summary>The setup a Checkout session made, once the customer completed it; null while it is not complete.</summary>
    public async Task<ConfirmedSetup?> FindSetupOfSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var session = await new Stripe.Checkout.SessionService(_client).GetAsync(sessionId, cancellationToken: cancellationToken);
        return session.Mode == "setup" && session.SetupIntentId is { Length: > 0 } setupIntentId
            ? await FindSetupAsync(setupIntentId, cancellationToken)
            : null;
    }

    /// <summary>The payment method a setup intent confirmed; null when it has not succeeded.</summary>
    public async Task<ConfirmedSetup?> FindSetupAsync(string setupIntentId, CancellationToken cancellationToken = default)
    {
        var intent = await new Stripe.SetupIntentService(_client).GetAsync(setupIntentId, new Stripe.SetupIntentGetOptions { Expand = ["payment_method"] }, cancellationToken: cancellationToken);
        if (intent.Status != "succeeded" || intent.PaymentMethodId is not { Length: > 0 } methodId || intent.CustomerId is not { Length: > 0 } stripeCustomerId)
        {
            return null;
        }

        var type = intent.PaymentMethod?.Type ?? (await new Stripe.PaymentMethodService(_client).GetAsync(methodId, cancellationToken: cancellationToken)).Type;
        return new ConfirmedSetup(intent.Id, stripeCustomerId, methodId, KindOf(type), CustomerOf(intent.Metadata));
    }

    /// <summary>The payment intent of a Checkout session in payment mode; null while it has none.</summary>
    public async Task<IntentState?> FindPaymentOfSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var session = await new Stripe.Checkout.SessionService(_client).GetAsync(sessionId, cancellationToken: cancellationToken);
        return session.Mode == "payment" && session.PaymentIntentId is { Length: > 0 } intentId
            ? StateOf(await new Stripe.PaymentIntentService(_client).GetAsync(intentId, cancellationToken: cancellationToken))
            : null;
    }

    public async Task<IntentState> FindPaymentAsync(string paymentIntentId, CancellationToken cancellationToken = default) =>
        StateOf(await new Stripe.PaymentIntentService(_client).GetAsync(paymentIntentId, cancellationToken: cancellationToken));

    /// <summary>
    /// Charges the invoice of <paramref name="charge"/> off-session to the saved method. A refusal (card declined,
    /// authentication required) comes back as a state with its message, not as an exception.
    /// </summary>
    public async Task<IntentState> ChargeAsync(StripeCharge charge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(charge);
        try
        {
            var intent = await new Stripe.PaymentIntentService(_client).CreateAsync(
                new Stripe.PaymentIntentCreateOptions
                {
                    Amount = ToMinor(charge.Amount),
                    Currency = charge.Currency.ToString().ToLowerInvariant(),
                    Customer = charge.StripeCustomerId,
                    PaymentMethod = charge.PaymentMethodId,
                    OffSession = true,
                    Confirm = true,
                    Description = charge.InvoiceNumber,
                    Metadata = new() { [CustomerIdKey] = charge.CustomerId.ToString(), [InvoiceIdKey] = charge.InvoiceId.ToString() },
                },
                new Stripe.RequestOptions { IdempotencyKey = charge.IdempotencyKey },
                cancellationToken);
            return StateOf(intent);
        }
        catch (Stripe.StripeException e) when (e.StripeError?.Type == "card_error" || e.StripeError?.PaymentIntent is not null)
        {
            var intent = e.StripeError!.PaymentIntent;
            return new IntentState(
                intent?.Id ?? string.Empty,
                intent?.Status ?? "requires_payment_method",
                0,
                charge.Currency.ToString().ToLowerInvariant(),
                charge.InvoiceId,
                charge.Method,
                e.StripeError.Message ?? e.Message);
        }
    }

    /// <summary>Refunds part or all of a payment; answers the refund's id and status.</summary>
    public async Task<(string Id, string Status)> RefundAsync(StripeRefund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var made = await new Stripe.RefundService(_client).CreateAsync(
            new Stripe.RefundCreateOptions
            {
                PaymentIntent = refund.PaymentIntentId,
                Amount = ToMinor(refund.Amount),
                Reason = "requested_by_customer",
                Metadata = new() { [CreditNoteIdKey] = refund.CreditNoteId.ToString(), [InvoiceIdKey] = refund.InvoiceId.ToString() },
            },
            new Stripe.RequestOptions { IdempotencyKey = refund.IdempotencyKey },
            cancellationToken);
        return (made.Id, made.Status);
    }

    public static IntentState StateOf(Stripe.PaymentIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return new IntentState(
            intent.Id,
            intent.Status,
            intent.AmountReceived,
            intent.Currency,
            intent.Metadata is { } metadata && metadata.TryGetValue(InvoiceIdKey, out var invoice) && Guid.TryParse(invoice, CultureInfo.InvariantCulture, out var invoiceId) ? invoiceId : null,
            KindOf(intent.PaymentMethodTypes?.FirstOrDefault()),
            intent.LastPaymentError?.Message);
    }

    public static Guid? CustomerOf(IDictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(CustomerIdKey, out var value) && Guid.TryParse(value, CultureInfo.InvariantCulture, out var id) ? id : null;
}
