using Store.Domain.Numbers;

namespace Store.Domain.Tests.Numbers;

public sealed class NumbersTests
{
    [Theory]
    [InlineData("01 23 45 67 89", "+33123456789")]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("0033162000000", "+33162000000")]
    public void French_numbers_are_read_in_national_or_international_form(string text, string e164)
    {
        Assert.Equal(e164, PhoneNumberText.ToE164("number", text).Value);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("01 23 45")]
    [InlineData("not a number")]
    [InlineData("")]
    public void Something_that_is_not_a_number_is_refused_with_a_clear_message(string text)
    {
        var problem = Assert.Single(PhoneNumberText.ToE164("number", text).Problems);
        Assert.Equal(("number", "INVALID_PHONE_NUMBER"), (problem.Field, problem.Code));
    }

    [Fact]
    public void Swiss_numbers_are_read_for_Switzerland()
    {
        Assert.Equal("+41800123456", PhoneNumberText.ToE164("number", "0800 123 456", "CH").Value);
    }

    [Theory]
    [InlineData("+33162000000", CallerIdUse.AutomatedSystem, true)]
    [InlineData("+33949000000", CallerIdUse.AutomatedSystem, true)]
    [InlineData("+33144000000", CallerIdUse.AutomatedSystem, false)]
    [InlineData("+33612345678", CallerIdUse.AutomatedSystem, false)]
    [InlineData("+33937000000", CallerIdUse.TechnicalPlatform, true)]
    [InlineData("+33939400000", CallerIdUse.TechnicalPlatform, true)]
    [InlineData("+33939500000", CallerIdUse.TechnicalPlatform, false)]
    [InlineData("+33162000000", CallerIdUse.TechnicalPlatform, false)]
    [InlineData("+33144000000", CallerIdUse.Person, true)]
    [InlineData("+33612345678", CallerIdUse.Person, true)]
    [InlineData("+33899000000", CallerIdUse.Person, false)]
    [InlineData("+33891000000", CallerIdUse.AutomatedSystem, false)]
    public void Caller_ID_follows_the_ARCEP_ranges_of_004(string e164, CallerIdUse use, bool allowed)
    {
        var problems = CallerIdRules.Check("callerId", e164, use);
        Assert.Equal(allowed, problems.Count == 0);
        Assert.All(problems, p => Assert.Equal("CALLER_ID_NOT_ALLOWED", p.Code));
    }

    [Theory]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2027, "2027-03-28")]
    public void Easter_is_computed_for_the_holidays_that_follow_it(int year, string easter)
    {
        Assert.Equal(DateOnly.Parse(easter, System.Globalization.CultureInfo.InvariantCulture), FrenchCalendar.EasterSunday(year));
    }

    [Fact]
    public void Porting_is_at_the_earliest_14_working_days_later_Sundays_and_holidays_not_counted()
    {
        // Requested Monday 4 May 2026. Working days (Mon-Sat) after it: Tue 5 (1), Wed 6 (2), Thu 7 (3), [Fri 8 holiday],
        // Sat 9 (4), [Sun], Mon 11 (5), Tue 12 (6), Wed 13 (7), [Thu 14 Ascension], Fri 15 (8), Sat 16 (9), [Sun],
        // Mon 18 (10), Tue 19 (11), Wed 20 (12), Thu 21 (13), Fri 22 (14) -> Friday 22 May 2026.
        var requested = new DateOnly(2026, 5, 4);
        Assert.Equal(new DateOnly(2026, 5, 22), Porting.EarliestDate(requested));
        Assert.Empty(Porting.CheckDate("portingDate", requested, new DateOnly(2026, 5, 22)));
        var problem = Assert.Single(Porting.CheckDate("portingDate", requested, new DateOnly(2026, 5, 21)));
        Assert.Equal("PORTING_TOO_EARLY", problem.Code);
        Assert.Contains("22/05/2026", problem.Message, StringComparison.Ordinal);
    }
}
