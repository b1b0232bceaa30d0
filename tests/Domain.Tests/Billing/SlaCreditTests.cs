using Store.Domain.Billing;
using Store.Domain.Subscriptions;
using static Store.Domain.Tests.Billing.BillingExamples;

namespace Store.Domain.Tests.Billing;

public sealed class SlaCreditTests
{
    private static SlaIncident Outage(SubscriptionTimeline s, string start, double hours, bool excusable = false)
    {
        var from = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        return new SlaIncident(s.SubscriptionId, from, from.AddHours(hours), excusable);
    }

    [Fact]
    public void Hosted_telephony_below_99_85_percent_over_the_year_gets_18_percent_of_the_monthly_fee_in_January()
    {
        var plan = Monthly("forfait-pro", 5, D(2025, 1, 1));

        // 2025: 365 × 1440 = 525,600 minutes; 99.85 % allows 788.4 minutes down. 14 h = 840 min: 99.8401 %.
        var incidents = new[] { Outage(plan, "2025-06-10T08:00:00+02:00", 10), Outage(plan, "2025-11-03T09:00:00+01:00", 4) };
        var invoice = Invoice("2026-01", FrenchBuyer(), [plan], incidents: incidents);

        // 18 % × 5 × 39.90 = 18 % × 199.50 = 35.91 credited. HT 199.50 − 35.91 = 163.59; VAT 32.718 → 32.72; TTC 196.31.
        var credit = Assert.Single(invoice.Lines, l => l.Kind == LineKind.SlaCredit);
        Assert.Equal(-35.91m, credit.Amount);
        Assert.Contains("99.840 %", credit.Description, StringComparison.Ordinal);
        Assert.Equal((163.59m, 32.72m, 196.31m), (invoice.TotalExcludingVat, invoice.TotalVat, invoice.TotalIncludingVat));

        // Only once the year is over: no credit on the December invoice.
        Assert.DoesNotContain(Invoice("2025-12", FrenchBuyer(), [plan], incidents: incidents).Lines, l => l.Kind == LineKind.SlaCredit);
    }

    [Fact]
    public void Hosted_telephony_within_99_85_percent_or_down_for_an_excusable_reason_gets_no_credit()
    {
        var plan = Monthly("forfait-pro", 5, D(2025, 1, 1));

        // 13 h = 780 min ≤ 788.4: 99.8516 %, the commitment is kept.
        Assert.DoesNotContain(Invoice("2026-01", FrenchBuyer(), [plan], incidents: [Outage(plan, "2025-06-10T08:00:00+02:00", 13)]).Lines, l => l.Kind == LineKind.SlaCredit);

        // 20 h of planned maintenance do not count.
        Assert.DoesNotContain(Invoice("2026-01", FrenchBuyer(), [plan], incidents: [Outage(plan, "2025-06-10T08:00:00+02:00", 20, excusable: true)]).Lines, l => l.Kind == LineKind.SlaCredit);
    }

    [Theory]
    // February 2026: 28 × 1440 = 40,320 minutes. 3 h = 180 min: 99.5535 %, between 99.5 and 99.85: 5 % of 4 × 35.00 = 7.00.
    [InlineData(3, -7.00)]
    // 5 h = 300 min: 99.2559 %, between 97 and 99.5: 10 % = 14.00.
    [InlineData(5, -14.00)]
    // 24 h: 96.4285 %, below 97: 20 % = 28.00.
    [InlineData(24, -28.00)]
    // 1 h = 60 min: 99.8511 %, the objective is met: nothing.
    [InlineData(1, 0)]
    public void Contact_Experience_below_99_85_percent_in_a_month_gets_5_10_or_20_percent_of_that_month(double hours, decimal credit)
    {
        var agents = Monthly("cx-agent-licence", 4, D(2025, 6, 1), kind: ProductKind.ContactExperience);

        var invoice = Invoice("2026-03", FrenchBuyer(), [agents], incidents: [Outage(agents, "2026-02-10T08:00:00+01:00", hours)]);

        Assert.Equal(credit, invoice.Lines.Where(l => l.Kind == LineKind.SlaCredit).Sum(l => l.Amount));
    }

    [Fact]
    public void Contact_Experience_credits_are_capped_at_20_percent_however_long_the_outage()
    {
        var agents = Monthly("cx-agent-licence", 4, D(2025, 6, 1), kind: ProductKind.ContactExperience);

        // The whole of February down, and more: 20 % of 140.00 = 28.00, no more.
        var invoice = Invoice("2026-03", FrenchBuyer(), [agents], incidents: [Outage(agents, "2026-01-20T00:00:00+01:00", 24 * 45)]);

        Assert.Equal(-28.00m, Assert.Single(invoice.Lines, l => l.Kind == LineKind.SlaCredit).Amount);
    }
}
