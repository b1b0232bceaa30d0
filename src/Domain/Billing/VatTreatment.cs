using Store.Domain.Customers;

namespace Store.Domain.Billing;

public enum VatRegime
{
    /// <summary>The seller's VAT at the standard rate (France 20 %, Switzerland 8.1 %).</summary>
    Domestic,

    /// <summary>An EU business outside the seller's country with a valid VAT number pays the VAT itself.</summary>
    ReverseCharge,

    /// <summary>A customer outside the seller's VAT territory and outside the EU: no VAT of the seller's country.</summary>
    OutOfScope,
}

/// <summary>How VAT applies to one invoice, and the legal mention it prints.</summary>
public sealed record VatTreatment(VatRegime Regime, decimal Rate, string? Mention)
{
    public const string ReverseChargeMention = "Autoliquidation — article 283-2 du CGI / article 196 de la directive 2006/112/CE";
    public const string OutsideEuMention = "TVA non applicable — article 259-1 du CGI (prestation de services à un preneur établi hors de l'Union européenne)";
    public const string OutsideSwitzerlandMention = "Prestation non soumise à la TVA suisse — art. 8 al. 1 LTVA (lieu de la prestation à l'étranger)";

    private static readonly HashSet<string> EuCountries =
    [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "GR", "ES", "FI", "FR", "HR", "HU", "IE", "IT",
        "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    ];

    /// <summary>
    /// The VAT of a sale of telecommunication services from <paramref name="seller"/> to the business
    /// <paramref name="buyer"/>, on <paramref name="taxPoint"/>. A French seller charges French VAT in France and to
    /// EU businesses without a valid VAT number; an EU business elsewhere with a valid number is reverse-charged.
    /// A Swiss seller charges Swiss VAT in Switzerland and Liechtenstein.
    /// </summary>
    public static VatTreatment For(Seller seller, LegalDetails buyer, DateOnly taxPoint)
    {
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(buyer);
        var buyerCountry = buyer.Address.Country;
        if (seller.Country == "CH")
        {
            return buyerCountry is "CH" or "LI"
                ? new VatTreatment(VatRegime.Domestic, Billing.Vat.StandardRate("CH", taxPoint), null)
                : new VatTreatment(VatRegime.OutOfScope, 0m, OutsideSwitzerlandMention);
        }

        if (buyerCountry == seller.Country)
        {
            return new VatTreatment(VatRegime.Domestic, Billing.Vat.StandardRate(seller.Country, taxPoint), null);
        }

        if (EuCountries.Contains(buyerCountry))
        {
            var valid = buyer.VatNumber is { } number
                && CompanyIdentifiers.VatNumber("vatNumber", number) is { Succeeded: true } checkedNumber
                && checkedNumber.Value!.StartsWith(buyerCountry == "GR" ? "EL" : buyerCountry, StringComparison.Ordinal);
            return valid
                ? new VatTreatment(VatRegime.ReverseCharge, 0m, ReverseChargeMention)
                : new VatTreatment(VatRegime.Domestic, Billing.Vat.StandardRate(seller.Country, taxPoint), null);
        }

        return new VatTreatment(VatRegime.OutOfScope, 0m, OutsideEuMention);
    }
}
