using System.Text.RegularExpressions;

namespace Store.Domain.Customers;

/// <summary>
/// Checks the company and VAT numbers a French or Swiss business gives, by their check digits: French SIREN (Luhn),
/// French VAT (key from the SIREN), Swiss UID (CHE-123.456.789, modulo 11) and Swiss VAT (UID followed by MWST, TVA
/// or IVA), and the format of other EU VAT numbers. Returns the number written the standard way, or why it is wrong.
/// </summary>
public static partial class CompanyIdentifiers
{
    public const string InvalidSiren = "INVALID_SIREN";
    public const string InvalidUid = "INVALID_UID";
    public const string InvalidVat = "INVALID_VAT_NUMBER";

    /// <summary>A SIREN: 9 digits whose Luhn checksum is right. Spaces are allowed on input.</summary>
    public static Outcome<string> Siren(string field, string? text)
    {
        var digits = Strip(text);
        return digits.Length == 9 && digits.All(char.IsAsciiDigit) && Luhn(digits)
            ? Outcome<string>.Success(digits)
            : Outcome<string>.Failure(new Problem(field, "A SIREN has 9 digits and a valid check digit, for example 552 032 534.", InvalidSiren));
    }

    /// <summary>A Swiss UID, written CHE-123.456.789, whose last digit is the modulo 11 check of the first eight.</summary>
    public static Outcome<string> SwissUid(string field, string? text)
    {
        var digits = Strip(text).ToUpperInvariant();
        if (digits.StartsWith("CHE", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }

        return digits.Length == 9 && digits.All(char.IsAsciiDigit) && UidCheckDigit(digits[..8]) == digits[8] - '0'
            ? Outcome<string>.Success($"CHE-{digits[..3]}.{digits[3..6]}.{digits[6..]}")
            : Outcome<string>.Failure(new Problem(field, "A Swiss UID is written CHE-123.456.788: 9 digits, the last one a check digit.", InvalidUid));
    }

    /// <summary>
    /// A VAT number: French (FR + 2-digit key + SIREN, the key matching the SIREN), Swiss (UID + MWST / TVA / IVA),
    /// or another EU member state's, checked by format.
    /// </summary>
    public static Outcome<string> VatNumber(string field, string? text)
    {
        var compact = Strip(text).ToUpperInvariant();
        var problem = new Problem(field, "This VAT number is not valid: check the country prefix and the digits (for example FR27552032534 or CHE-116.281.710 MWST).", InvalidVat);
        if (compact.StartsWith("FR", StringComparison.Ordinal))
        {
            var body = compact[2..];
            if (body.Length != 11 || !body.All(char.IsAsciiDigit) || !Luhn(body[2..]))
            {
                return Outcome<string>.Failure(problem);
            }

            var siren = long.Parse(body[2..], System.Globalization.CultureInfo.InvariantCulture);
            return (12 + (3 * (siren % 97))) % 97 == int.Parse(body[..2], System.Globalization.CultureInfo.InvariantCulture)
                ? Outcome<string>.Success(compact)
                : Outcome<string>.Failure(problem);
        }

        if (compact.StartsWith("CHE", StringComparison.Ordinal))
        {
            var suffix = SwissVatSuffix().Match(compact);
            if (!suffix.Success)
            {
                return Outcome<string>.Failure(problem);
            }

            var uid = SwissUid(field, compact[..^suffix.Length]);
            return uid.Succeeded ? Outcome<string>.Success($"{uid.Value} {suffix.Value}") : Outcome<string>.Failure(problem);
        }

        return EuVatFormat().IsMatch(compact) ? Outcome<string>.Success(compact) : Outcome<string>.Failure(problem);
    }

    private static string Strip(string? text) =>
        new((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-').ToArray());

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    private static int UidCheckDigit(string eight)
    {
        ReadOnlySpan<int> weights = [5, 4, 3, 2, 7, 6, 5, 4];
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (eight[i] - '0') * weights[i];
        }

        var check = 11 - (sum % 11);
        return check == 11 ? 0 : check; // 10 never matches a digit: such a number does not exist.
    }

    [GeneratedRegex("(MWST|TVA|IVA)$")]
    private static partial Regex SwissVatSuffix();

    [GeneratedRegex("^(AT)U[0-9]{8}$|^(BE)[01][0-9]{9}$|^(BG)[0-9]{9,10}$|^(CY)[0-9]{8}[A-Z]$|^(CZ)[0-9]{8,10}$|^(DE)[0-9]{9}$|^(DK)[0-9]{8}$|^(EE)[0-9]{9}$|^(EL)[0-9]{9}$|^(ES)[A-Z0-9][0-9]{7}[A-Z0-9]$|^(FI)[0-9]{8}$|^(HR)[0-9]{11}$|^(HU)[0-9]{8}$|^(IE)[0-9]{7}[A-Z]{1,2}$|^(IE)[0-9][A-Z][0-9]{5}[A-Z]$|^(IT)[0-9]{11}$|^(LT)([0-9]{9}|[0-9]{12})$|^(LU)[0-9]{8}$|^(LV)[0-9]{11}$|^(MT)[0-9]{8}$|^(NL)[0-9]{9}B[0-9]{2}$|^(PL)[0-9]{10}$|^(PT)[0-9]{9}$|^(RO)[0-9]{2,10}$|^(SE)[0-9]{12}$|^(SI)[0-9]{8}$|^(SK)[0-9]{10}$")]
    private static partial Regex EuVatFormat();
}
