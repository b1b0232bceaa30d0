using System.Globalization;
using Store.Api.Tests.Identity;
using Store.Domain;
using Store.Domain.Identity;
using Store.Domain.Numbers;

namespace Store.Api.Tests.Numbers;

public sealed class RequestPortingTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private const string Request = "mutation($i: RequestPortingInput!) { requestPorting(input: $i) { number { id e164 status portingDate } userErrors { field message code } } }";

    private async Task<(HttpClient Http, string Token, string Customer)> SetUpAsync(string reseller)
    {
        var r = await TestData.AddResellerAsync(factory.Services, reseller, reseller + " – client");
        var api = await TestData.AddApiClientAsync(factory.Services, r.Id, StoreScopes.CustomersWrite, StoreScopes.CustomersRead);
        var http = factory.CreateClient();
        var token = await http.TokenAsync(api.Client.ClientId, api.Secret);
        var (_, list) = await http.PostGraphQLWithTokenAsync(token, "{ customers(first: 1) { nodes { id } } }");
        return (http, token, (string)list["data"]!["customers"]!["nodes"]![0]!["id"]!);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_number_is_ported_on_a_date_14_working_days_away_and_shows_on_the_customer()
    {
        var (http, token, customer) = await SetUpAsync("Revendeur Portage");
        var date = Porting.EarliestDate(LocalTime.Today(TimeProvider.System));

        var (_, body) = await http.PostGraphQLWithVariablesAsync(token, Request, new { i = new { customerId = customer, number = "01 45 67 89 12", portingDate = Day(date), currentOperator = "Ancien opérateur" } });
        var payload = body["data"]!["requestPorting"]!;
        Assert.Empty(payload["userErrors"]!.AsArray());
        Assert.Equal(("+33145678912", "PORTING_REQUESTED", Day(date)), ((string)payload["number"]!["e164"]!, (string)payload["number"]!["status"]!, (string)payload["number"]!["portingDate"]!));

        var (_, read) = await http.PostGraphQLWithTokenAsync(token, "{ customers(first: 1) { nodes { numbers { e164 status } } } }");
        Assert.Equal("+33145678912", (string?)read["data"]!["customers"]!["nodes"]![0]!["numbers"]![0]!["e164"]);

        var (_, twice) = await http.PostGraphQLWithVariablesAsync(token, Request, new { i = new { customerId = customer, number = "+33 1 45 67 89 12", portingDate = Day(date) } });
        Assert.Equal("NUMBER_TAKEN", (string?)twice["data"]!["requestPorting"]!["userErrors"]![0]!["code"]);
    }

    [Fact]
    public async Task A_date_too_early_and_an_invalid_number_are_each_named_and_nothing_is_created()
    {
        var (http, token, customer) = await SetUpAsync("Revendeur Trop Tôt");
        var tooEarly = FrenchCalendar.AddWorkingDays(LocalTime.Today(TimeProvider.System), 13);

        var (_, body) = await http.PostGraphQLWithVariablesAsync(token, Request, new { i = new { customerId = customer, number = "01 23", portingDate = Day(tooEarly) } });
        var errors = body["data"]!["requestPorting"]!["userErrors"]!.AsArray().Select(e => ((string)e!["field"]!, (string)e["code"]!)).ToList();
        Assert.Contains(("number", "INVALID_PHONE_NUMBER"), errors);
        Assert.Contains(("portingDate", "PORTING_TOO_EARLY"), errors);

        var (_, read) = await http.PostGraphQLWithTokenAsync(token, "{ customers(first: 1) { nodes { numbers { e164 } } } }");
        Assert.Empty(read["data"]!["customers"]!["nodes"]![0]!["numbers"]!.AsArray());
    }

    [Fact]
    public async Task A_number_is_a_node_only_for_its_reseller()
    {
        var (http, token, customer) = await SetUpAsync("Revendeur Noeud");
        var (_, body) = await http.PostGraphQLWithVariablesAsync(token, Request, new { i = new { customerId = customer, number = "01 45 67 89 13", portingDate = Day(Porting.EarliestDate(LocalTime.Today(TimeProvider.System))) } });
        var id = (string)body["data"]!["requestPorting"]!["number"]!["id"]!;
        var (otherHttp, otherToken, _) = await SetUpAsync("Revendeur Voisin");

        var (_, mine) = await http.PostGraphQLWithTokenAsync(token, $$"""{ node(id: "{{id}}") { ... on TelephoneNumber { e164 } } }""");
        Assert.Equal("+33145678913", (string?)mine["data"]!["node"]!["e164"]);
        var (_, theirs) = await otherHttp.PostGraphQLWithTokenAsync(otherToken, $$"""{ node(id: "{{id}}") { id } }""");
        Assert.Null(theirs["data"]!["node"]);
    }
}
