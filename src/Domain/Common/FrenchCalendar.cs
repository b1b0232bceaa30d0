namespace Store.Domain;

/// <summary>French public holidays and the working days of the contracts ("jours ouvrables": Monday to Saturday).</summary>
public static class FrenchCalendar
{
    public static bool IsPublicHoliday(DateOnly day)
    {
        var easter = EasterSunday(day.Year);
        return (day.Month, day.Day) is (1, 1) or (5, 1) or (5, 8) or (7, 14) or (8, 15) or (11, 1) or (11, 11) or (12, 25)
            || day == easter.AddDays(1) // Easter Monday
            || day == easter.AddDays(39) // Ascension
            || day == easter.AddDays(50); // Whit Monday
    }

    /// <summary>A "jour ouvrable": any day but Sunday and public holidays.</summary>
    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek != DayOfWeek.Sunday && !IsPublicHoliday(day);

    /// <summary>The day <paramref name="count"/> working days after <paramref name="from"/> (which itself does not count).</summary>
    public static DateOnly AddWorkingDays(DateOnly from, int count)
    {
        var day = from;
        for (var added = 0; added < count;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                added++;
            }
        }

        return day;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
