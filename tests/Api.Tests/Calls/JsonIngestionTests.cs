using System.Net;
using Microsoft.EntityFrameworkCore;
using Store.Api.Tests.Identity;
using Store.Domain.Rating;
using static Store.Api.Tests.Calls.CallsTestData;

namespace Store.Api.Tests.Calls;

public sealed class JsonIngestionTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task A_batch_is_stored_and_rated_with_the_rule_that_priced_each_call()
    {
        var customer = await AddCustomerAsync(factory.Services, "+33145000001");
        var http = await PlatformAsync(factory);

        // 600 s included; 3,900 s = 1 h + 300 s beyond at 0.15 EUR / min = 0.75 EUR.
        var (response, body) = await http.PostJsonAsync("/api/calls/json", new { records = new[] { Outbound("j-1", "+33145000001", "0612345678", 600), Outbound("j-2", "+33145000001", "0140000002", 3900) } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2, 0), ((int)body["accepted"]!, body["quarantined"]!.AsArray().Count));
        var charges = await ChargesAsync(factory.Services, customer);
        Assert.Equal(0.75m, charges.Sum(c => c.Amount));
        var overage = Assert.Single(charges, c => c.Amount > 0);
        Assert.Equal((ChargeCategory.DomesticOverage, "2025-03", "beyond 1 h per call", "au-delà de 1 h par appel"), (overage.Category, overage.Period, overage.Describe("en"), overage.Describe("fr")));
    }

    [Fact]
    public async Task A_record_sent_twice_is_stored_and_charged_once()
    {
        var customer = await AddCustomerAsync(factory.Services, "+33145000002");
        var http = await PlatformAsync(factory);
        // The second with the microseconds some platforms send: stored to the millisecond, it is still the same call.
        var batch = new { records = new[] { Outbound("d-1", "+33145000002", "+4930123456", 120), Outbound("d-2", "+33145000002", "0612345678", 60, start: "2025-03-10T15:00:00.1234567+01:00") } };

        await http.PostJsonAsync("/api/calls/json", batch);
        var (_, again) = await http.PostJsonAsync("/api/calls/json", batch);

        Assert.Equal((0, 2, 0), ((int)again["accepted"]!, (int)again["duplicates"]!, (int)again["replaced"]!));
        Assert.Equal(2, await QueryAsync(factory.Services, db => db.CallRecords.CountAsync(c => c.CustomerId == customer)));

        // 120 s to Germany at 0.89 EUR / min = 1.78 EUR, once.
        Assert.Equal(1.78m, (await ChargesAsync(factory.Services, customer)).Sum(c => c.Amount));
    }

    [Fact]
    public async Task A_later_version_of_a_call_replaces_the_first_with_an_adjustment_of_the_difference()
    {
        var customer = await AddCustomerAsync(factory.Services, "+33145000003");
        var http = await PlatformAsync(factory);

        // First 3,700 s: 100 s beyond the hour, 0.25 EUR; then the transfer ends at 4,000 s: 400 s beyond, 1.00 EUR.
        await http.PostJsonAsync("/api/calls/json", new[] { Outbound("t-1", "+33145000003", "0612345678", 3700) });
        var (_, body) = await http.PostJsonAsync("/api/calls/json", new[] { Outbound("t-1", "+33145000003", "0612345678", 4000) });

        Assert.Equal((0, 1), ((int)body["accepted"]!, (int)body["replaced"]!));
        var charges = await ChargesAsync(factory.Services, customer);
        var adjustment = Assert.Single(charges, c => c.Kind == ChargeKind.Adjustment);
        Assert.Equal((0.75m, 300, AdjustmentReason.CallReplaced), (adjustment.Amount, adjustment.Seconds, adjustment.Reason));
        Assert.Equal(1.00m, charges.Sum(c => c.Amount));
        var record = await QueryAsync(factory.Services, db => db.CallRecords.SingleAsync(c => c.PlatformCallId == "t-1"));
        Assert.Equal((2, 4000), (record.Revision, record.Seconds));
    }

    [Fact]
    public async Task In_a_mixed_batch_the_good_records_are_taken_and_each_bad_one_is_quarantined_with_its_field_and_reason()
    {
        var customer = await AddCustomerAsync(factory.Services, "+33145000004");
        var http = await PlatformAsync(factory);
        var records = new object[]
        {
            Outbound("m-1", "+33145000004", "0612345678", 60),
            Outbound("m-2", "+33199999999", "0612345678", 60),
            new { callId = "m-3", direction = "outbound", caller = "+33145000004", callee = "0612345678", startedAt = "2025-03-10T14:00:00Z", answeredAt = "2025-03-10T14:00:00Z", endedAt = "2025-03-10T13:00:00Z" },
            new { callId = "m-4", direction = "outbound", caller = "+33145000004", callee = "0612345678", startedAt = "le dix mars", endedAt = "2025-03-10T13:00:00Z" },
            Outbound("m-5", "+33145000004", "06 12", 60),
            new { callId = 42 },
            Outbound("m-7", "+33145000004", "0140000007", 30),
        };

        var (response, body) = await http.PostJsonAsync("/api/calls/json", new { records });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (int)body["accepted"]!);
        var refused = body["quarantined"]!.AsArray().Select(q => ((int)q!["index"]!, (string)q["field"]!, (string)q["code"]!)).ToList();
        Assert.Equal([(1, "account", "UNKNOWN_NUMBER"), (2, "endedAt", "END_BEFORE_START"), (3, "startedAt", "INVALID_TIME"), (4, "callee", "INVALID_PHONE_NUMBER"), (5, "callId", "UNREADABLE_RECORD")], refused.OrderBy(r => r.Item1));
        var kept = await QueryAsync(factory.Services, db => db.QuarantinedCalls.Where(q => q.PlatformCallId != null && q.PlatformCallId.StartsWith("m-")).ToListAsync());
        Assert.Contains(kept, q => q.PlatformCallId == "m-2" && q.Raw.Contains("33199999999", StringComparison.Ordinal) && q.Reason == "No customer holds +33199999999 with Store.");
        Assert.Equal(2, await QueryAsync(factory.Services, db => db.CallRecords.CountAsync(c => c.CustomerId == customer)));
    }

    [Fact]
    public async Task A_quarantined_record_is_replayed_once_its_number_exists_or_once_corrected()
    {
        var customer = await AddCustomerAsync(factory.Services, "+33145000005");
        var http = await PlatformAsync(factory);
        var (_, body) = await http.PostJsonAsync("/api/calls/json", new object[]
        {
            Outbound("r-1", "+33145000006", "0612345678", 3660),
            new { callId = "r-2", direction = "outbound", caller = "+33145000005", callee = "0612345678", startedAt = "2025-03-10T14:00:00Z", answeredAt = "2025-03-10T14:00:00Z", endedAt = "2025-03-10T13:00:00Z" },
        });
        var unknown = (string)body["quarantined"]![0]!["id"]!;
        var backwards = (string)body["quarantined"]![1]!["id"]!;

        // Replayed as it was, it fails again with the same reason, and stays in quarantine.
        var (still, stillBody) = await http.PostJsonAsync($"/api/calls/quarantine/{unknown}/replay", new { });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "UNKNOWN_NUMBER"), (still.StatusCode, (string?)stillBody["code"]));

        // The number is added to the customer: the replay takes the call and rates it (60 s beyond the hour: 0.15 EUR).
        await AddNumberAsync(factory.Services, customer, "+33145000006");
        using var empty = new HttpRequestMessage(HttpMethod.Post, $"/api/calls/quarantine/{unknown}/replay");
        var replayed = await http.SendAsync(empty);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal(0.15m, (await ChargesAsync(factory.Services, customer)).Sum(c => c.Amount));

        // A corrected record replaces the bad one.
        var (corrected, _) = await http.PostJsonAsync($"/api/calls/quarantine/{backwards}/replay", Outbound("r-2", "+33145000005", "0612345678", 30));
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);

        var (twice, twiceBody) = await http.PostJsonAsync($"/api/calls/quarantine/{unknown}/replay", new { });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "ALREADY_REPLAYED"), (twice.StatusCode, (string?)twiceBody["code"]));
        var open = await QueryAsync(factory.Services, db => db.QuarantinedCalls.CountAsync(q => (q.PlatformCallId == "r-1" || q.PlatformCallId == "r-2") && q.ReplayedAt == null));
        Assert.Equal(0, open);
        Assert.Equal(2, await QueryAsync(factory.Services, db => db.CallRecords.CountAsync(c => c.CustomerId == customer)));
    }

    [Fact]
    public async Task Only_the_platform_token_with_calls_write_may_send_calls()
    {
        var anonymous = factory.CreateClient();
        var (noToken, _) = await anonymous.PostJsonAsync("/api/calls/json", new { records = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);

        var reseller = await TestData.AddResellerAsync(factory.Services, "Revendeur Appels");
        var client = await TestData.AddApiClientAsync(factory.Services, reseller.Id, Domain.Identity.StoreScopes.CallsRead);
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await http.TokenAsync(client.Client.ClientId, client.Secret));
        var (forbidden, _) = await http.PostJsonAsync("/api/calls/json", new { records = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
