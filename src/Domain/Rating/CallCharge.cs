namespace Store.Domain.Rating;

public enum ChargeKind : byte
{
    /// <summary>The charge of a call as first rated.</summary>
    Charge,

    /// <summary>The difference brought by a later version of the call or a re-rating: charges are never rewritten.</summary>
    Adjustment,
}

/// <summary>Why an adjustment was made.</summary>
public enum AdjustmentReason : byte
{
    /// <summary>The platform sent a later version of the call (a transfer that ended later, ...).</summary>
    CallReplaced,

    /// <summary>The month was rated again, after a catalog correction.</summary>
    Rerated,
}

/// <summary>
/// A rated part of a call, what billing reads: the customer, the subscription it is billed under, the month (in the
/// customer's zone), the category of the invoice line, the exact amount (4 decimals; the invoice line rounds the sum to
/// the cent), and the rule that priced it. For premium Smart Numbers, what callers paid and the holder's share, for
/// statements and payouts. A call's charge is the sum of its rows.
/// </summary>
public sealed class CallCharge
{
    private CallCharge()
    {
    }

    /// <param name="callPeriod">The call's own month when the row is billed with a later month (<paramref name="period"/>), because the call's month was already invoiced.</param>
    public CallCharge(Guid callRecordId, Guid customerId, string period, DateTimeOffset callStartedAt, in ChargeLine line, string catalogVersion, DateTimeOffset ratedAt, AdjustmentReason? adjustment = null, string? callPeriod = null)
    {
        Id = Guid.CreateVersion7(ratedAt);
        CallRecordId = callRecordId;
        CustomerId = customerId;
        SubscriptionId = line.SubscriptionId;
        Period = period;
        CallStartedAt = callStartedAt;
        Category = line.Category;
        Rule = line.Rule;
        RuleArg = line.RuleArg;
        Seconds = line.Seconds;
        Amount = line.Amount;
        Currency = line.Currency;
        CallerAmount = line.CallerAmount;
        RevenueShare = line.RevenueShare;
        Kind = adjustment is null ? ChargeKind.Charge : ChargeKind.Adjustment;
        Reason = adjustment;
        CatalogVersion = catalogVersion;
        RatedAt = ratedAt;
        CallPeriod = callPeriod == period ? null : callPeriod;
    }

    public Guid Id { get; private set; }

    public Guid CallRecordId { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid SubscriptionId { get; private set; }

    /// <summary>The month whose usage bills this row, "2025-03", in the customer's zone: the call's month, or a later one (<see cref="CallPeriod"/>).</summary>
    public string Period { get; private set; } = string.Empty;

    /// <summary>
    /// Set only on an adjustment of a month that was already invoiced: the call's own month. The row is then billed with
    /// the usage of <see cref="Period"/>, on a line of its own that names this month; the issued invoice stays as it is.
    /// </summary>
    public string? CallPeriod { get; private set; }

    public DateTimeOffset CallStartedAt { get; private set; }

    public ChargeCategory Category { get; private set; }

    public RatingRule Rule { get; private set; }

    /// <summary>The rule's number: the correspondent's rank, the length limit in seconds, the pooled minutes, ...</summary>
    public int RuleArg { get; private set; }

    public int Seconds { get; private set; }

    /// <summary>What the customer owes for this part, excluding VAT, exact to 4 decimals; negative for an adjustment down.</summary>
    public decimal Amount { get; private set; }

    public Currency Currency { get; private set; }

    /// <summary>Premium Smart Numbers: what the caller paid, excluding VAT.</summary>
    public decimal CallerAmount { get; private set; }

    /// <summary>Premium Smart Numbers: the holder's share of it, paid out.</summary>
    public decimal RevenueShare { get; private set; }

    public ChargeKind Kind { get; private set; }

    public AdjustmentReason? Reason { get; private set; }

    public string CatalogVersion { get; private set; } = string.Empty;

    public DateTimeOffset RatedAt { get; private set; }

    /// <summary>The rule in plain words, "fr" or "en".</summary>
    public string Describe(string language) => RuleText.Describe(Rule, RuleArg, language);

    public ChargeLine ToLine() => new(SubscriptionId, Currency, Category, Rule, RuleArg, Seconds, Amount, CallerAmount, RevenueShare);
}
