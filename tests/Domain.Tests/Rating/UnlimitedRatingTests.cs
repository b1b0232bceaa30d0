using Store.Domain.Rating;
using static Store.Domain.Tests.Rating.Tariffs;

namespace Store.Domain.Tests.Rating;

/// <summary>The unlimited hosted-telephony offer under 002's fair use: 2 h a call, 200 distinct recipients a month for the account.</summary>
public sealed class UnlimitedRatingTests
{
    [Fact]
    public void Beyond_two_hours_a_call_is_billed()
    {
        // 7,300 s: 7,200 s included, 100 s x 0.15 / 60 = 0.25 EUR.
        var lines = Rater.Rate(Plan("telephonie-illimitee"), new PeriodCounters(), Outbound("01 45 67 89 12", 7300));
        Assert.Equal((RatingRule.BeyondCallLength, 7200, 0.25m), (lines[1].Rule, lines[1].RuleArg, lines.Total));
        Assert.Equal("beyond 2 h per call", RuleText.Describe(lines[1].Rule, lines[1].RuleArg, "en"));
    }

    [Fact]
    public void The_201st_recipient_of_the_account_is_billed_whichever_user_calls()
    {
        var tariff = Plan("telephonie-illimitee", users: 5);
        var counters = new PeriodCounters();
        for (var i = 1; i <= 200; i++)
        {
            Assert.Equal(0m, Rater.Rate(tariff, counters, Outbound(Fixed(i), 60, user: 1 + (i % 5))).Total);
        }

        // 60 s x 0.0025 = 0.15 EUR.
        var lines = Rater.Rate(tariff, counters, Outbound(Fixed(201), 60, user: 3));
        Assert.Equal((RatingRule.BeyondDistinctCorrespondents, 201, 0.15m), (lines[0].Rule, lines[0].RuleArg, lines.Total));
    }
}
