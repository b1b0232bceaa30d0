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

public sealed class IdempotencyTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private const string Mutation = "mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id legalName } userErrors { code } } }";

    private static object Input(string name) => new
    {
        input = new
        {
            legalName = name,
            market = "CH",
            companyNumber = "CHE-116.281.710",
            billingEmail = "rechnung@beispiel.ch",
            billingAddress = new { line1 = "Bahnhofstrasse 1", postalCode = "8001", city = "Zürich", country = "CH" },
        },
    };

    [Fact]
    public async Task A_repeated_mutation_with_the_same_key_returns_the_first_result_and_creates_nothing_more()
    {
        var reseller = await TestData.AddResellerAsync(factory.Services, "Revendeur Suisse");
        var api = await TestData.AddApiClientAsync(factory.Services, reseller.Id, StoreScopes.CustomersWrite, StoreScopes.CustomersRead);
        var http = factory.CreateClient();
        var token = await http.TokenAsync(api.Client.ClientId, api.Secret);

        var (first, firstBody) = await http.PostGraphQLWithVariablesAsync(token, Mutation, Input("Uhrmacher AG"), idempotencyKey: "order-42");
        var (again, againBody) = await http.PostGraphQLWithVariablesAsync(token, Mutation, Input("Uhrmacher AG"), idempotencyKey: "order-42");

        Assert.Equal(first.StatusCode, again.StatusCode);
        Assert.Equal((string?)firstBody["data"]!["createCustomer"]!["customer"]!["id"], (string?)againBody["data"]!["createCustomer"]!["customer"]!["id"]);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());

        var (reused, reusedBody) = await http.PostGraphQLWithVariablesAsync(token, Mutation, Input("Autre SA"), idempotencyKey: "order-42");
        Assert.Equal(422, (int)reused.StatusCode);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", (string?)reusedBody["errors"]![0]!["extensions"]!["code"]);

        await http.PostGraphQLWithVariablesAsync(token, Mutation, Input("Uhrmacher AG"));
        var (_, list) = await http.PostGraphQLWithTokenAsync(token, "{ customers(first: 10) { totalCount } }");
        Assert.Equal(2, (int)list["data"]!["customers"]!["totalCount"]!); // one with the key (sent twice), one without
    }
}
