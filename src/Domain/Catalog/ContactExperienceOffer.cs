namespace Store.Domain.Catalog;

/// <summary>Contact Experience (004): advanced IVR and call-centre agent licences, with their options.</summary>
public sealed record ContactExperienceOffer(
    Market Market,
    IReadOnlyList<ContactExperienceService> Services,
    decimal InboundOveragePerMinute,
    IReadOnlyList<ContactExperienceOption> Options,
    Commitment Commitment,
    IReadOnlyList<SlaBand> Sla,
    decimal SlaCapRate,
    bool Placeholder = false)
{
    public ContactExperienceService? FindService(string code) => Services.FirstOrDefault(s => s.Code == code);

    public ContactExperienceOption? FindOption(string code) => Options.FirstOrDefault(o => o.Code == code);
}

/// <summary>A subscription that includes inbound minutes, pooled across the account and multiplied by quantity (004 art. 3).</summary>
public sealed record ContactExperienceService(
    string Code,
    LocalizedText Name,
    IReadOnlyList<Price> Prices,
    int IncludedInboundMinutes,
    bool Placeholder = false);

public enum ContactExperienceOptionKind
{
    /// <summary>A monthly subscription including minutes, overage per minute beyond (dynamic TTS, 004 art. 4.1).</summary>
    MinutesSubscription,

    /// <summary>A monthly pack of recorded minutes; overage only where the customer allowed it (004 art. 4.2).</summary>
    RecordingPack,

    /// <summary>A message made to order, per unit of 30 words (004 art. 4.3).</summary>
    StudioMessage,

    /// <summary>A price per SMS sent (004 art. 4.4).</summary>
    OutboundSms,

    /// <summary>Two calls billed at the rates in force for each call-back (004 art. 4.5).</summary>
    WebCallBack,
}

public sealed record ContactExperienceOption(
    string Code,
    LocalizedText Name,
    ContactExperienceOptionKind Kind,
    IReadOnlyList<Price> Prices,
    int? IncludedMinutes,
    decimal? OveragePerMinute,
    decimal? UnitPrice,
    int? WordsPerUnit,
    ReductionTiming Reduction,
    bool Placeholder = false);

/// <summary>A minimum commitment, the notice before its end, and whether it renews tacitly (004 art. 9).</summary>
public sealed record Commitment(int MinimumMonths, int NoticeMonths, bool TacitRenewal, bool Placeholder = false);

/// <summary>A monthly availability band and the credit it gives, as a share of the month's fee (004 art. 7).</summary>
public sealed record SlaBand(decimal AvailabilityBelow, decimal AvailabilityFrom, decimal CreditRate);
