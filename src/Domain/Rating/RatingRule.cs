namespace Store.Domain.Rating;

/// <summary>
/// The rule that priced a charge. Stored with it, with one number as argument, so that a call list or an invoice says
/// in plain words why the call cost what it did (see <see cref="RuleText"/>).
/// </summary>
public enum RatingRule : byte
{
    NotAnswered,
    IncludedInBundle,
    InboundIncluded,
    BeyondCallLength,
    BeyondDistinctCorrespondents,
    DestinationNotIncluded,
    SpecialNumberOutsideBundle,
    ForwardingOutsideBundle,
    InboundWithinPool,
    InboundBeyondPool,
    TextToSpeechWithinVolume,
    TextToSpeechBeyondVolume,
    RecordingWithinPacks,
    RecordingBeyondPacks,
    RecordingBeyondPacksNotAllowed,
    WebCallBackLeg,
    FreephoneHolderPays,
    SharedCostHolderPays,
    PremiumPerMinute,
    PremiumPerCall,
    PremiumFixedFee,
    PremiumDynamic,
}
