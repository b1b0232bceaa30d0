using Store.Domain.Payments;

namespace Store.Domain.Tests.Payments;

public sealed class CreditorReferenceTests
{
    [Fact]
    public void The_ISO_11649_example_gets_its_published_check_digits()
    {
        Assert.Equal("RF18539007547034", CreditorReference.For("539007547034"));
        Assert.Equal("RF18 5390 0754 7034", CreditorReference.Display("RF18539007547034"));
    }

    [Fact]
    public void An_invoice_number_becomes_a_reference_that_reads_back()
    {
        var reference = CreditorReference.For("F-2026-000042");
        Assert.StartsWith("RF", reference, StringComparison.Ordinal);
        Assert.EndsWith("F2026000042", reference, StringComparison.Ordinal);
        Assert.True(CreditorReference.TryParse(CreditorReference.Display(reference).ToLowerInvariant(), out var read));
        Assert.Equal(reference, read);
    }

    [Theory]
    [InlineData("RF19 5390 0754 7034")] // wrong check digits
    [InlineData("RF18 5390 0754 7043")] // two digits swapped
    [InlineData("RF18")]
    [InlineData("XX18539007547034")]
    [InlineData("")]
    [InlineData("RF18 5390 0754 7034 0000 0000 00")] // longer than 25
    public void A_mistyped_or_foreign_reference_is_refused(string text) =>
        Assert.False(CreditorReference.TryParse(text, out _));

    [Fact]
    public void A_reference_written_in_a_transfer_label_is_found_even_followed_by_words()
    {
        var reference = CreditorReference.For("F-2026-000042");
        Assert.Equal(reference, BankStatementFile.FindReference(null, $"VIR SEPA CLIENT 01 SARL {CreditorReference.Display(reference)} merci"));
        Assert.Equal(reference, BankStatementFile.FindReference(reference.ToLowerInvariant(), "whatever"));
        Assert.Null(BankStatementFile.FindReference(null, "VIR SEPA facture de mars"));
        Assert.Equal("F-2026-000042", BankStatementFile.FindInvoiceNumber(null, "paiement facture f-2026-000042"));
    }
}
