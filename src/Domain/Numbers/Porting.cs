namespace Store.Domain.Numbers;

/// <summary>Porting a number in: the date asked is at least 14 working days after the request (002 art. 9c).</summary>
public static class Porting
{
    public const int MinimumWorkingDays = 14;

    public static DateOnly EarliestDate(DateOnly requestedOn) => FrenchCalendar.AddWorkingDays(requestedOn, MinimumWorkingDays);

    public static IReadOnlyList<Problem> CheckDate(string field, DateOnly requestedOn, DateOnly desired)
    {
        var earliest = EarliestDate(requestedOn);
        return desired >= earliest
            ? []
            : [new Problem(field, $"A number can be ported at the earliest 14 working days after the request: choose {earliest:dd/MM/yyyy} or later.", "PORTING_TOO_EARLY")];
    }
}
