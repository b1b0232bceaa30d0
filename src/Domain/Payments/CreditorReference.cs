using System.Text;

namespace Store.Domain.Payments;

/// <summary>
/// The structured creditor reference of ISO 11649 ("RF18 5390 0754 7034"): "RF", two check digits (ISO 7064
/// MOD 97-10, as an IBAN) and up to 21 letters or digits. Each invoice's reference is made from its number, so the
/// bank's statement line names the invoice it pays and a typing mistake is caught by the check digits.
/// </summary>
public static class CreditorReference
{
    private const int MaxBodyLength = 21;

    /// <summary>The reference of the document numbered <paramref name="documentNumber"/> ("F-2026-000042" → "RF59F2026000042").</summary>
    public static string For(string documentNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentNumber);
        var body = new string([.. documentNumber.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);
        if (body.Length is 0 or > MaxBodyLength)
        {
            throw new ArgumentException($"A creditor reference holds 1 to {MaxBodyLength} letters or digits: '{documentNumber}'.", nameof(documentNumber));
        }

        var check = 98 - Mod97(body + "RF00");
        return $"RF{check:00}{body}";
    }

    /// <summary>Reads a reference as people write it (spaces, lower case); false when it is not one or its check digits are wrong.</summary>
    public static bool TryParse(string? text, out string reference)
    {
        reference = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = new string([.. text.Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant)]);
        if (compact.Length < 5 || compact.Length > 4 + MaxBodyLength || !compact.StartsWith("RF", StringComparison.Ordinal)
            || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]) || !compact.Skip(4).All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        if (Mod97(compact[4..] + compact[..4]) != 1)
        {
            return false;
        }

        reference = compact;
        return true;
    }

    /// <summary>In groups of four, as printed for people to copy: "RF59 F202 6000 042".</summary>
    public static string Display(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var text = new StringBuilder();
        for (var i = 0; i < reference.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                text.Append(' ');
            }

            text.Append(reference[i]);
        }

        return text.ToString();
    }

    /// <summary>The remainder by 97 of the number the text spells with A = 10 … Z = 35.</summary>
    private static int Mod97(string text)
    {
        var remainder = 0;
        foreach (var c in text)
        {
            remainder = char.IsAsciiDigit(c)
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }
}
