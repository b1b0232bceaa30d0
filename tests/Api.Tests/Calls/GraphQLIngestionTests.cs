using Microsoft.EntityFrameworkCore;
using Store.Api.Tests.Identity;
using Store.Site.Identity.OpenId;
using static Store.Api.Tests.Calls.CallsTestData;

namespace Store.Api.Tests.Calls;

public sealed class GraphQLIngestionTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private const string Ingest = "mutation($i: IngestCallRecordsInput!) { ingestCallRecords(input: $i) { accepted duplicates replaced quarantined { index id callId field code } userErrors { code } } }";
    private const string Replay = "mutation($i: ReplayQuarantinedCallInput!) { replayQuarantinedCall(input: $i) { replayed callRecordId userErrors { field code } } }";

    [Fact]
    public async Task The_platform_sends_a_batch_through_the_mutation_and_replays_a_corrected_record()
    {
        var customer = await AddCustomerAsync(factory.Services, "+33145000201");
        var http = factory.CreateClient();
        var token = await http.TokenAsync(OpenIdClientSeeder.PlatformClientId, IdentityFactory.PlatformSecret);
        var records = new object[]
        {
            Outbound("g-1", "+33145000201", "+4930123456", 30),
            new { callId = "g-2", direction = "sideways", caller = "+33145000201", callee = "0612345678", startedAt = "2025-03-10T14:00:00Z", endedAt = "2025-03-10T14:01:00Z" },
        };

        var (_, body) = await http.PostGraphQLWithVariablesAsync(token, Ingest, new { i = new { records } });

        var payload = body["data"]!["ingestCallRecords"]!;
        Assert.Equal(1, (int)payload["accepted"]!);
        var refused = payload["quarantined"]![0]!;
        Assert.Equal((1, "g-2", "direction", "INVALID_DIRECTION"), ((int)refused["index"]!, (string)refused["callId"]!, (string)refused["field"]!, (string)refused["code"]!));

        // 30 s to Germany on Start: 30 x 0.89 / 60 = 0.445 EUR.
        Assert.Equal(0.445m, (await ChargesAsync(factory.Services, customer)).Sum(c => c.Amount));

        var (_, replay) = await http.PostGraphQLWithVariablesAsync(token, Replay, new { i = new { id = (string)refused["id"]!, record = Outbound("g-2", "+33145000201", "0612345678", 60) } });
        Assert.True((bool)replay["data"]!["replayQuarantinedCall"]!["replayed"]!);
        Assert.Equal(2, await QueryAsync(factory.Services, db => db.CallRecords.CountAsync(c => c.CustomerId == customer)));

        // The same batch again: the good record is a duplicate, the bad one is still bad and quarantined again, never taken.
        var (_, again) = await http.PostGraphQLWithVariablesAsync(token, Ingest, new { i = new { records } });
        var second = again["data"]!["ingestCallRecords"]!;
        Assert.Equal((0, 1, 1), ((int)second["accepted"]!, (int)second["duplicates"]!, second["quarantined"]!.AsArray().Count));
    }

    [Fact]
    public async Task A_reseller_token_cannot_send_calls_even_with_calls_read()
    {
        var reseller = await TestData.AddResellerAsync(factory.Services, "Revendeur GraphQL Appels");
        var client = await TestData.AddApiClientAsync(factory.Services, reseller.Id, Domain.Identity.StoreScopes.CallsRead);
        var http = factory.CreateClient();
        var token = await http.TokenAsync(client.Client.ClientId, client.Secret);

        var (_, body) = await http.PostGraphQLWithVariablesAsync(token, Ingest, new { i = new { records = new[] { Outbound("x-1", "+33145000201", "0612345678", 30) } } });

        Assert.Equal("FORBIDDEN", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }
}
