using Store.Domain.Calls;

namespace Store.Domain.Tests.Calls;

/// <summary>Numbers as the platform sends them, classified once with libphonenumber.</summary>
public sealed class NumberClassifierTests
{
    [Theory]
    [InlineData("01 45 67 89 12", "+33145678912", NumberCategory.MetropolitanFixed, "FR", false)]
    [InlineData("+33 6 12 34 56 78", "+33612345678", NumberCategory.MetropolitanMobile, "FR", true)]
    [InlineData("0033 7 81 23 45 67", "+33781234567", NumberCategory.MetropolitanMobile, "FR", true)]
    [InlineData("33612345678", "+33612345678", NumberCategory.MetropolitanMobile, "FR", true)]
    [InlineData("09 70 12 34 56", "+33970123456", NumberCategory.MetropolitanFixed, "FR", false)]
    [InlineData("0262 21 23 45", "+262262212345", NumberCategory.Overseas, "RE", false)]
    [InlineData("+590 690 12 34 56", "+590690123456", NumberCategory.Overseas, "GP", true)]
    [InlineData("+596 596 30 12 34", "+596596301234", NumberCategory.Overseas, "MQ", false)]
    [InlineData("0899 23 45 67", "+33899234567", NumberCategory.Special, "FR", false)]
    [InlineData("0800 12 34 56", "+33800123456", NumberCategory.Special, "FR", false)]
    [InlineData("3900", "3900", NumberCategory.Special, "FR", false)]
    [InlineData("118 712", "118712", NumberCategory.Special, "FR", false)]
    [InlineData("+49 30 12345678", "+493012345678", NumberCategory.International, "DE", false)]
    [InlineData("+49 151 12345678", "+4915112345678", NumberCategory.International, "DE", true)]
    [InlineData("+41 44 668 18 00", "+41446681800", NumberCategory.International, "CH", false)]
    public void Numbers_are_classified_by_country_and_line(string text, string number, NumberCategory category, string country, bool mobile)
    {
        var classified = NumberClassifier.Classify("callee", text).Value!;
        Assert.Equal((number, category, country, mobile), (classified.Number, classified.Category, classified.Country, classified.Mobile));
    }

    [Fact]
    public void The_short_cut_for_French_and_Swiss_numbers_reads_every_one_as_libphonenumber_s_parser_does()
    {
        var util = PhoneNumbers.PhoneNumberUtil.GetInstance();
        var random = new Random(33);
        var compared = 0;
        foreach (var (prefix, region) in new[] { ("+33", "FR"), ("+41", "CH"), ("0", "FR"), ("0", "CH") })
        {
            for (var first = 0; first <= 9; first++)
            {
                for (var i = 0; i < 300; i++)
                {
                    var text = prefix + first.ToString(System.Globalization.CultureInfo.InvariantCulture) + random.Next(100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
                    PhoneNumbers.PhoneNumber? parsed;
                    try
                    {
                        parsed = util.Parse(text, region);
                        parsed = util.IsValidNumber(parsed) ? parsed : null;
                    }
                    catch (PhoneNumbers.NumberParseException)
                    {
                        parsed = null;
                    }

                    var shortCut = NumberClassifier.FrenchOrSwiss(text, region);
                    if (shortCut is not null)
                    {
                        // What the short cut takes, the parser reads the same; what it leaves, the parser still reads.
                        Assert.Equal(util.Format(parsed!, PhoneNumbers.PhoneNumberFormat.E164), util.Format(shortCut, PhoneNumbers.PhoneNumberFormat.E164));
                        Assert.Equal(util.GetNumberType(parsed!), util.GetNumberType(shortCut));
                        compared++;
                    }
                }
            }
        }

        Assert.True(compared > 5000, $"only {compared} numbers went through the short cut");
    }

    [Fact]
    public void A_Swiss_smart_number_keeps_its_national_form_for_the_catalog_prefixes()
    {
        var n = NumberClassifier.Classify("callee", "0800 123 456", "CH").Value!;
        Assert.Equal(("+41800123456", "0800123456"), (n.Number, n.National));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("01 23")]
    [InlineData("")]
    public void What_is_not_a_number_is_refused_with_the_field_named(string text)
    {
        var problem = Assert.Single(NumberClassifier.Classify("callee", text).Problems);
        Assert.Equal(("callee", "INVALID_PHONE_NUMBER"), (problem.Field, problem.Code));
    }
}
