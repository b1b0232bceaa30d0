namespace Store.Site.Signup;

/// <summary>
/// Where a problem of <see cref="Store.Domain.Customers.CreateCustomer"/> is shown on a company form (the signup's
/// company step and the reseller's onboarding share their field names): the input it names, or the form's summary.
/// </summary>
public static class CompanyFormFields
{
    public static string Of(string field) => field switch
    {
        "legalName" => "Input.LegalName",
        "companyNumber" => "Input.CompanyNumber",
        "vatNumber" => "Input.VatNumber",
        "billingEmail" => "Input.BillingEmail",
        "billingAddress.postalCode" => "Input.PostalCode",
        "billingAddress.line1" => "Input.Line1",
        "billingAddress.city" => "Input.City",
        _ => string.Empty,
    };
}
