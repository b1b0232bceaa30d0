using Store.Domain.Catalog;

namespace Store.Domain.Tests.Catalog;

/// <summary>The Forfait Start and Pro plans as the contract summary (003) states them.</summary>
public sealed class ForfaitRulesTests
{
    private static readonly CatalogVersion Catalog = ShippedCatalog.Version2025_03;
    private static readonly Plan Start = Catalog.FindPlan("forfait-start")!;
    private static readonly Plan Pro = Catalog.FindPlan("forfait-pro")!;

    [Fact]
    public void Start_costs_19_90_a_month_or_199_a_year_per_user_excluding_VAT()
    {
        Assert.Equal(new Price(PricePeriod.Monthly, 19.90m, Currency.EUR), Start.PriceFor(PricePeriod.Monthly));
        Assert.Equal(new Price(PricePeriod.Yearly, 199m, Currency.EUR), Start.PriceFor(PricePeriod.Yearly));
    }

    [Fact]
    public void Pro_costs_39_90_a_month_or_399_a_year_per_user_excluding_VAT()
    {
        Assert.Equal(new Price(PricePeriod.Monthly, 39.90m, Currency.EUR), Pro.PriceFor(PricePeriod.Monthly));
        Assert.Equal(new Price(PricePeriod.Yearly, 399m, Currency.EUR), Pro.PriceFor(PricePeriod.Yearly));
    }

    [Theory]
    [InlineData("forfait-start")]
    [InlineData("forfait-pro")]
    public void Included_calls_are_limited_to_100_correspondents_per_user_a_month_and_one_hour_a_call(string code)
    {
        var fairUse = Catalog.FindPlan(code)!.FairUse;
        Assert.Equal(100, fairUse.MaxDistinctCorrespondentsPerMonth);
        Assert.True(fairUse.CountedPerUser);
        Assert.Equal(3600, fairUse.MaxCallSeconds);
    }

    [Theory]
    [InlineData("forfait-start")]
    [InlineData("forfait-pro")]
    public void Overage_is_0_15_a_minute_to_France_and_0_89_international(string code)
    {
        Assert.Equal(new Overage(0.15m, 0.89m), Catalog.FindPlan(code)!.Overage);
    }

    [Theory]
    [InlineData("forfait-start")]
    [InlineData("forfait-pro")]
    public void Termination_costs_59_per_licence_with_no_setup_fee_and_no_commitment(string code)
    {
        var plan = Catalog.FindPlan(code)!;
        Assert.Equal(59m, plan.TerminationFeePerLicence);
        Assert.Equal(0m, plan.SetupFee);
        Assert.Equal(0, plan.CommitmentMonths);
    }

    [Fact]
    public void Options_are_call_recording_at_10_a_month_and_extra_user_profile_at_10_a_month_per_redirection_number()
    {
        var recording = Catalog.FindOption("call-recording")!;
        var profile = Catalog.FindOption("extra-user-profile")!;
        Assert.Equal(10m, recording.Prices.Single(p => p.Period == PricePeriod.Monthly).Amount);
        Assert.Equal(OptionUnit.Account, recording.Unit);
        Assert.Equal(10m, profile.Prices.Single(p => p.Period == PricePeriod.Monthly).Amount);
        Assert.Equal(OptionUnit.RedirectionNumber, profile.Unit);
        Assert.All([Start, Pro], p => Assert.Equal(["call-recording", "extra-user-profile"], p.Options));
    }

    [Fact]
    public void Start_includes_only_metropolitan_France_fixed_and_mobile()
    {
        Assert.True(Start.Includes("FR", LineType.Fixed));
        Assert.True(Start.Includes("FR", LineType.Mobile));
        Assert.False(Start.Includes("DE", LineType.Fixed));
        Assert.False(Start.Includes("RE", LineType.Mobile));
        Assert.Single(Start.IncludedDestinations);
    }

    [Theory]
    [InlineData("FR", true, true)]
    [InlineData("DE", true, true)]
    [InlineData("ES", true, false)]
    [InlineData("CH", true, false)]
    [InlineData("JP", true, false)]
    [InlineData("RU", true, false)]
    [InlineData("US", true, true)]
    [InlineData("GB", true, true)]
    [InlineData("RE", true, true)]
    [InlineData("GP", true, true)]
    [InlineData("AD", true, false)]
    [InlineData("CN", false, false)]
    [InlineData("MA", false, false)]
    public void Pro_includes_the_listed_international_destinations_by_line_type(string country, bool fixedIncluded, bool mobileIncluded)
    {
        Assert.Equal(fixedIncluded, Pro.Includes(country, LineType.Fixed));
        Assert.Equal(mobileIncluded, Pro.Includes(country, LineType.Mobile));
    }

    [Fact]
    public void Pro_lists_metropolitan_France_and_64_countries_of_003()
    {
        // 003 lists 64 destinations; Hawaii is dialled as the United States (+1), so it is part of the US entry.
        Assert.Equal(64, Pro.IncludedDestinations.Count - 1);
        Assert.Equal(Pro.IncludedDestinations.Count, Pro.IncludedDestinations.Select(d => d.Country).Distinct().Count());
    }

    [Fact]
    public void Pro_has_CRM_integration_that_Start_has_not()
    {
        Assert.Contains(Pro.Features, f => f.Fr == "Intégration CRM");
        Assert.DoesNotContain(Start.Features, f => f.Fr == "Intégration CRM");
        Assert.Equal(Start.Features.Count + 1, Pro.Features.Count);
    }

    [Fact]
    public void Unlimited_offers_follow_002_fair_use_two_hours_a_call_and_200_recipients_a_month_for_the_account()
    {
        var unlimited = Catalog.FindPlan("telephonie-illimitee")!;
        Assert.Equal(200, unlimited.FairUse.MaxDistinctCorrespondentsPerMonth);
        Assert.False(unlimited.FairUse.CountedPerUser);
        Assert.Equal(7200, unlimited.FairUse.MaxCallSeconds);
        Assert.True(unlimited.Placeholder, "002 gives no price for the unlimited offer: it must be marked for the operator");
    }

    [Fact]
    public void Hosted_telephony_fees_of_002_are_49_per_terminal_and_250_per_missed_installation()
    {
        Assert.Equal(49m, Catalog.FindFee("terminal-integration")!.Amount);
        Assert.Equal(FeeUnit.PerDevice, Catalog.FindFee("terminal-integration")!.Unit);
        Assert.Equal(250m, Catalog.FindFee("missed-installation")!.Amount);
    }

    [Fact]
    public void Hosted_telephony_commits_to_99_85_percent_a_year_with_an_18_percent_credit()
    {
        Assert.Equal(new YearlySla(0.9985m, 0.18m), Catalog.HostedTelephonySla);
    }

    [Fact]
    public void Seed_prices_are_not_placeholders()
    {
        Assert.All(Start.Prices.Concat(Pro.Prices), p => Assert.False(p.Placeholder));
        Assert.False(Start.Placeholder);
        Assert.False(Pro.Placeholder);
    }
}
