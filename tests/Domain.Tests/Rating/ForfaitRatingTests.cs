using Store.Domain.Calls;
using Store.Domain.Rating;
using static Store.Domain.Tests.Rating.Tariffs;

namespace Store.Domain.Tests.Rating;

/// <summary>The Forfait Start and Pro rules of 003, amounts worked out by hand.</summary>
public sealed class ForfaitRatingTests
{
    [Fact]
    public void A_call_to_a_metropolitan_fixed_line_is_included_and_ranks_its_correspondent()
    {
        var lines = Rater.Rate(Plan("forfait-start"), new PeriodCounters(), Outbound("01 45 67 89 12", 600));

        var line = Assert.Single(lines.ToArray());
        Assert.Equal((ChargeCategory.Included, RatingRule.IncludedInBundle, 1, 600, 0m), (line.Category, line.Rule, line.RuleArg, line.Seconds, line.Amount));
    }

    [Fact]
    public void The_part_of_a_call_beyond_one_hour_is_billed_per_second_at_0_15_a_minute()
    {
        // 1 h 05 min = 3,900 s: 3,600 s included, 300 s beyond. 300 s x 0.15 / 60 = 0.75 EUR.
        var lines = Rater.Rate(Plan("forfait-start"), new PeriodCounters(), Outbound("06 12 34 56 78", 3900)).ToArray();

        Assert.Equal(2, lines.Length);
        Assert.Equal((ChargeCategory.Included, 3600, 0m), (lines[0].Category, lines[0].Seconds, lines[0].Amount));
        Assert.Equal((ChargeCategory.DomesticOverage, RatingRule.BeyondCallLength, 3600, 300, 0.75m), (lines[1].Category, lines[1].Rule, lines[1].RuleArg, lines[1].Seconds, lines[1].Amount));
        Assert.Equal("beyond 1 h per call", RuleText.Describe(lines[1].Rule, lines[1].RuleArg, "en"));
        Assert.Equal("au-delà de 1 h par appel", RuleText.Describe(lines[1].Rule, lines[1].RuleArg, "fr"));
    }

    [Fact]
    public void The_101st_distinct_correspondent_of_a_user_is_billed_but_calling_an_earlier_one_again_stays_included()
    {
        var tariff = Plan("forfait-pro");
        var counters = new PeriodCounters();
        for (var i = 1; i <= 100; i++)
        {
            Assert.Equal(0m, Rater.Rate(tariff, counters, Outbound(Fixed(i), 60)).Total);
        }

        // The 101st: 120 s x 0.15 / 60 = 0.30 EUR.
        var hundredFirst = Rater.Rate(tariff, counters, Outbound(Fixed(101), 120));
        Assert.Equal((ChargeCategory.DomesticOverage, RatingRule.BeyondDistinctCorrespondents, 101, 0.30m), (hundredFirst[0].Category, hundredFirst[0].Rule, hundredFirst[0].RuleArg, hundredFirst.Total));
        Assert.Equal("101st correspondent this month", RuleText.Describe(hundredFirst[0].Rule, hundredFirst[0].RuleArg, "en"));
        Assert.Equal("101e correspondant ce mois-ci", RuleText.Describe(hundredFirst[0].Rule, hundredFirst[0].RuleArg, "fr"));

        // The 5th correspondent again: still one of the first hundred, included.
        Assert.Equal(0m, Rater.Rate(tariff, counters, Outbound(Fixed(5), 600)).Total);

        // The 101st again: still beyond, 40 s x 0.0025 = 0.10 EUR.
        Assert.Equal(0.10m, Rater.Rate(tariff, counters, Outbound(Fixed(101), 40)).Total);
    }

    [Fact]
    public void Correspondents_are_counted_per_user()
    {
        var tariff = Plan("forfait-start", users: 2);
        var counters = new PeriodCounters();
        for (var i = 1; i <= 100; i++)
        {
            Rater.Rate(tariff, counters, Outbound(Fixed(i), 30, user: 1));
        }

        // User 2's first correspondent is included even though user 1 has used its hundred.
        Assert.Equal(0m, Rater.Rate(tariff, counters, Outbound(Fixed(500), 30, user: 2)).Total);
        Assert.Equal(0.075m, Rater.Rate(tariff, counters, Outbound(Fixed(500), 30, user: 1)).Total); // 30 s x 0.0025
    }

    [Fact]
    public void International_is_0_89_a_minute_on_Start_and_included_on_Pro_for_its_listed_countries_and_lines()
    {
        // 61 s to a German fixed line on Start: 61 x 0.89 / 60 = 54.29 / 60 = 0.904833... -> 0.9048 EUR.
        var start = Rater.Rate(Plan("forfait-start"), new PeriodCounters(), Outbound("+49 30 12345678", 61));
        Assert.Equal((ChargeCategory.InternationalOverage, RatingRule.DestinationNotIncluded, 0.9048m), (start[0].Category, start[0].Rule, start.Total));

        // Pro includes Germany fixed and mobile.
        Assert.Equal(ChargeCategory.Included, Rater.Rate(Plan("forfait-pro"), new PeriodCounters(), Outbound("+49 30 12345678", 61))[0].Category);

        // Pro includes Spain's fixed lines only: a Spanish mobile costs 0.9048 EUR for 61 s, a fixed line nothing.
        Assert.Equal(0.9048m, Rater.Rate(Plan("forfait-pro"), new PeriodCounters(), Outbound("+34 612 345 678", 61)).Total);
        Assert.Equal(0m, Rater.Rate(Plan("forfait-pro"), new PeriodCounters(), Outbound("+34 912 345 678", 61)).Total);
    }

    [Fact]
    public void Overseas_departments_are_international_on_Start_and_included_on_Pro()
    {
        // La Réunion, dialled in national form: 60 s x 0.89 / 60 = 0.89 EUR on Start.
        Assert.Equal(0.89m, Rater.Rate(Plan("forfait-start"), new PeriodCounters(), Outbound("0262 21 23 45", 60)).Total);
        Assert.Equal(0m, Rater.Rate(Plan("forfait-pro"), new PeriodCounters(), Outbound("0262 21 23 45", 60)).Total);
    }

    [Theory]
    [InlineData("08 99 23 45 67", 90, "0.225")] // 90 s x 0.0025
    [InlineData("3900", 90, "0.225")]
    [InlineData("118712", 61, "0.1525")] // 61 s x 0.0025
    public void Special_numbers_are_outside_the_bundle_at_the_domestic_rate(string number, int seconds, string amount)
    {
        var lines = Rater.Rate(Plan("forfait-pro"), new PeriodCounters(), Outbound(number, seconds));
        Assert.Equal((ChargeCategory.SpecialNumber, RatingRule.SpecialNumberOutsideBundle), (lines[0].Category, lines[0].Rule));
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), lines.Total);
    }

    [Fact]
    public void Forwarding_to_an_external_number_is_outside_the_bundle()
    {
        // 200 s forwarded to a French mobile: 200 x 0.0025 = 0.50 EUR, and the correspondent is not counted.
        var counters = new PeriodCounters();
        var lines = Rater.Rate(Plan("forfait-start"), counters, Outbound("06 98 76 54 32", 200, flags: CallFlags.Forwarded));
        Assert.Equal((ChargeCategory.Forwarding, RatingRule.ForwardingOutsideBundle, 0.50m), (lines[0].Category, lines[0].Rule, lines.Total));
        Assert.Equal(0, counters.CorrespondentCount(1));
    }

    [Fact]
    public void Unanswered_calls_and_inbound_calls_cost_nothing()
    {
        var unanswered = Rater.Rate(Plan("forfait-start"), new PeriodCounters(), Outbound("+49 30 12345678", 0))[0];
        Assert.Equal((ChargeCategory.NotCharged, RatingRule.NotAnswered, 0m), (unanswered.Category, unanswered.Rule, unanswered.Amount));
        Assert.Equal(RatingRule.InboundIncluded, Rater.Rate(Plan("forfait-start"), new PeriodCounters(), Inbound("+49 30 12345678", 600))[0].Rule);
    }

    [Fact]
    public void Amounts_keep_four_decimals_rounded_half_away_from_zero()
    {
        // 1 s x 0.89 / 60 = 0.014833... -> 0.0148; 7 s: 6.23 / 60 = 0.103833... -> 0.1038.
        Assert.Equal(0.0148m, Rater.PerSecond(1, 0.89m));
        Assert.Equal(0.1038m, Rater.PerSecond(7, 0.89m));

        // 1 s at 0.003 / min = 0.00005 exactly: half away from zero gives 0.0001 (banker's rounding would give 0).
        Assert.Equal(0.0001m, Rater.PerSecond(1, 0.003m));
    }
}
