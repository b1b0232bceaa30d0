using Store.Domain.Customers;

namespace Store.Domain.Tests.Customers;

public sealed class CompanyIdentifiersTests
{
    [Theory]
    [InlineData("552032534", "552032534")]
    [InlineData("552 032 534", "552032534")]
    [InlineData("732 829 320", "732829320")]
    public void A_SIREN_with_a_right_Luhn_check_is_accepted(string text, string written)
    {
        Assert.Equal(written, CompanyIdentifiers.Siren("siren", text).Value);
    }

    [Theory]
    [InlineData("123456789")]
    [InlineData("55203253")]
    [InlineData("55203253A")]
    [InlineData("")]
    public void A_SIREN_with_a_wrong_check_digit_or_length_is_refused_with_a_clear_message(string text)
    {
        var outcome = CompanyIdentifiers.Siren("companyNumber", text);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(("companyNumber", CompanyIdentifiers.InvalidSiren), (problem.Field, problem.Code));
        Assert.Contains("9 digits", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CHE-116.281.710", "CHE-116.281.710")]
    [InlineData("che116281710", "CHE-116.281.710")]
    [InlineData("CHE-109.515.305", "CHE-109.515.305")]
    [InlineData("CHE-123.456.788", "CHE-123.456.788")]
    public void A_Swiss_UID_with_a_right_modulo_11_check_is_accepted_and_written_the_standard_way(string text, string written)
    {
        Assert.Equal(written, CompanyIdentifiers.SwissUid("uid", text).Value);
    }

    [Theory]
    [InlineData("CHE-123.456.789")]
    [InlineData("CHE-116.281.71")]
    [InlineData("DE-116.281.710")]
    public void A_Swiss_UID_with_a_wrong_check_digit_is_refused(string text)
    {
        Assert.Equal(CompanyIdentifiers.InvalidUid, Assert.Single(CompanyIdentifiers.SwissUid("uid", text).Problems).Code);
    }

    [Theory]
    [InlineData("FR27552032534", "FR27552032534")]
    [InlineData("fr 27 552 032 534", "FR27552032534")]
    [InlineData("FR44732829320", "FR44732829320")]
    [InlineData("CHE-116.281.710 MWST", "CHE-116.281.710 MWST")]
    [InlineData("CHE116281710TVA", "CHE-116.281.710 TVA")]
    [InlineData("DE123456789", "DE123456789")]
    [InlineData("BE0123456789", "BE0123456789")]
    public void Valid_VAT_numbers_are_accepted(string text, string written)
    {
        Assert.Equal(written, CompanyIdentifiers.VatNumber("vat", text).Value);
    }

    [Theory]
    [InlineData("FR28552032534")]
    [InlineData("FR27123456789")]
    [InlineData("CHE-116.281.710")]
    [InlineData("CHE-123.456.789 MWST")]
    [InlineData("DE12345678")]
    [InlineData("XX123")]
    public void Invalid_VAT_numbers_are_refused(string text)
    {
        Assert.Equal(CompanyIdentifiers.InvalidVat, Assert.Single(CompanyIdentifiers.VatNumber("vat", text).Problems).Code);
    }
}
