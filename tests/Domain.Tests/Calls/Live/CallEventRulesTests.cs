using Store.Domain.Calls;

namespace Store.Domain.Tests.Calls.Live;

public sealed class CallEventRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static IncomingCallEvent Valid(string number = "01 84 80 00 01") =>
        new("e-1", "c-1", number, null, "started", Now, "+33612345678", number, "inbound");

    [Fact]
    public void A_valid_event_is_read_with_its_number_in_E164()
    {
        var outcome = CallEventRules.Check("events[0]", Valid(), Now);
        Assert.True(outcome.Succeeded);
        Assert.Equal("+33184800001", outcome.Value!.Number);
        Assert.Equal(CallEventKind.Started, outcome.Value.Kind);
    }

    [Theory]
    [InlineData("kind", "INVALID_KIND")]
    [InlineData("future", "IN_THE_FUTURE")]
    [InlineData("old", "TOO_OLD")]
    [InlineData("revenue", "NOT_PREMIUM_RATE")]
    [InlineData("duration", "INVALID_DURATION")]
    [InlineData("nobody", "NUMBER_OR_ACCOUNT_REQUIRED")]
    public void A_bad_event_says_which_field_is_wrong(string fault, string code)
    {
        var e = fault switch
        {
            "kind" => Valid() with { Kind = "1" },
            "future" => Valid() with { At = Now.AddMinutes(6) },
            "old" => Valid() with { At = Now.AddDays(-3) },
            "revenue" => Valid() with { Kind = "ended", Revenue = 2m },
            "duration" => Valid() with { DurationSeconds = 30 },
            _ => Valid() with { Number = null },
        };

        var outcome = CallEventRules.Check("events[3]", e, Now);
        Assert.Equal(code, Assert.Single(outcome.Problems).Code);
        Assert.StartsWith("events[3].", outcome.Problems[0].Field, StringComparison.Ordinal);
    }

    [Fact]
    public void Premium_rate_numbers_carry_a_tariff()
    {
        var outcome = CallEventRules.Check("e", Valid("+41 900 123 456") with { TariffPerMinute = 2.5m }, Now);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
    }
}
