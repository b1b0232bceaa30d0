using Store.Domain.Calls;
using Store.Domain.Catalog;
using Store.Domain.Rating;
using Store.Domain.Subscriptions;
using static Store.Domain.Tests.Rating.Tariffs;

namespace Store.Domain.Tests.Rating;

/// <summary>Contact Experience (004): pooled inbound minutes, dynamic TTS, recording packs, web call-back.</summary>
public sealed class ContactExperienceRatingTests
{
    /// <summary>2 advanced IVRs (1,000 min each) and 3 agent licences (500 min each): 3,500 pooled minutes = 210,000 s.</summary>
    private static (RatingTariff Tariff, Subscription Ivr) CallCentre(bool tts = false, int recordingPacks = 0, bool recordingOverage = false)
    {
        var contract = NewContract();
        var ivr = Subscription.Start(contract, Shipped, "cx-advanced-ivr", PricePeriod.Monthly, 2, March);
        var agents = Subscription.Start(contract, Shipped, "cx-agent-licence", PricePeriod.Monthly, 3, March);
        if (tts)
        {
            ivr.AddOption(Shipped, "cx-dynamic-tts", 1, March);
        }

        if (recordingPacks > 0)
        {
            ivr.AddOption(Shipped, "cx-recording-500", recordingPacks, March).AllowOverage(recordingOverage);
        }

        return (For(ivr, agents), ivr);
    }

    [Fact]
    public void Inbound_minutes_are_pooled_across_subscriptions_times_quantity_and_billed_beyond_at_0_03()
    {
        var (tariff, ivr) = CallCentre();
        Assert.Equal(210_000, tariff.Contact!.PoolSeconds);
        var counters = new PeriodCounters { InboundSeconds = 209_900 };

        // 400 s with 100 s left in the pool: 300 s x 0.03 / 60 = 0.15 EUR.
        var lines = Rater.Rate(tariff, counters, Inbound("01 45 67 89 12", 400)).ToArray();

        Assert.Equal((ChargeCategory.Included, RatingRule.InboundWithinPool, 3500, 100), (lines[0].Category, lines[0].Rule, lines[0].RuleArg, lines[0].Seconds));
        Assert.Equal((ChargeCategory.InboundOverage, RatingRule.InboundBeyondPool, 300, 0.15m, ivr.Id), (lines[1].Category, lines[1].Rule, lines[1].Seconds, lines[1].Amount, lines[1].SubscriptionId));
        Assert.Equal(210_300, counters.InboundSeconds);
        Assert.Equal("inbound, beyond the 3500 pooled minutes", RuleText.Describe(lines[1].Rule, lines[1].RuleArg, "en"));
    }

    [Fact]
    public void A_transferred_call_counts_all_its_seconds_to_the_full_hang_up()
    {
        var (tariff, _) = CallCentre();
        var counters = new PeriodCounters { InboundSeconds = 210_000 };

        // The pool is used up; the transferred call lasted 900 s to the last hang-up: 900 x 0.0005 = 0.45 EUR.
        Assert.Equal(0.45m, Rater.Rate(tariff, counters, Inbound("06 12 34 56 78", 900, flags: CallFlags.Transferred)).Total);
    }

    [Fact]
    public void Dynamic_TTS_minutes_follow_the_minutes_received_and_are_billed_beyond_the_option_volume()
    {
        var (tariff, _) = CallCentre(tts: true);
        var counters = new PeriodCounters { TextToSpeechSeconds = 59_940 };

        // TTS volume 1,000 min = 60,000 s with 60 s left; a 240 s call: 180 s x 0.02 / 60 = 0.06 EUR of TTS, inbound still in the pool.
        var lines = Rater.Rate(tariff, counters, Inbound("01 45 67 89 12", 240)).ToArray();

        var beyond = Assert.Single(lines, l => l.Category == ChargeCategory.TextToSpeech);
        Assert.Equal((RatingRule.TextToSpeechBeyondVolume, 180, 0.06m), (beyond.Rule, beyond.Seconds, beyond.Amount));
        Assert.Equal(0.06m, lines.Sum(l => l.Amount));
    }

    [Fact]
    public void Recording_beyond_the_packs_is_billed_only_where_the_customer_allowed_it()
    {
        // Two 500-min packs = 60,000 s, used up; 120 s more recorded: 120 x 0.02 / 60 = 0.04 EUR when allowed.
        var (allowed, _) = CallCentre(recordingPacks: 2, recordingOverage: true);
        var withOverage = Rater.Rate(allowed, new PeriodCounters { RecordedSeconds = 60_000 }, Inbound("01 45 67 89 12", 300, recorded: 120)).ToArray();
        Assert.Equal((RatingRule.RecordingBeyondPacks, 0.04m), withOverage.Where(l => l.Category == ChargeCategory.Recording).Select(l => (l.Rule, l.Amount)).Single());

        var (refused, _) = CallCentre(recordingPacks: 2, recordingOverage: false);
        var without = Rater.Rate(refused, new PeriodCounters { RecordedSeconds = 60_000 }, Inbound("01 45 67 89 12", 300, recorded: 120)).ToArray();
        var line = without.Single(l => l.Rule == RatingRule.RecordingBeyondPacksNotAllowed);
        Assert.Equal((120, 0m), (line.Seconds, line.Amount));
    }

    [Fact]
    public void A_web_call_back_is_charged_as_two_calls()
    {
        var (tariff, _) = CallCentre();
        var counters = new PeriodCounters { InboundSeconds = 210_000 };

        // Two calls of 300 s each beyond the pool: 2 x 300 x 0.0005 = 0.30 EUR, and 600 s counted.
        var lines = Rater.Rate(tariff, counters, Inbound("06 12 34 56 78", 300, flags: CallFlags.WebCallBack)).ToArray();

        Assert.Equal([(RatingRule.WebCallBackLeg, 1, 0.15m), (RatingRule.WebCallBackLeg, 2, 0.15m)], lines.Select(l => (l.Rule, l.RuleArg, l.Amount)));
        Assert.Equal(210_600, counters.InboundSeconds);
    }
}
