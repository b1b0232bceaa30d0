using System.Globalization;

namespace Store.Domain.Billing;

/// <summary>A calendar month in the customer's time zone: what one periodic invoice bills in advance.</summary>
public readonly record struct BillingPeriod(int Year, int Month)
{
    public DateOnly First => new(Year, Month, 1);

    public DateOnly Last => First.AddMonths(1).AddDays(-1);

    public int Days => DateTime.DaysInMonth(Year, Month);

    public BillingPeriod Previous => Of(First.AddDays(-1));

    public BillingPeriod Next => Of(First.AddMonths(1));

    public static BillingPeriod Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>Reads "2026-03".</summary>
    public static BillingPeriod Parse(string text) =>
        Of(DateOnly.ParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture));

    public bool Contains(DateOnly day) => day.Year == Year && day.Month == Month;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");
}
