using System.Net.Mail;
using Store.Domain.Catalog;
using Store.Domain.Persistence;

namespace Store.Domain.Customers;

/// <summary>What a reseller (or the signup) gives to open a customer account.</summary>
public sealed record CreateCustomerCommand(
    string LegalName,
    Market Market,
    string? CompanyNumber,
    string? VatNumber,
    string BillingEmail,
    Address BillingAddress,
    Guid? ResellerId);

/// <summary>Opens a customer account after checking every field; returns all the problems at once, changing nothing then.</summary>
public sealed class CreateCustomer(StoreDb db, TimeProvider clock)
{
    public async Task<Outcome<Customer>> RunAsync(CreateCustomerCommand command, CancellationToken cancellationToken = default)
    {
        var valid = Check(command);
        if (valid.Value is not { } checkedCommand)
        {
            return Outcome<Customer>.Failure(valid.Problems);
        }

        var customer = new Customer(checkedCommand.LegalName, checkedCommand.Market, checkedCommand.BillingAddress, checkedCommand.BillingEmail, clock.GetUtcNow(), checkedCommand.ResellerId);
        customer.SetCompanyIdentifiers(checkedCommand.CompanyNumber, checkedCommand.VatNumber);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Customer>.Success(customer);
    }

    /// <summary>Checks every field and gives the command back tidied (identifiers normalized, text trimmed), or all the problems at once.</summary>
    public static Outcome<CreateCustomerCommand> Check(CreateCustomerCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(command.LegalName) || command.LegalName.Length > 200)
        {
            problems.Add(new Problem("legalName", "Give the company's legal name (200 characters at most).", "REQUIRED"));
        }

        if (!MailAddress.TryCreate(command.BillingEmail?.Trim(), out _))
        {
            problems.Add(new Problem("billingEmail", "Give a valid e-mail address for invoices, for example factures@entreprise.fr.", "INVALID_EMAIL"));
        }

        var address = command.BillingAddress;
        if (string.IsNullOrWhiteSpace(address.Line1))
        {
            problems.Add(new Problem("billingAddress.line1", "Give the street of the billing address.", "REQUIRED"));
        }

        if (string.IsNullOrWhiteSpace(address.City))
        {
            problems.Add(new Problem("billingAddress.city", "Give the city of the billing address.", "REQUIRED"));
        }

        var postalCodeOk = address.Country switch
        {
            "FR" => address.PostalCode.Length == 5 && address.PostalCode.All(char.IsAsciiDigit),
            "CH" => address.PostalCode.Length == 4 && address.PostalCode.All(char.IsAsciiDigit),
            _ => address.PostalCode.Length is > 0 and <= 16,
        };
        if (!postalCodeOk)
        {
            problems.Add(new Problem("billingAddress.postalCode", address.Country == "CH" ? "A Swiss postal code has 4 digits (NPA)." : "A French postal code has 5 digits.", "INVALID_POSTAL_CODE"));
        }

        string? companyNumber = null;
        if (!string.IsNullOrWhiteSpace(command.CompanyNumber))
        {
            var checkedNumber = command.Market == Market.CH
                ? CompanyIdentifiers.SwissUid("companyNumber", command.CompanyNumber)
                : CompanyIdentifiers.Siren("companyNumber", command.CompanyNumber);
            problems.AddRange(checkedNumber.Problems);
            companyNumber = checkedNumber.Value;
        }

        string? vat = null;
        if (!string.IsNullOrWhiteSpace(command.VatNumber))
        {
            var checkedVat = CompanyIdentifiers.VatNumber("vatNumber", command.VatNumber);
            problems.AddRange(checkedVat.Problems);
            vat = checkedVat.Value;
            if (vat is not null && companyNumber is not null && command.Market == Market.FR && vat.StartsWith("FR", StringComparison.Ordinal) && vat[4..] != companyNumber)
            {
                problems.Add(new Problem("vatNumber", "This French VAT number belongs to another SIREN than the one given.", "VAT_SIREN_MISMATCH"));
            }
        }

        if (problems.Count > 0)
        {
            return Outcome<CreateCustomerCommand>.Failure(problems);
        }

        return Outcome<CreateCustomerCommand>.Success(command with
        {
            LegalName = command.LegalName.Trim(),
            BillingAddress = address with { Country = address.Country.ToUpperInvariant() },
            BillingEmail = command.BillingEmail!.Trim(),
            CompanyNumber = companyNumber,
            VatNumber = vat,
        });
    }
}
