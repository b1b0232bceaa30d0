using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Api.Tests.Identity;
using Store.Domain;
using Store.Domain.Identity;
using Store.Domain.Numbers;
using Store.Domain.Payments;
using Store.Domain.Persistence;
using Store.Testing;

namespace Store.Api.Tests.Relay;

/// <summary>
/// Walks the whole schema, by introspection, as reseller A holding every id of reseller B's data: each node type,
/// each query and each mutation that takes an id. A finds nothing, and B's data reads the same afterwards.
/// A new node type, query or mutation is walked without touching this test; a node type B has no data of fails it.
/// </summary>
public sealed class TenantWalkTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private const string TypeRef = "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";

    // Everything of B's that A could reach, read as B.
    private const string Snapshot = """
        { customers(first: 2) { nodes { id legalName
            subscriptions { id quantity endsOn terminationFee quantityChanges { quantity effectiveOn } options { code quantity startsOn endsOn } }
            numbers { id destination routingMode inboundDisplay presentedNumber destinationChanges { id destination status }
                      schedule { fallbackOn windows { days from until steps { destination ringSeconds } } } blockedCallers { caller until } }
            invoices(first: 5) { nodes { id number status amountDue lines { amount } payments { amount receivedOn } } } } } }
        """;

    private async Task<(HttpClient Http, string Token)> ResellerAsync(string name, params string[] customers)
    {
        var reseller = await TestData.AddResellerAsync(factory.Services, name, customers);
        var api = await TestData.AddApiClientAsync(factory.Services, reseller.Id, StoreScopes.CustomersRead, StoreScopes.CustomersWrite, StoreScopes.BillingRead);
        var http = factory.CreateClient();
        return (http, await http.TokenAsync(api.Client.ClientId, api.Secret));
    }

    private static async Task<JsonNode> AskAsync(HttpClient http, string token, string query, object? variables = null)
    {
        var (_, body) = await http.PostGraphQLWithVariablesAsync(token, query, variables);
        return body;
    }

    /// <summary>B's customer with a subscription and its option, a changed quantity, a routed number with a planned change and a blocked caller.</summary>
    private static async Task<Dictionary<string, string>> FillAsync(HttpClient http, string token)
    {
        var ids = new Dictionary<string, string>();
        var customer = (string)(await AskAsync(http, token, "{ customers(first: 1) { nodes { id } } }"))["data"]!["customers"]!["nodes"]![0]!["id"]!;
        ids["Customer"] = customer;
        var today = LocalTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var subscribed = await AskAsync(http, token, "mutation($i: SubscribeInput!) { subscribe(input: $i) { subscription { id } } }", new { i = new { customerId = customer, productCode = "forfait-pro", billingPeriod = "MONTHLY", quantity = 3, startsOn = today, options = new[] { new { code = "call-recording", quantity = 1 } } } });
        ids["ProductSubscription"] = (string)subscribed["data"]!["subscribe"]!["subscription"]!["id"]!;
        await AskAsync(http, token, "mutation($i: ChangeSubscriptionQuantityInput!) { changeSubscriptionQuantity(input: $i) { userErrors { code } } }", new { i = new { subscriptionId = ids["ProductSubscription"], quantity = 5 } });
        var porting = Porting.EarliestDate(LocalTime.Today(TimeProvider.System)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var ported = await AskAsync(http, token, "mutation($i: RequestPortingInput!) { requestPorting(input: $i) { number { id } } }", new { i = new { customerId = customer, number = "01 45 67 70 01", portingDate = porting } });
        ids["TelephoneNumber"] = (string)ported["data"]!["requestPorting"]!["number"]!["id"]!;
        await AskAsync(http, token, "mutation($i: ChangeDestinationInput!) { changeDestination(input: $i) { userErrors { code } } }", new { i = new { numberId = ids["TelephoneNumber"], destination = "01 40 00 00 01", effectiveAt = DateTimeOffset.UtcNow.AddDays(5) } });
        await AskAsync(http, token, "mutation($i: BlockCallerInput!) { blockCaller(input: $i) { userErrors { code } } }", new { i = new { numberId = ids["TelephoneNumber"], caller = "06 99 99 99 99" } });
        var contract = await AskAsync(http, token, "{ customers(first: 1) { nodes { contracts { id } } } }");
        ids["Contract"] = (string)contract["data"]!["customers"]!["nodes"]![0]!["contracts"]![0]!["id"]!;
        var change = await AskAsync(http, token, "{ customers(first: 1) { nodes { numbers { destinationChanges { id } } } } }");
        ids["DestinationChange"] = (string)change["data"]!["customers"]!["nodes"]![0]!["numbers"]![0]!["destinationChanges"]![0]!["id"]!;
        return ids;
    }

    /// <summary>An invoice of the customer, paid in part: invoices are issued by the billing run, never through the API.</summary>
    private async Task<string> InvoiceOfAsync(string legalName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var customerId = await scope.ServiceProvider.GetRequiredService<StoreDb>().Customers.Where(c => c.LegalName == legalName).Select(c => c.Id).SingleAsync();
        var invoice = await TestInvoices.IssueAsync(factory.Services, customerId);
        await scope.ServiceProvider.GetRequiredService<PaymentBook>().RecordAsync(invoice.Id, Money.Eur(10m), new DateOnly(2026, 4, 20), PaymentMethod.BankTransfer, null, "manual:walk");
        return Store.Api.Relay.GlobalId.Encode(Store.Api.Billing.InvoiceType.TypeName, invoice.Id);
    }

    [Fact]
    public async Task Reseller_A_walks_every_node_query_and_mutation_over_reseller_Bs_ids_finds_nothing_and_changes_nothing()
    {
        var (httpB, tokenB) = await ResellerAsync("Revendeur Bêta", "Bêta – Clinique");
        var (httpA, tokenA) = await ResellerAsync("Revendeur Alpha", "Alpha – Atelier");
        var idsOfB = await FillAsync(httpB, tokenB);
        idsOfB["Invoice"] = await InvoiceOfAsync("Bêta – Clinique");
        var before = (await AskAsync(httpB, tokenB, Snapshot))["data"]!.ToJsonString();
        Assert.True(before.Contains("33699999999", StringComparison.Ordinal), before);

        var schema = (await AskAsync(httpA, tokenA, $$"""
            { __schema {
                types { name kind interfaces { name } inputFields { name type { {{TypeRef}} } } enumValues { name } }
                queryType { fields { name args { name type { {{TypeRef}} } } type { {{TypeRef}} } } }
                mutationType { fields { name args { name type { {{TypeRef}} } } } } } }
            """))["data"]!["__schema"]!;
        var types = schema["types"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => t!);

        // Every node type has data of B's to try.
        var nodeTypes = types.Values.Where(t => t["interfaces"]?.AsArray().Any(i => (string?)i!["name"] == "Node") == true).Select(t => (string)t["name"]!).ToList();
        Assert.NotEmpty(nodeTypes);
        Assert.All(nodeTypes, t => Assert.True(idsOfB.ContainsKey(t), $"The walk has no data of node type {t}: add some to FillAsync."));

        foreach (var id in idsOfB.Values)
        {
            var node = await AskAsync(httpA, tokenA, $$"""{ node(id: "{{id}}") { id } nodes(ids: ["{{id}}"]) { id } }""");
            Assert.Null(node["data"]!["node"]);
            Assert.Null(node["data"]!["nodes"]![0]);
        }

        var walked = 0;
        foreach (var field in schema["queryType"]!["fields"]!.AsArray())
        {
            var args = field!["args"]!.AsArray();
            if (!args.Any(a => Named(a!["type"]!) == "ID") || (string)field["name"]! is "node" or "nodes")
            {
                continue;
            }

            foreach (var id in idsOfB.Values)
            {
                var arguments = string.Join(", ", args.Where(a => a!["type"]!["kind"]!.GetValue<string>() == "NON_NULL" || Named(a["type"]!) == "ID")
                    .Select(a => $"{(string)a!["name"]!}: {Literal(a["type"]!, id)}"));
                var selection = IsObject(types, field["type"]!) ? " { __typename }" : string.Empty;
                var body = await AskAsync(httpA, tokenA, $"{{ {(string)field["name"]!}({arguments}){selection} }}");
                Assert.True(body["data"]?[(string)field["name"]!] is null, $"{field["name"]} answered A with B's {id}: {body.ToJsonString()}");
                walked++;
            }
        }

        foreach (var field in schema["mutationType"]!["fields"]!.AsArray())
        {
            var input = field!["args"]!.AsArray().SingleOrDefault(a => (string)a!["name"]! == "input");
            if (input is null || !Mentions(types, Named(input["type"]!), "ID"))
            {
                continue;
            }

            foreach (var id in idsOfB.Values)
            {
                var value = Build(types, Named(input["type"]!), id);
                var body = await AskAsync(httpA, tokenA, $"mutation($i: {Named(input["type"]!)}!) {{ {(string)field["name"]!}(input: $i) {{ userErrors {{ code }} }} }}", new { i = value });
                var errors = body["data"]?[(string)field["name"]!]?["userErrors"]?.AsArray();
                Assert.True(errors is null || errors.Count > 0, $"{field["name"]} accepted A's input with B's {id}: {body.ToJsonString()}");
                walked++;
            }
        }

        Assert.True(walked > 40, $"Only {walked} calls were walked.");
        Assert.Equal(before, (await AskAsync(httpB, tokenB, Snapshot))["data"]!.ToJsonString());

        var (_, listA) = await httpA.PostGraphQLWithTokenAsync(tokenA, "{ customers(first: 100) { nodes { legalName } } }");
        Assert.Equal(["Alpha – Atelier"], listA["data"]!["customers"]!["nodes"]!.AsArray().Select(n => (string)n!["legalName"]!));
    }

    private static string Named(JsonNode type) => type["name"]?.GetValue<string>() ?? Named(type["ofType"]!);

    private static bool IsObject(Dictionary<string, JsonNode> types, JsonNode type) =>
        types[Named(type)]["kind"]!.GetValue<string>() is "OBJECT" or "INTERFACE" or "UNION";

    private static bool Mentions(Dictionary<string, JsonNode> types, string inputType, string scalar) =>
        types[inputType]["inputFields"]!.AsArray().Any(f => Named(f!["type"]!) == scalar || (types[Named(f["type"]!)]["kind"]!.GetValue<string>() == "INPUT_OBJECT" && Mentions(types, Named(f["type"]!), scalar)));

    private static string Literal(JsonNode type, string id) => Named(type) switch
    {
        "ID" => $"\"{id}\"",
        "Int" => "1",
        "Boolean" => "true",
        _ => "\"x\"",
    };

    /// <summary>A valid-looking input whose every id is <paramref name="id"/>: only the tenant rule can stop it.</summary>
    private static JsonObject Build(Dictionary<string, JsonNode> types, string inputType, string id)
    {
        var value = new JsonObject();
        foreach (var field in types[inputType]["inputFields"]!.AsArray())
        {
            var name = (string)field!["name"]!;
            var type = field["type"]!;
            var required = type["kind"]!.GetValue<string>() == "NON_NULL";
            var named = Named(type);
            var isList = (required ? type["ofType"]! : type)["kind"]!.GetValue<string>() == "LIST";
            if (!required && named != "ID")
            {
                continue;
            }

            JsonNode? one = named switch
            {
                "ID" => id,
                "Int" => 1,
                "Boolean" => true,
                "Decimal" => 1,
                "String" => "06 12 34 56 78",
                "Date" => Porting.EarliestDate(LocalTime.Today(TimeProvider.System)).AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "DateTimeOffset" or "DateTime" => DateTimeOffset.UtcNow.AddDays(3).ToString("O", CultureInfo.InvariantCulture),
                _ when types[named]["kind"]!.GetValue<string>() == "ENUM" => (string)types[named]["enumValues"]![0]!["name"]!,
                _ when types[named]["kind"]!.GetValue<string>() == "INPUT_OBJECT" => Build(types, named, id),
                _ => "x",
            };
            value[name] = isList ? (types[named]["kind"]!.GetValue<string>() == "INPUT_OBJECT" ? new JsonArray() : new JsonArray(one)) : one;
        }

        return value;
    }
}
