using System.Globalization;
using System.Text.Json.Nodes;
using Store.Api.Tests.Identity;
using Store.Domain;
using Store.Domain.Identity;
using Store.Domain.Numbers;

namespace Store.Api.Tests.Numbers;

public sealed class RoutingTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private const string NumberFields = "id destination destinationChanges { id destination status effectiveAt } routingMode schedule { fallbackOn windows { days from until steps { destination ringSeconds } } } blockedCallers { caller until note } inboundDisplay presentedNumber presentedAs";

    private async Task<(HttpClient Http, string Token, string Number)> NumberAsync(string reseller, string e164Digits)
    {
        var r = await TestData.AddResellerAsync(factory.Services, reseller, reseller + " – client");
        var api = await TestData.AddApiClientAsync(factory.Services, r.Id, StoreScopes.CustomersWrite, StoreScopes.CustomersRead);
        var http = factory.CreateClient();
        var token = await http.TokenAsync(api.Client.ClientId, api.Secret);
        var (_, list) = await http.PostGraphQLWithTokenAsync(token, "{ customers(first: 1) { nodes { id } } }");
        var customer = (string)list["data"]!["customers"]!["nodes"]![0]!["id"]!;
        var date = Porting.EarliestDate(LocalTime.Today(TimeProvider.System)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (_, ported) = await http.PostGraphQLWithVariablesAsync(token, "mutation($i: RequestPortingInput!) { requestPorting(input: $i) { number { id } } }", new { i = new { customerId = customer, number = e164Digits, portingDate = date } });
        return (http, token, (string)ported["data"]!["requestPorting"]!["number"]!["id"]!);
    }

    private static async Task<JsonNode> MutateAsync(HttpClient http, string token, string mutation, string inputType, object input)
    {
        var (_, body) = await http.PostGraphQLWithVariablesAsync(token, $"mutation($i: {inputType}!) {{ {mutation}(input: $i) {{ number {{ {NumberFields} }} userErrors {{ field message code }} }} }}", new { i = input });
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]![mutation]!;
    }

    [Fact]
    public async Task A_destination_is_changed_now_and_another_planned_for_later_shows_as_pending_until_then()
    {
        var (http, token, number) = await NumberAsync("Revendeur Routage", "01 45 67 80 01");
        var now = await MutateAsync(http, token, "changeDestination", "ChangeDestinationInput", new { numberId = number, destination = "06 12 34 56 78" });
        Assert.Empty(now["userErrors"]!.AsArray());
        Assert.Equal("+33612345678", (string?)now["number"]!["destination"]);

        var at = DateTimeOffset.UtcNow.AddDays(3);
        var planned = await MutateAsync(http, token, "changeDestination", "ChangeDestinationInput", new { numberId = number, destination = "01 40 00 00 01", effectiveAt = at });
        Assert.Equal("+33612345678", (string?)planned["number"]!["destination"]);
        var pending = planned["number"]!["destinationChanges"]!.AsArray().Single(c => (string?)c!["status"] == "PENDING")!;
        Assert.Equal("+33140000001", (string?)pending["destination"]);

        var cancelled = await MutateAsync(http, token, "cancelDestinationChange", "CancelDestinationChangeInput", new { numberId = number, changeId = (string)pending["id"]! });
        Assert.Contains(cancelled["number"]!["destinationChanges"]!.AsArray(), c => (string?)c!["status"] == "CANCELLED");
    }

    [Fact]
    public async Task A_weekly_schedule_with_a_fallback_chain_is_saved_and_a_faulty_one_names_the_slot_and_changes_nothing()
    {
        var (http, token, number) = await NumberAsync("Revendeur Planning", "01 45 67 80 02");
        var weekdays = new[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" };
        var saved = await MutateAsync(http, token, "setRoutingSchedule", "SetRoutingScheduleInput", new
        {
            numberId = number,
            fallbackOn = new[] { "NO_ANSWER", "BUSY" },
            routingMode = "VOIP",
            windows = new[] { new { days = weekdays, from = "08:00", until = "18:00", steps = new object[] { new { destination = "01 40 00 00 01", ringSeconds = 15 }, new { destination = "06 12 34 56 78" } } } },
        });
        Assert.Empty(saved["userErrors"]!.AsArray());
        var window = saved["number"]!["schedule"]!["windows"]![0]!;
        Assert.Equal(("08:00", "18:00"), ((string)window["from"]!, (string)window["until"]!));
        Assert.Equal(["+33140000001", "+33612345678"], window["steps"]!.AsArray().Select(s => (string)s!["destination"]!));
        Assert.Equal([15, 20], window["steps"]!.AsArray().Select(s => (int)s!["ringSeconds"]!));
        Assert.Equal(["NO_ANSWER", "BUSY"], saved["number"]!["schedule"]!["fallbackOn"]!.AsArray().Select(f => (string)f!));
        Assert.Equal("VOIP", (string?)saved["number"]!["routingMode"]);

        var faulty = await MutateAsync(http, token, "setRoutingSchedule", "SetRoutingScheduleInput", new
        {
            numberId = number,
            windows = new[]
            {
                new { days = weekdays, from = "08:00", until = "12:00", steps = new object[] { new { destination = "01 40 00 00 01" } } },
                new { days = new[] { "FRIDAY" }, from = "11:00", until = "8h", steps = new object[] { new { destination = "123" } } },
            },
        });
        var faults = faulty["userErrors"]!.AsArray().Select(e => ((string)e!["field"]!, (string)e["code"]!)).ToList();
        Assert.Contains(("windows[1].until", "INVALID_TIME"), faults);
        Assert.Null(faulty["number"]);

        var (_, read) = await http.PostGraphQLWithTokenAsync(token, $$"""{ node(id: "{{number}}") { ... on TelephoneNumber { schedule { windows { until } } } } }""");
        Assert.Equal("18:00", (string?)read["data"]!["node"]!["schedule"]!["windows"]![0]!["until"]);
    }

    [Fact]
    public async Task Callers_are_blocked_until_a_moment_or_for_good_and_unblocked()
    {
        var (http, token, number) = await NumberAsync("Revendeur Liste Noire", "01 45 67 80 03");
        var until = DateTimeOffset.UtcNow.AddDays(7);
        await MutateAsync(http, token, "blockCaller", "BlockCallerInput", new { numberId = number, caller = "06 99 99 99 99", until, note = "Démarchage" });
        var both = await MutateAsync(http, token, "blockCaller", "BlockCallerInput", new { numberId = number, caller = "+41 44 668 18 00" });
        var blocked = both["number"]!["blockedCallers"]!.AsArray();
        Assert.Equal(["+33699999999", "+41446681800"], blocked.Select(b => (string)b!["caller"]!));
        Assert.Null(blocked[1]!["until"]);

        var unblocked = await MutateAsync(http, token, "unblockCaller", "UnblockCallerInput", new { numberId = number, caller = "0699999999" });
        Assert.Equal(["+41446681800"], unblocked["number"]!["blockedCallers"]!.AsArray().Select(b => (string)b!["caller"]!));

        var bad = await MutateAsync(http, token, "blockCaller", "BlockCallerInput", new { numberId = number, caller = "pas un numéro" });
        Assert.Equal(("caller", "INVALID_PHONE_NUMBER"), ((string)bad["userErrors"]![0]!["field"]!, (string)bad["userErrors"]![0]!["code"]!));
    }

    [Fact]
    public async Task A_089_caller_id_is_refused_with_the_ARCEP_reason_and_an_allowed_one_is_kept()
    {
        var (http, token, number) = await NumberAsync("Revendeur Présentation", "01 45 67 80 04");
        var refused = await MutateAsync(http, token, "setCallerDisplay", "SetCallerDisplayInput", new { numberId = number, presentedNumber = "08 99 12 34 56" });
        Assert.Equal(("presentedNumber", "CALLER_ID_NOT_ALLOWED"), ((string)refused["userErrors"]![0]!["field"]!, (string)refused["userErrors"]![0]!["code"]!));
        Assert.Contains("089", (string)refused["userErrors"]![0]!["message"]!, StringComparison.Ordinal);

        var kept = await MutateAsync(http, token, "setCallerDisplay", "SetCallerDisplayInput", new { numberId = number, inboundDisplay = "DIALLED_NUMBER", presentedNumber = "01 62 00 00 00", presentedAs = "AUTOMATED_SYSTEM" });
        Assert.Equal(("DIALLED_NUMBER", "+33162000000", "AUTOMATED_SYSTEM"), ((string)kept["number"]!["inboundDisplay"]!, (string)kept["number"]!["presentedNumber"]!, (string)kept["number"]!["presentedAs"]!));
    }

    [Fact]
    public async Task Another_resellers_number_cannot_be_routed()
    {
        var (_, _, number) = await NumberAsync("Revendeur Propriétaire", "01 45 67 80 05");
        var (http, token, _) = await NumberAsync("Revendeur Intrus", "01 45 67 80 06");
        var attempt = await MutateAsync(http, token, "changeDestination", "ChangeDestinationInput", new { numberId = number, destination = "06 12 34 56 78" });
        Assert.Equal(("numberId", "NOT_FOUND"), ((string)attempt["userErrors"]![0]!["field"]!, (string)attempt["userErrors"]![0]!["code"]!));
    }
}
