using Store.Domain.Billing;

namespace Store.Domain.Tests.Billing;

public sealed class MoneyAndVatTests
{
    [Theory]
    [InlineData(19.90, 23.88)]
    [InlineData(39.90, 47.88)]
    [InlineData(199, 238.80)]
    [InlineData(399, 478.80)]
    public void French_prices_include_20_percent_VAT(decimal excluding, decimal including)
    {
        Assert.Equal(Money.Eur(including), Vat.IncludingVat(Money.Eur(excluding), "FR", new DateOnly(2025, 6, 1)));
    }

    [Fact]
    public void Swiss_prices_include_8_1_percent_VAT_since_2024_rounded_half_away_from_zero()
    {
        // 25 × 1.081 = 27.025, which rounds to 27.03 (banker's rounding would give 27.02).
        Assert.Equal(Money.Chf(27.03m), Vat.IncludingVat(Money.Chf(25m), "CH", new DateOnly(2025, 6, 1)));
        Assert.Equal(0.077m, Vat.StandardRate("CH", new DateOnly(2023, 12, 31)));
    }

    [Theory]
    [InlineData(0.125, 0.13)]
    [InlineData(-0.125, -0.13)]
    [InlineData(0.124, 0.12)]
    [InlineData(2.675, 2.68)]
    public void Amounts_round_to_the_cent_half_away_from_zero(decimal amount, decimal rounded)
    {
        Assert.Equal(rounded, Money.RoundCents(amount));
    }

    [Fact]
    public void Amounts_in_different_currencies_never_add_up()
    {
        Assert.Throws<InvalidOperationException>(() => Money.Eur(1m) + Money.Chf(1m));
    }

    [Fact]
    public void Amounts_are_written_the_French_or_English_way()
    {
        Assert.Equal("19,90 EUR", Money.Eur(19.9m).Format(new System.Globalization.CultureInfo("fr-FR")));
        Assert.Equal("EUR 19.90", Money.Eur(19.9m).Format(new System.Globalization.CultureInfo("en-GB")));
    }
}
