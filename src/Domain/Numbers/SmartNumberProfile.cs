using Store.Domain.Catalog;

namespace Store.Domain.Numbers;

/// <summary>
/// What makes a number a Smart Number (000): its type, the tariff callers pay (premium numbers), how the holder's
/// share is paid out, the declared use, and whether it is listed in directories.
/// </summary>
public sealed record SmartNumberProfile(
    string TypeCode,
    TariffKind TariffKind,
    decimal? TariffAmount,
    PayoutKind Payout,
    string UsageCategory,
    bool DirectoryListed,
    DateOnly GoLive);

/// <summary>The operator's stock of Smart Numbers: free numbers of a prefix, offered to choose from.</summary>
public static class NumberPool
{
    /// <summary>
    /// Up to <paramref name="count"/> numbers of <paramref name="prefix"/> (such as 0900) that nobody holds, the same
    /// for the same <paramref name="seed"/> so a page shows stable choices; valid Swiss numbers in E.164.
    /// </summary>
    public static IReadOnlyList<string> Free(string prefix, IReadOnlySet<string> taken, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(taken);
        var random = new Random(seed);
        var found = new List<string>();
        for (var attempt = 0; attempt < count * 50 && found.Count < count; attempt++)
        {
            var national = prefix + random.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var e164 = PhoneNumberText.ToE164("number", national, "CH").Value;
            if (e164 is not null && !taken.Contains(e164) && !found.Contains(e164))
            {
                found.Add(e164);
            }
        }

        return found;
    }
}
