using System.Collections.Concurrent;
using System.Globalization;
using PhoneNumbers;

namespace Store.Domain.Calls;

/// <summary>
/// Reads a number as the platform sends it (E.164, national, 00-prefixed or bare international digits) and classifies
/// it with libphonenumber. Runs at ingestion only; the result is stored with the call so that rating is table look-ups.
/// </summary>
public static class NumberClassifier
{
    private const int CacheLimit = 200_000;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly string[] OverseasRegions = ["RE", "YT", "GP", "MQ", "GF", "PM"];
    private static readonly HashSet<string> FrenchOverseas = ["GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF"];

    // Correspondents repeat all month long: the same numbers are parsed once per process, not once per call.
    private static readonly ConcurrentDictionary<(string Text, string Region), ClassifiedNumber?> Cache = new();

    // The dictionary's own Count takes every one of its locks: the cache's size is counted here instead.
    private static int _cached;

    /// <summary>The classified number, or a problem naming <paramref name="field"/> when it is not a number one can call.</summary>
    public static Outcome<ClassifiedNumber> Classify(string field, string? text, string region = "FR")
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 40)
        {
            return Outcome<ClassifiedNumber>.Failure(Invalid(field, text));
        }

        if (!Cache.TryGetValue((trimmed, region), out var number))
        {
            number = Read(trimmed, region);
            if (Volatile.Read(ref _cached) >= CacheLimit)
            {
                Cache.Clear();
                Interlocked.Exchange(ref _cached, 0);
            }

            if (Cache.TryAdd((trimmed, region), number))
            {
                Interlocked.Increment(ref _cached);
            }
        }

        return number is null ? Outcome<ClassifiedNumber>.Failure(Invalid(field, text)) : Outcome<ClassifiedNumber>.Success(number);
    }

    private static Problem Invalid(string field, string? text) =>
        new(field, $"'{text}' is not a valid phone number: send it in E.164 (+33123456789) or national form.", "INVALID_PHONE_NUMBER");

    private static ClassifiedNumber? Read(string text, string region)
    {
        var digits = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (region == "FR" && digits.All(char.IsAsciiDigit) && ((digits.Length == 4 && digits[0] == '3') || (digits.Length == 6 && digits.StartsWith("118", StringComparison.Ordinal))))
        {
            // 3BPQ and 118XYZ: short numbers libphonenumber does not hold as valid numbers; they exist only in France.
            return new ClassifiedNumber(digits, NumberCategory.Special, "FR", false, long.Parse(digits, CultureInfo.InvariantCulture));
        }

        var parsed = TryParse(digits, region);
        if (parsed is null && digits.Length >= 8 && digits.All(char.IsAsciiDigit) && digits[0] != '0')
        {
            // Switches often write international numbers without the +.
            parsed = TryParse("+" + digits, region);
        }

        if (parsed is null && region == "FR" && digits.Length == 10 && digits[0] == '0')
        {
            // Overseas departments are dialled from France in national form (0262..., 0590...) but have their own country codes.
            foreach (var overseas in OverseasRegions)
            {
                parsed = TryParse(digits, overseas);
                if (parsed is not null)
                {
                    break;
                }
            }
        }

        if (parsed is null)
        {
            return null;
        }

        var e164 = Util.Format(parsed, PhoneNumberFormat.E164);
        var key = long.Parse(e164.AsSpan(1), CultureInfo.InvariantCulture);
        var country = Util.GetRegionCodeForNumber(parsed) ?? "ZZ";
        var type = Util.GetNumberType(parsed);
        var mobile = type == PhoneNumberType.MOBILE;
        var national = country is "FR" or "CH" ? "0" + parsed.NationalNumber.ToString(CultureInfo.InvariantCulture) : e164;
        NumberCategory category;
        if (country == "FR")
        {
            category = type is PhoneNumberType.TOLL_FREE or PhoneNumberType.SHARED_COST or PhoneNumberType.PREMIUM_RATE or PhoneNumberType.UAN or PhoneNumberType.VOICEMAIL
                || national.StartsWith("08", StringComparison.Ordinal)
                ? NumberCategory.Special
                : mobile ? NumberCategory.MetropolitanMobile : NumberCategory.MetropolitanFixed;
        }
        else
        {
            category = FrenchOverseas.Contains(country) ? NumberCategory.Overseas : NumberCategory.International;
        }

        return new ClassifiedNumber(e164, category, country.Length == 2 ? country : "ZZ", mobile, key) { National = national };
    }

    private static PhoneNumber? TryParse(string text, string region)
    {
        if (FrenchOrSwiss(text, region) is { } known)
        {
            return known;
        }

        try
        {
            var parsed = Util.Parse(text, region);
            return Util.IsValidNumber(parsed) ? parsed : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// Most numbers a French or Swiss customer sees: +33 or +41 and nine digits, or 0 and nine digits in those countries.
    /// Parsing them is only splitting off the country code, which libphonenumber's parser does at great cost; its
    /// metadata still says whether the number is valid. Anything else, or a number this makes invalid, goes to the parser.
    /// </summary>
    internal static PhoneNumber? FrenchOrSwiss(string digits, string region)
    {
        int countryCode;
        ReadOnlySpan<char> national;
        if (digits.Length == 12 && digits[0] == '+' && (digits.StartsWith("+33", StringComparison.Ordinal) || digits.StartsWith("+41", StringComparison.Ordinal)))
        {
            countryCode = digits[1] == '3' ? 33 : 41;
            national = digits.AsSpan(3);
        }
        else if (digits.Length == 10 && digits[0] == '0' && region is "FR" or "CH")
        {
            countryCode = region == "FR" ? 33 : 41;
            national = digits.AsSpan(1);
        }
        else
        {
            return null;
        }

        if (national[0] == '0' || !ulong.TryParse(national, NumberStyles.None, CultureInfo.InvariantCulture, out var nationalNumber))
        {
            return null;
        }

        var number = new PhoneNumber.Builder().SetCountryCode(countryCode).SetNationalNumber(nationalNumber).Build();
        return Util.IsValidNumber(number) ? number : null;
    }
}
