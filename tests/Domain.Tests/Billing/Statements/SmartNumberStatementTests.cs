using Store.Domain.Billing;
using Store.Domain.Billing.Statements;
using Store.Domain.Catalog;

namespace Store.Domain.Tests.Billing.Statements;

public sealed class SmartNumberStatementTests
{
    private static readonly Guid Holder = Guid.NewGuid();
    private static readonly Guid Premium = Guid.NewGuid();
    private static readonly Guid Fast = Guid.NewGuid();

    private static StatementCharge Call(Guid number, int tariff, int seconds, decimal caller, decimal share, bool isCall = true, Currency currency = Currency.EUR) =>
        new(number, number == Premium ? "+33899123456" : "+33891000111", number == Premium ? PayoutKind.Standard : PayoutKind.PayFast, tariff, isCall, seconds, caller, share, currency);

    [Theory]
    [InlineData(PayoutKind.Standard, 2026, 3, "2026-05-12")] // 31 March + 6 weeks
    [InlineData(PayoutKind.Standard, 2026, 12, "2027-02-11")]
    [InlineData(PayoutKind.PayFast, 2026, 3, "2026-04-07")] // Wed 1, Thu 2, Fri 3, Sat 4, (Easter Sunday and Monday), Tue 7
    [InlineData(PayoutKind.PayFast, 2026, 4, "2026-05-07")] // (1 May) Sat 2, (Sunday) Mon 4 .. Thu 7
    [InlineData(PayoutKind.PayFast, 2026, 7, "2026-08-06")] // Sat 1, Mon 3, Tue 4, Wed 5, Thu 6
    public void The_share_is_paid_six_weeks_after_the_month_or_five_working_days_with_PayFast(PayoutKind payout, int year, int month, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SmartNumberStatements.PayoutOn(payout, new BillingPeriod(year, month)));

    [Fact]
    public void A_statement_adds_the_calls_by_number_and_tariff_rounding_each_line_once()
    {
        var draft = SmartNumberStatements.Build(Holder, new BillingPeriod(2026, 3), [
            Call(Premium, 0, 90, 1.35m, 0.8775m),
            Call(Premium, 0, 45, 0.675m, 0.43875m),
            Call(Premium, 0, 30, 0.45m, 0.2925m, isCall: false), // the first call was longer: an adjustment, not a new call
            Call(Fast, 0, 120, 3.00m, 2.10m),
            Call(Premium, 1, 60, 2.99m, 1.50m),
        ]);

        Assert.NotNull(draft);
        Assert.Equal(Currency.EUR, draft.Currency);
        Assert.Collection(
            draft.Lines,
            l => Assert.Equal(new StatementFigures("+33891000111", 0, PayoutKind.PayFast, 1, 120, 3.00m, 2.10m, new DateOnly(2026, 4, 7)), l),
            l => Assert.Equal(new StatementFigures("+33899123456", 0, PayoutKind.Standard, 2, 165, 2.48m, 1.61m, new DateOnly(2026, 5, 12)), l),
            l => Assert.Equal(new StatementFigures("+33899123456", 1, PayoutKind.Standard, 1, 60, 2.99m, 1.50m, new DateOnly(2026, 5, 12)), l));
        Assert.Equal(4, draft.Calls);
        Assert.Equal(345, draft.Seconds);
        Assert.Equal(8.47m, draft.CallerRevenue);
        Assert.Equal(5.21m, draft.HolderShare);
        Assert.Equal([(new DateOnly(2026, 4, 7), 2.10m), (new DateOnly(2026, 5, 12), 3.11m)], draft.Payouts);
    }

    [Fact]
    public void A_month_without_earnings_has_no_statement_and_a_cancelled_call_leaves_no_line()
    {
        Assert.Null(SmartNumberStatements.Build(Holder, new BillingPeriod(2026, 3), []));
        var cancelled = SmartNumberStatements.Build(Holder, new BillingPeriod(2026, 3), [
            Call(Premium, 0, 0, 0.40m, 0.20m, isCall: false),
            Call(Premium, 0, 0, -0.40m, -0.20m, isCall: false),
        ]);
        Assert.Null(cancelled);
    }

    [Fact]
    public void Charges_in_two_currencies_are_refused() =>
        Assert.Throws<InvalidOperationException>(() => SmartNumberStatements.Build(Holder, new BillingPeriod(2026, 3), [Call(Premium, 0, 60, 1m, 0.5m), Call(Fast, 0, 60, 1m, 0.5m, currency: Currency.CHF)]));

    [Fact]
    public void An_issued_statement_keeps_the_figures_and_the_latest_payout_date()
    {
        var draft = SmartNumberStatements.Build(Holder, new BillingPeriod(2026, 3), [Call(Premium, 0, 90, 1.35m, 0.8775m), Call(Fast, 0, 120, 3.00m, 2.10m)])!;
        var holder = new LegalDetails(Holder, "Voyance Étoile SARL", Market.FR, Currency.EUR, "Europe/Paris", null, null, new Store.Domain.Customers.Address("3 rue Lafayette", null, "75009", "Paris", "FR"), "compta@etoile.example", "fr");
        var statement = Statement.Issue(draft, "DC-2026-000001", holder, BillingExamples.FrenchSeller, DateTimeOffset.Parse("2026-04-01T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2026-03", statement.Period);
        Assert.Equal(2, statement.Lines.Count);
        Assert.Equal(4.35m, statement.CallerRevenue);
        Assert.Equal(2.98m, statement.HolderShare);
        Assert.Equal(new DateOnly(2026, 5, 12), statement.PayoutOn);
        Assert.Equal("Voyance Étoile SARL", statement.Holder.LegalName);
    }
}
