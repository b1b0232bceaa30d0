using Store.Domain.Calls;

namespace Store.Domain.Rating;

/// <summary>
/// A call as rating reads it: everything already classified and resolved at ingestion, so that rating is arithmetic
/// and table look-ups.
/// </summary>
/// <param name="Correspondent">The other party: the callee of an outbound call, the caller of an inbound one.</param>
/// <param name="Country">The correspondent's country, packed with <see cref="CountryCode.Pack"/>.</param>
/// <param name="UserSlot">The user, numbered from 1 within the customer's month, for per-user counting.</param>
/// <param name="Seconds">Seconds from answer to the full hang-up; 0 when not answered.</param>
/// <param name="SmartNumber">Index of the called Smart Number in the customer's tariff, or -1.</param>
/// <param name="Tariff">The premium tariff in force at answer (index in the number's tariffs).</param>
/// <param name="TariffChanges">Dynamic tariff changes during the call, in order, or null.</param>
public readonly record struct CallToRate(
    CallDirection Direction,
    NumberCategory Category,
    ushort Country,
    bool Mobile,
    long Correspondent,
    int UserSlot,
    int Seconds,
    CallFlags Flags = CallFlags.None,
    int RecordedSeconds = 0,
    int SmartNumber = -1,
    int Tariff = 0,
    TariffChange[]? TariffChanges = null);

/// <summary>A premium number's tariff changed to <paramref name="Tariff"/> at <paramref name="AtSecond"/> of the answered call.</summary>
public readonly record struct TariffChange(int AtSecond, int Tariff);

/// <summary>
/// A premium (090x) tariff the holder set: a price per minute, a price per call, and a fixed fee charged during the
/// call, excluding VAT, in the number's currency. A holder keeps up to 90 of them per number (001).
/// </summary>
public readonly record struct PremiumTariff(decimal PerMinute, decimal PerCall, decimal FixedFee);
