using System.Globalization;

namespace Store.Domain;

public enum Currency
{
    EUR,
    CHF,
}

/// <summary>An exact amount in one currency. Arithmetic never mixes currencies.</summary>
public readonly record struct Money(decimal Amount, Currency Currency) : IComparable<Money>
{
    public static Money Zero(Currency currency) => new(0m, currency);

    public static Money Eur(decimal amount) => new(amount, Currency.EUR);

    public static Money Chf(decimal amount) => new(amount, Currency.CHF);

    /// <summary>Rounded to the cent, half away from zero, as invoice lines are.</summary>
    public Money RoundedToCent() => this with { Amount = RoundCents(Amount) };

    public static decimal RoundCents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount, SameCurrency(a, b));

    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount, SameCurrency(a, b));

    public static Money operator *(Money a, decimal factor) => a with { Amount = a.Amount * factor };

    public static Money operator *(decimal factor, Money a) => a * factor;

    public static Money Add(Money a, Money b) => a + b;

    public static Money Subtract(Money a, Money b) => a - b;

    public static Money Multiply(Money a, decimal factor) => a * factor;

    public int CompareTo(Money other)
    {
        SameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    public static bool operator <(Money a, Money b) => a.CompareTo(b) < 0;

    public static bool operator >(Money a, Money b) => a.CompareTo(b) > 0;

    public static bool operator <=(Money a, Money b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Money a, Money b) => a.CompareTo(b) >= 0;

    /// <summary>"19,90 EUR" in French, "EUR 19.90" in English: how a French or Swiss invoice writes it.</summary>
    public string Format(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "fr"
            ? string.Create(culture, $"{Amount:N2} {Currency}")
            : string.Create(culture, $"{Currency} {Amount:N2}");

    public override string ToString() => Format(CultureInfo.InvariantCulture);

    private static Currency SameCurrency(Money a, Money b) =>
        a.Currency == b.Currency
            ? a.Currency
            : throw new InvalidOperationException($"Cannot combine {a.Currency} and {b.Currency} amounts.");
}
