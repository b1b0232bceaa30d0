using Store.Domain.Catalog;
using Store.Domain.Customers;

namespace Store.Domain.Billing;

/// <summary>
/// The customer as an invoice names it, frozen at issue: a later change of name, address or VAT number never
/// alters an invoice already issued.
/// </summary>
public sealed record LegalDetails(
    Guid CustomerId,
    string LegalName,
    Market Market,
    Currency Currency,
    string TimeZone,
    string? CompanyNumber,
    string? VatNumber,
    Address Address,
    string Email,
    string Language)
{
    /// <summary>Countries whose customers get French-language invoices and mail; the others get English.</summary>
    private static readonly string[] FrenchSpeaking = ["FR", "CH", "BE", "LU", "MC"];

    public static LegalDetails Of(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new LegalDetails(
            customer.Id,
            customer.LegalName,
            customer.Market,
            customer.Currency,
            customer.TimeZone,
            customer.CompanyNumber,
            customer.VatNumber,
            customer.BillingAddress,
            customer.BillingEmail,
            FrenchSpeaking.Contains(customer.BillingAddress.Country) ? "fr" : "en");
    }
}
