using System.Net;
using Microsoft.EntityFrameworkCore;
using Store.Api.Tests.Identity;
using Store.Domain.Calls;
using Store.Domain.Rating;
using static Store.Api.Tests.Calls.CallsTestData;

namespace Store.Api.Tests.Calls;

/// <summary>CDRs as Asterisk and FreeSWITCH write them.</summary>
public sealed class SwitchFormatTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    [Fact]
    public async Task Asterisk_master_csv_lines_are_read_in_the_switch_time_zone_and_rated()
    {
        var customer = await AddCustomerAsync(factory.Services, "+33145000101");
        var http = await PlatformAsync(factory);
        const string Csv = """"
            "","0145000101","0612345678","from-internal","""Alice"" <0145000101>","PJSIP/alice-00000001","PJSIP/trunk-00000002","Dial","PJSIP/0612345678@trunk","2025-03-10 14:00:00","2025-03-10 14:00:05","2025-03-10 15:05:05",3905,3900,"ANSWERED","DOCUMENTATION","1741611600.1",""
            "","0612345678","0145000101","from-trunk","""Bob"" <0612345678>","PJSIP/trunk-00000003","PJSIP/alice-00000004","Dial","PJSIP/alice","2025-03-10 16:00:00","","2025-03-10 16:00:20",20,0,"NO ANSWER","DOCUMENTATION","1741618800.2",""
            "","0145000101","0612345678","from-internal","","PJSIP/alice-00000005","","Dial","","2025-03-10 17:00:00"
            """";

        var (response, body) = await http.PostTextAsync("/api/calls/asterisk?timeZone=Europe/Paris", Csv, "text/csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (int)body["accepted"]!);
        Assert.Equal(("line", "UNREADABLE_RECORD"), ((string)body["quarantined"]![0]!["field"]!, (string)body["quarantined"]![0]!["code"]!));
        var first = await QueryAsync(factory.Services, db => db.CallRecords.SingleAsync(c => c.PlatformCallId == "1741611600.1"));
        Assert.Equal((new DateTimeOffset(2025, 3, 10, 13, 0, 0, TimeSpan.Zero), "alice", 3900, CallDirection.Outbound), (first.StartedAt, first.User, first.Seconds, first.Direction));
        var second = await QueryAsync(factory.Services, db => db.CallRecords.SingleAsync(c => c.PlatformCallId == "1741618800.2"));
        Assert.Equal((CallDirection.Inbound, CallDisposition.NoAnswer, 0), (second.Direction, second.Disposition, second.Seconds));

        // 3,900 s: 300 s beyond the hour at 0.15 EUR / min = 0.75 EUR.
        Assert.Equal(0.75m, (await ChargesAsync(factory.Services, customer)).Sum(c => c.Amount));
    }

    [Fact]
    public async Task FreeSwitch_json_cdrs_are_read_from_their_url_encoded_variables()
    {
        var customer = await AddCustomerAsync(factory.Services, "+33145000102", "forfait-pro");
        var http = await PlatformAsync(factory);
        var start = new DateTimeOffset(2025, 3, 12, 9, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var cdrs = new[]
        {
            new { variables = new Dictionary<string, string> { ["uuid"] = "fs-1", ["direction"] = "outbound", ["user_name"] = "bob", ["caller_id_number"] = "%2B33145000102", ["destination_number"] = "%2B34612345678", ["start_epoch"] = $"{start}", ["answer_epoch"] = $"{start + 3}", ["end_epoch"] = $"{start + 63}", ["hangup_cause"] = "NORMAL_CLEARING" } },
            new { variables = new Dictionary<string, string> { ["uuid"] = "fs-2", ["direction"] = "outbound", ["user_name"] = "bob", ["caller_id_number"] = "%2B33145000102", ["destination_number"] = "%2B4930123456", ["start_epoch"] = $"{start + 100}", ["answer_epoch"] = $"{start + 100}", ["end_epoch"] = $"{start + 700}", ["hangup_cause"] = "NORMAL_CLEARING" } },
            new { variables = new Dictionary<string, string> { ["uuid"] = "fs-3", ["direction"] = "outbound", ["caller_id_number"] = "%2B33145000102", ["destination_number"] = "0612345678", ["start_epoch"] = $"{start + 800}", ["answer_epoch"] = "0", ["end_epoch"] = $"{start + 830}", ["hangup_cause"] = "USER_BUSY" } },
        };

        var (response, body) = await http.PostJsonAsync("/api/calls/freeswitch", cdrs);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (int)body["accepted"]!);

        // Pro: a Spanish mobile is not included, 60 s x 0.89 / 60 = 0.89 EUR; a German fixed line is; the busy call is free.
        var charges = await ChargesAsync(factory.Services, customer);
        Assert.Equal(0.89m, charges.Sum(c => c.Amount));
        Assert.Contains(charges, c => c.Rule == RatingRule.DestinationNotIncluded && c.Seconds == 60);
        Assert.Contains(charges, c => c.Rule == RatingRule.NotAnswered);
        var busy = await QueryAsync(factory.Services, db => db.CallRecords.SingleAsync(c => c.PlatformCallId == "fs-3"));
        Assert.Equal(CallDisposition.Busy, busy.Disposition);
    }
}
