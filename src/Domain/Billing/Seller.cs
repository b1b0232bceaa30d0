using Store.Domain.Customers;

namespace Store.Domain.Billing;

/// <summary>
/// The company that issues the invoice, with what French (Code de commerce L441-9) and Swiss law require it to
/// print: legal form and capital, registration, VAT number and address.
/// </summary>
public sealed record Seller(
    string LegalName,
    string LegalForm,
    string ShareCapital,
    string CompanyNumber,
    string Registration,
    string VatNumber,
    Address Address,
    string Iban,
    string Bic)
{
    public string Country => Address.Country;
}
