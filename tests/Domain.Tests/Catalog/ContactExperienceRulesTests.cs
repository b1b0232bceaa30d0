using Store.Domain.Catalog;

namespace Store.Domain.Tests.Catalog;

/// <summary>Contact Experience as its special conditions (004) state it.</summary>
public sealed class ContactExperienceRulesTests
{
    private static readonly ContactExperienceOffer Offer = ShippedCatalog.Version2025_03.ContactExperience;

    [Fact]
    public void Advanced_IVR_and_agent_licences_include_inbound_minutes()
    {
        Assert.True(Offer.FindService("cx-advanced-ivr")!.IncludedInboundMinutes > 0);
        Assert.True(Offer.FindService("cx-agent-licence")!.IncludedInboundMinutes > 0);
        Assert.True(Offer.InboundOveragePerMinute > 0);
    }

    [Fact]
    public void Dynamic_TTS_is_a_subscription_with_minutes_and_overage_per_minute()
    {
        var tts = Offer.FindOption("cx-dynamic-tts")!;
        Assert.Equal(ContactExperienceOptionKind.MinutesSubscription, tts.Kind);
        Assert.NotNull(tts.IncludedMinutes);
        Assert.NotNull(tts.OveragePerMinute);
    }

    [Fact]
    public void Recording_packs_are_reduced_next_month_and_increased_at_once()
    {
        var packs = Offer.Options.Where(o => o.Kind == ContactExperienceOptionKind.RecordingPack).ToList();
        Assert.Equal([500, 1500, 5000], packs.Select(p => p.IncludedMinutes!.Value));
        Assert.All(packs, p => Assert.Equal(ReductionTiming.NextMonth, p.Reduction));
    }

    [Fact]
    public void Studio_messages_are_billed_per_unit_of_30_words()
    {
        var messages = Offer.Options.Where(o => o.Kind == ContactExperienceOptionKind.StudioMessage).ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(30, m.WordsPerUnit));
    }

    [Fact]
    public void Outbound_SMS_and_web_call_back_are_offered()
    {
        Assert.Equal(ContactExperienceOptionKind.OutboundSms, Offer.FindOption("cx-outbound-sms")!.Kind);
        Assert.Equal(ContactExperienceOptionKind.WebCallBack, Offer.FindOption("cx-web-call-back")!.Kind);
    }

    [Fact]
    public void Termination_needs_six_months_notice_before_the_end_of_the_commitment_else_it_renews()
    {
        Assert.Equal(6, Offer.Commitment.NoticeMonths);
        Assert.True(Offer.Commitment.TacitRenewal);
    }

    [Theory]
    [InlineData(0.999, 0)]
    [InlineData(0.9985, 0)]
    [InlineData(0.998, 0.05)]
    [InlineData(0.995, 0.05)]
    [InlineData(0.9949, 0.10)]
    [InlineData(0.97, 0.10)]
    [InlineData(0.9699, 0.20)]
    [InlineData(0.5, 0.20)]
    public void SLA_credits_are_5_10_or_20_percent_by_monthly_band(double availability, double credit)
    {
        // 004 art. 7: from 99.85 to 99.5 % (included) gives 5 %, below 99.5 to 97 % (included) gives 10 %, below 97 % gives 20 %.
        var a = (decimal)availability;
        var band = Offer.Sla.FirstOrDefault(b => a < b.AvailabilityBelow && a >= b.AvailabilityFrom);
        Assert.Equal((decimal)credit, band?.CreditRate ?? 0m);
        Assert.Equal(0.20m, Offer.SlaCapRate);
    }

    [Fact]
    public void Contact_Experience_is_sold_in_France_in_EUR_with_its_unpriced_entries_marked()
    {
        Assert.Equal(Market.FR, Offer.Market);
        Assert.All(Offer.Services, s => Assert.True(s.Placeholder));
        Assert.True(Offer.Commitment.Placeholder, "004 leaves the minimum commitment to the order form");
    }
}
