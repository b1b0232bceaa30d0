namespace Store.Domain.Calls.Figures;

/// <summary>
/// The calls of one day (in the customer's zone), of one number or summed: how many, how many were missed, the seconds
/// talked, and for premium Smart Numbers what callers paid and the holder's share (excluding VAT, exact).
/// </summary>
public sealed record DayFigures(int Calls, int Missed, long Seconds, decimal CallerRevenue, decimal HolderShare)
{
    public static readonly DayFigures None = new(0, 0, 0, 0m, 0m);

    public decimal Minutes => Seconds / 60m;

    public static DayFigures operator +(DayFigures a, DayFigures b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Calls + b.Calls, a.Missed + b.Missed, a.Seconds + b.Seconds, a.CallerRevenue + b.CallerRevenue, a.HolderShare + b.HolderShare);
    }

    public static DayFigures Add(DayFigures a, DayFigures b) => a + b;

    public static DayFigures Sum(IEnumerable<DayFigures> days) => days.Aggregate(None, (total, day) => total + day);
}

/// <summary>The figures of one customer's number on one day.</summary>
public sealed record NumberDay(Guid CustomerId, Guid NumberId, DateOnly Day, DayFigures Figures);
