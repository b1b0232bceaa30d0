namespace Store.Domain.Payments;

/// <summary>
/// <c>Store:Stripe</c>: card and SEPA direct debit through Stripe. Without a secret key nothing of Stripe runs and
/// every customer pays by bank transfer.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "Store:Stripe";

    /// <summary>The account's secret API key (sk_live_… / sk_test_…).</summary>
    public string? SecretKey { get; set; }

    /// <summary>The signing secret of the webhook endpoint (whsec_…): events not signed with it are refused.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Another address for Stripe's API (a local stand-in in tests); Stripe's own when empty.</summary>
    public string? ApiBase { get; set; }

    /// <summary>How old a signed event may be, in seconds (Stripe's default tolerance: 5 minutes).</summary>
    public long WebhookToleranceSeconds { get; set; } = 300;

    public bool Configured => !string.IsNullOrWhiteSpace(SecretKey);
}
