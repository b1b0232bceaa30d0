namespace Store.Domain.Calls;

/// <summary>What a number is, seen from France: what the Forfait rules (003) tell apart.</summary>
public enum NumberCategory : byte
{
    /// <summary>Metropolitan France, geographic or 09 (fixed).</summary>
    MetropolitanFixed,

    MetropolitanMobile,

    /// <summary>The overseas departments (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte) and other French territories.</summary>
    Overseas,

    /// <summary>French special numbers: 08, 3BPQ short numbers, 118XYZ directory enquiries.</summary>
    Special,

    /// <summary>Any other country, fixed or mobile.</summary>
    International,
}

/// <summary>
/// A number read and classified once, at ingestion, so that rating never parses a number: its E.164 form
/// (or the short number for 3BPQ / 118XYZ), its category, country (ISO 3166 alpha-2) and line type, and its digits as
/// a 64-bit key for counting distinct correspondents.
/// </summary>
public sealed record ClassifiedNumber(string Number, NumberCategory Category, string Country, bool Mobile, long Key)
{
    /// <summary>The national form with its trunk 0 for a French or Swiss number (0800..., 0901...), else the E.164 form.</summary>
    public string National { get; init; } = Number;
}
