using Store.Domain.Catalog;
using Store.Domain.Rating;

namespace Store.Domain.Numbers;

/// <summary>
/// One of a premium Smart Number's tariffs (001): up to the catalog's maximum (90) per number, numbered from 0, each a
/// price per minute, per call and a fixed fee, within the catalog's premium limits. Calls name the tariff in force.
/// </summary>
public sealed class SmartNumberTariff
{
    private SmartNumberTariff()
    {
    }

    public Guid NumberId { get; private set; }

    public int Index { get; private set; }

    public decimal PerMinute { get; private set; }

    public decimal PerCall { get; private set; }

    public decimal FixedFee { get; private set; }

    public PremiumTariff ToTariff() => new(PerMinute, PerCall, FixedFee);

    public static Outcome<SmartNumberTariff> Create(SmartNumberOffer offer, Guid numberId, int index, decimal perMinute, decimal perCall, decimal fixedFee)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var problems = new List<Problem>();
        if (index < 0 || index >= offer.MaxDynamicTariffs)
        {
            problems.Add(new Problem("index", $"A number has at most {offer.MaxDynamicTariffs} tariffs, numbered from 0.", "TOO_MANY_TARIFFS"));
        }

        if (perMinute < 0 || perMinute > offer.PremiumLimits.MaxPerMinute)
        {
            problems.Add(new Problem("perMinute", $"The price per minute is between 0 and {offer.PremiumLimits.MaxPerMinute}.", "TARIFF_OUT_OF_LIMITS"));
        }

        if (perCall < 0 || perCall > offer.PremiumLimits.MaxPerCall || fixedFee < 0 || fixedFee > offer.PremiumLimits.MaxPerCall)
        {
            problems.Add(new Problem("perCall", $"The price per call and the fixed fee are between 0 and {offer.PremiumLimits.MaxPerCall}.", "TARIFF_OUT_OF_LIMITS"));
        }

        return problems.Count > 0
            ? Outcome<SmartNumberTariff>.Failure(problems)
            : Outcome<SmartNumberTariff>.Success(new SmartNumberTariff { NumberId = numberId, Index = index, PerMinute = perMinute, PerCall = perCall, FixedFee = fixedFee });
    }
}
