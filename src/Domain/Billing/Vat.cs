namespace Store.Domain.Billing;

/// <summary>Standard VAT rates of the seller countries, by the date they apply from.</summary>
public static class Vat
{
    private static readonly (string Country, DateOnly From, decimal Rate)[] Rates =
    [
        ("FR", new DateOnly(2014, 1, 1), 0.20m),
        ("CH", new DateOnly(2018, 1, 1), 0.077m),
        ("CH", new DateOnly(2024, 1, 1), 0.081m),
    ];

    /// <summary>The standard rate in force in <paramref name="country"/> on <paramref name="date"/>.</summary>
    public static decimal StandardRate(string country, DateOnly date)
    {
        decimal? found = null;
        foreach (var (c, from, rate) in Rates)
        {
            if (c == country && from <= date)
            {
                found = rate;
            }
        }

        return found ?? throw new ArgumentOutOfRangeException(nameof(country), country, "No VAT rate is known for this country and date.");
    }

    /// <summary>The amount including VAT of a price excluding VAT, rounded to the cent.</summary>
    public static Money IncludingVat(Money excludingVat, string country, DateOnly date) =>
        (excludingVat * (1m + StandardRate(country, date))).RoundedToCent();
}
