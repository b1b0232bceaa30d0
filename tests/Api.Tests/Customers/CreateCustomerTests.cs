using Store.Api.Tests.Identity;
using Store.Domain.Identity;

namespace Store.Api.Tests.Customers;

public sealed class CreateCustomerTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private const string Mutation = """
        mutation($input: CreateCustomerInput!) {
          createCustomer(input: $input) {
            customer { id legalName market currency companyNumber vatNumber }
            userErrors { field message code }
          }
        }
        """;

    private static object Input(string siren = "552 032 534", string vat = "FR27552032534", string postalCode = "75002") => new
    {
        legalName = "Boulangerie Martin SARL",
        market = "FR",
        companyNumber = siren,
        vatNumber = vat,
        billingEmail = "factures@boulangerie-martin.fr",
        billingAddress = new { line1 = "1 rue de la Paix", postalCode, city = "Paris", country = "FR" },
    };

    private async Task<string> TokenAsync(string reseller, params string[] scopes)
    {
        var r = await TestData.AddResellerAsync(factory.Services, reseller);
        var api = await TestData.AddApiClientAsync(factory.Services, r.Id, scopes);
        return await factory.CreateClient().TokenAsync(api.Client.ClientId, api.Secret);
    }

    [Fact]
    public async Task A_reseller_opens_an_account_that_only_it_then_sees()
    {
        var token = await TokenAsync("Revendeur Nord", StoreScopes.CustomersWrite, StoreScopes.CustomersRead);
        var other = await TokenAsync("Revendeur Sud", StoreScopes.CustomersRead);
        var http = factory.CreateClient();

        var (_, body) = await http.PostGraphQLWithVariablesAsync(token, Mutation, new { input = Input() });
        var payload = body["data"]!["createCustomer"]!;
        Assert.Empty(payload["userErrors"]!.AsArray());
        Assert.Equal("552032534", (string?)payload["customer"]!["companyNumber"]);
        Assert.Equal("EUR", (string?)payload["customer"]!["currency"]);

        var (_, mine) = await http.PostGraphQLWithTokenAsync(token, "{ customers(first: 10) { nodes { legalName } } }");
        Assert.Equal("Boulangerie Martin SARL", (string?)mine["data"]!["customers"]!["nodes"]![0]!["legalName"]);
        var (_, theirs) = await http.PostGraphQLWithTokenAsync(other, "{ customers(first: 10) { totalCount } }");
        Assert.Equal(0, (int)theirs["data"]!["customers"]!["totalCount"]!);
    }

    [Fact]
    public async Task Invalid_identifiers_come_back_as_user_errors_naming_each_field_and_nothing_is_created()
    {
        var token = await TokenAsync("Revendeur Est", StoreScopes.CustomersWrite, StoreScopes.CustomersRead);
        var http = factory.CreateClient();

        var (_, body) = await http.PostGraphQLWithVariablesAsync(token, Mutation, new { input = Input(siren: "123456789", vat: "FR28552032534", postalCode: "7500") });
        var payload = body["data"]!["createCustomer"]!;
        Assert.Null(payload["customer"]);
        var errors = payload["userErrors"]!.AsArray().Select(e => ((string)e!["field"]!, (string)e["code"]!)).ToList();
        Assert.Contains(("companyNumber", "INVALID_SIREN"), errors);
        Assert.Contains(("vatNumber", "INVALID_VAT_NUMBER"), errors);
        Assert.Contains(("billingAddress.postalCode", "INVALID_POSTAL_CODE"), errors);

        var (_, list) = await http.PostGraphQLWithTokenAsync(token, "{ customers(first: 10) { totalCount } }");
        Assert.Equal(0, (int)list["data"]!["customers"]!["totalCount"]!);
    }

    [Fact]
    public async Task Without_customers_write_the_mutation_is_refused_clearly()
    {
        var token = await TokenAsync("Revendeur Ouest", StoreScopes.CustomersRead);
        var (_, body) = await factory.CreateClient().PostGraphQLWithVariablesAsync(token, Mutation, new { input = Input() });
        Assert.Equal("FORBIDDEN", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("customers:write", (string?)body["errors"]![0]!["message"], StringComparison.Ordinal);
    }
}
