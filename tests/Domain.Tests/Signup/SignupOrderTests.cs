using Store.Domain.Catalog;
using Store.Domain.Signup;
using Store.Domain.Subscriptions;
using Store.Domain.Tests.Catalog;

namespace Store.Domain.Tests.Signup;

public sealed class SignupOrderTests
{
    private static readonly CatalogVersion Catalog = ShippedCatalog.Version2025_03;
    private static readonly DateOnly Today = new(2026, 6, 10);

    [Fact]
    public void Pro_for_3_users_yearly_with_call_recording_is_priced_as_003_says()
    {
        var order = new SignupOrder { ProductCode = "forfait-pro", Users = 3, Period = PricePeriod.Yearly, Options = [new OptionOrder("call-recording", 1)] };
        var quote = SignupQuote.For(Catalog, order, Today);

        // 3 × 399 = 1 197; recording 10 a month × 12 = 120; 1 317 excl. VAT; VAT 20 % = 263.40; 1 580.40 incl. VAT.
        Assert.Equal([Money.Eur(1197m), Money.Eur(120m)], quote.Lines.Select(l => l.Amount));
        Assert.Equal(Money.Eur(1317m), quote.ExcludingVat);
        Assert.Equal(Money.Eur(263.40m), quote.Vat);
        Assert.Equal(Money.Eur(1580.40m), quote.IncludingVat);
        Assert.Equal(Money.Eur(109.75m), quote.PerMonthExcludingVat); // 1 317 / 12
        Assert.Equal(Money.Eur(59m), quote.TerminationFeePerUser);
    }

    [Fact]
    public void Start_monthly_for_one_user_is_19_90_excluding_and_23_88_including_VAT()
    {
        var quote = SignupQuote.For(Catalog, new SignupOrder { ProductCode = "forfait-start" }, Today);
        Assert.Equal((Money.Eur(19.90m), Money.Eur(23.88m)), (quote.ExcludingVat, quote.IncludingVat));
    }

    [Fact]
    public void An_unknown_plan_too_many_users_and_an_option_the_plan_lacks_are_each_named()
    {
        Assert.Equal("UNKNOWN_PRODUCT", new SignupOrder { ProductCode = "forfait-or" }.CheckOffer(Catalog).Single().Code);
        var problems = new SignupOrder { Users = 501, Options = [new OptionOrder("cx-recording-500", 1)] }.CheckOffer(Catalog);
        Assert.Equal([("users", "OUT_OF_RANGE"), ("options[0]", "UNKNOWN_OPTION")], problems.Select(p => (p.Field, p.Code)));
    }

    [Fact]
    public void Porting_needs_valid_numbers_each_once_and_14_working_days()
    {
        var early = Store.Domain.Numbers.Porting.EarliestDate(Today);
        var order = new SignupOrder
        {
            Porting =
            [
                new PortIn("01 45 67 89 12", "Orange", early),
                new PortIn("+33 1 45 67 89 12", null, early),
                new PortIn("12", null, early),
                new PortIn("01 45 67 89 13", null, early.AddDays(-1)),
            ],
        };

        var problems = order.CheckPorting(Today).Select(p => (p.Field, p.Code)).ToList();
        Assert.Equal([("porting[1].number", "DUPLICATE"), ("porting[2].number", "INVALID_PHONE_NUMBER"), ("porting[3].date", "PORTING_TOO_EARLY")], problems);
    }
}
