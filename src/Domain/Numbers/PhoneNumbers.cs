using PhoneNumbers;

namespace Store.Domain.Numbers;

/// <summary>Phone numbers read the way a French or Swiss customer types them, kept in E.164 (+33123456789).</summary>
public static class PhoneNumberText
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164, or a problem saying why it is not a number; national numbers are read for <paramref name="region"/>.</summary>
    public static Outcome<string> ToE164(string field, string? text, string region = "FR")
    {
        var problem = new Problem(field, "This is not a valid phone number: give it in national form (01 23 45 67 89) or with its country code (+33 1 23 45 67 89).", "INVALID_PHONE_NUMBER");
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return Outcome<string>.Failure(problem);
        }

        try
        {
            var parsed = Util.Parse(text, region);
            return Util.IsValidNumber(parsed) ? Outcome<string>.Success(Util.Format(parsed, PhoneNumberFormat.E164)) : Outcome<string>.Failure(problem);
        }
        catch (NumberParseException)
        {
            return Outcome<string>.Failure(problem);
        }
    }

    /// <summary>The national significant digits with the trunk 0, as the French numbering plan and ARCEP write them (0162..., 0937...).</summary>
    public static string National(string e164)
    {
        var parsed = Util.Parse(e164, "FR");
        return "0" + parsed.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static bool IsFrench(string e164) => e164.StartsWith("+33", StringComparison.Ordinal);

    /// <summary>Whether the number is premium-rate (Swiss 090x, French 089x): calls to it earn its holder revenue.</summary>
    public static bool IsPremiumRate(string e164) =>
        Util.GetNumberType(Util.Parse(e164, "FR")) == PhoneNumberType.PREMIUM_RATE;

    public static bool IsMobile(string e164)
    {
        var type = Util.GetNumberType(Util.Parse(e164, "FR"));
        return type is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE;
    }
}
