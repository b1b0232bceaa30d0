using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Signup;
using Store.Site.Localization;
using Store.Site.Signup;

namespace Store.Site.Pages.Signup;

/// <summary>Step 3: the company, with its SIREN (or Swiss UID) and VAT number checked, billing and correspondence addresses.</summary>
public sealed class CompanyModel(SignupSession session, CatalogRegistry catalogs, TimeProvider clock, IStringLocalizer<SiteTexts> texts) : SignupPage(catalogs, clock, texts)
{
    public sealed class InputModel
    {
        public string? LegalName { get; set; }

        public string? CompanyNumber { get; set; }

        public string? VatNumber { get; set; }

        public string? BillingEmail { get; set; }

        public string? Line1 { get; set; }

        public string? Line2 { get; set; }

        public string? PostalCode { get; set; }

        public string? City { get; set; }

        public bool SeparateCorrespondence { get; set; }

        public string? CorrespondenceLine1 { get; set; }

        public string? CorrespondencePostalCode { get; set; }

        public string? CorrespondenceCity { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The plan's market decides the company's country: a French plan for a French company.</summary>
    public Market Market => Order.SmartNumber is not null ? Catalog.SmartNumbers.Market : Catalog.FindPlan(Order.ProductCode)?.Market ?? Market.FR;

    public string Country => Market == Market.CH ? "CH" : "FR";

    public async Task<IActionResult> OnGetAsync()
    {
        var draft = await session.FindAsync();
        if (draft is null || draft.CustomerId is not null)
        {
            return RedirectToPage("Index");
        }

        Order = draft.Order;
        if (Order.Company is { } c)
        {
            Input = new InputModel
            {
                LegalName = c.LegalName,
                CompanyNumber = c.CompanyNumber,
                VatNumber = c.VatNumber,
                BillingEmail = c.BillingEmail,
                Line1 = c.BillingAddress.Line1,
                Line2 = c.BillingAddress.Line2,
                PostalCode = c.BillingAddress.PostalCode,
                City = c.BillingAddress.City,
                SeparateCorrespondence = c.CorrespondenceAddress is not null,
                CorrespondenceLine1 = c.CorrespondenceAddress?.Line1,
                CorrespondencePostalCode = c.CorrespondenceAddress?.PostalCode,
                CorrespondenceCity = c.CorrespondenceAddress?.City,
            };
        }

        PriceOrder();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var draft = await session.FindAsync();
        if (draft is null || draft.CustomerId is not null)
        {
            return RedirectToPage("Index");
        }

        Order = draft.Order;
        var billing = new Address(Input.Line1?.Trim() ?? string.Empty, string.IsNullOrWhiteSpace(Input.Line2) ? null : Input.Line2.Trim(), Input.PostalCode?.Trim() ?? string.Empty, Input.City?.Trim() ?? string.Empty, Country);
        var command = new CreateCustomerCommand(Input.LegalName ?? string.Empty, Market, Input.CompanyNumber, Input.VatNumber, Input.BillingEmail ?? string.Empty, billing, null);
        var checkedCommand = CreateCustomer.Check(command);
        Show(checkedCommand.Problems, CompanyFormFields.Of);
        if (string.IsNullOrWhiteSpace(Input.CompanyNumber))
        {
            ModelState.AddModelError("Input.CompanyNumber", Texts[Market == Market.CH ? "problem.INVALID_UID" : "problem.INVALID_SIREN"]);
        }

        Address? correspondence = null;
        if (Input.SeparateCorrespondence)
        {
            correspondence = new Address(Input.CorrespondenceLine1?.Trim() ?? string.Empty, null, Input.CorrespondencePostalCode?.Trim() ?? string.Empty, Input.CorrespondenceCity?.Trim() ?? string.Empty, Country);
            var check = CreateCustomer.Check(command with { BillingAddress = correspondence });
            Show(check.Problems.Where(p => p.Field.StartsWith("billingAddress", StringComparison.Ordinal)), f => f switch
            {
                "billingAddress.postalCode" => "Input.CorrespondencePostalCode",
                "billingAddress.city" => "Input.CorrespondenceCity",
                _ => "Input.CorrespondenceLine1",
            });
        }

        if (!ModelState.IsValid || checkedCommand.Value is not { } valid)
        {
            PriceOrder();
            return Page();
        }

        var company = new CompanyDetails(valid.LegalName, valid.Market, valid.CompanyNumber, valid.VatNumber, valid.BillingEmail, valid.BillingAddress, correspondence);
        await session.SaveAsync(draft, Order with { Company = company });
        return RedirectToPage("Summary");
    }
}
