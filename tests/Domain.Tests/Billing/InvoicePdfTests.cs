using Store.Domain.Billing;
using Store.Domain.Subscriptions;
using Store.Testing;
using static Store.Domain.Tests.Billing.BillingExamples;

namespace Store.Domain.Tests.Billing;

public sealed class InvoicePdfTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 4, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_PDF_carries_the_lines_totals_and_the_legal_mentions_of_a_French_invoice()
    {
        var subscription = Monthly("forfait-pro", 3, D(2025, 6, 1), options: Option("call-recording", new QuantityStep(D(2026, 3, 16), 1)));
        var draft = Invoice("2026-04", FrenchBuyer(), [subscription]);
        var invoice = Store.Domain.Billing.Invoice.Issue(draft, "F-2026-000042", IssuedAt, 30);

        var text = await PdfText.ExtractAsync(InvoicePdf.Render(invoice));

        // 3 × 39.90 = 119.70; recording 16/31 × 10 = 5.16 and April 10.00: HT 134.86, VAT 26.972 → 26.97, TTC 161.83.
        Assert.Contains("FACTURE N° F-2026-000042", text, StringComparison.Ordinal);
        Assert.Contains("Date d'émission : 01/04/2026", text, StringComparison.Ordinal);
        Assert.Contains("Date d'échéance : 01/05/2026", text, StringComparison.Ordinal);
        Assert.Contains("Store Télécom", text, StringComparison.Ordinal);
        Assert.Contains("RCS Paris 552 032 534", text, StringComparison.Ordinal);
        Assert.Contains("FR27552032534", text, StringComparison.Ordinal);
        Assert.Contains("Boulangerie Martin SARL", text, StringComparison.Ordinal);
        Assert.Contains("SIREN : 732 829 320", text, StringComparison.Ordinal);
        Assert.Contains("Enregistrement des appels — ajout au prorata", text, StringComparison.Ordinal);
        Assert.Contains("(16/31)", text, StringComparison.Ordinal);
        Assert.Contains("134,86 EUR", Normalize(text), StringComparison.Ordinal);
        Assert.Contains("26,97 EUR", Normalize(text), StringComparison.Ordinal);
        Assert.Contains("161,83 EUR", Normalize(text), StringComparison.Ordinal);
        Assert.Contains("40 EUR", text, StringComparison.Ordinal);
        Assert.Contains("trois fois le taux d'intérêt légal", Normalize(text), StringComparison.Ordinal);
        Assert.Contains("IBAN FR7630006000011234567890189", text, StringComparison.Ordinal);

        // The ISO 11649 reference to quote with the transfer, made from the number.
        Assert.Contains($"Référence à indiquer : {Store.Domain.Payments.CreditorReference.Display(Store.Domain.Payments.CreditorReference.For("F-2026-000042"))}", Normalize(text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reverse_charged_invoice_prints_the_legal_mention_in_English_for_a_German_customer()
    {
        var draft = Invoice("2026-04", FrenchBuyer("DE", "DE123456789"), [Monthly("forfait-start", 1, D(2025, 6, 1))]);
        var invoice = Store.Domain.Billing.Invoice.Issue(draft, "F-2026-000043", IssuedAt, 30);

        var text = Normalize(await PdfText.ExtractAsync(InvoicePdf.Render(invoice)));

        Assert.Contains("INVOICE No. F-2026-000043", text, StringComparison.Ordinal);
        Assert.Contains("Autoliquidation — article 283-2 du CGI / article 196 de la directive 2006/112/CE", text, StringComparison.Ordinal);
        Assert.Contains("VAT number : DE123456789", text, StringComparison.Ordinal);
        Assert.Contains("EUR 19.90", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Swiss_invoice_ends_with_the_QR_bill_payment_part_and_its_receipt()
    {
        var draft = Invoice("2026-04", SwissBuyer(), [Monthly("0800", 1, D(2025, 6, 1), kind: ProductKind.SmartNumber)], seller: SwissSeller);
        var invoice = Store.Domain.Billing.Invoice.Issue(draft, "F-2026-000044", IssuedAt, 30);
        var reference = Store.Domain.Payments.CreditorReference.For("F-2026-000044");

        var text = Normalize(await PdfText.ExtractAsync(InvoicePdf.Render(invoice)));

        // Receipt and payment part, in the customer's language, each with the account, the creditor, the reference,
        // the debtor and the amount due (the reference is also above them, where a French invoice has it).
        Assert.Contains("Récépissé", text, StringComparison.Ordinal);
        Assert.Contains("Section paiement", text, StringComparison.Ordinal);
        Assert.Contains("Point de dépôt", text, StringComparison.Ordinal);
        Assert.Contains("Informations supplémentaires", text, StringComparison.Ordinal);
        Assert.Equal(2, Count(text, "Compte / Payable à"));
        Assert.Equal(2, Count(text, "CH93 0076 2011 6238 5295 7"));
        Assert.Equal(3, Count(text, "Store Télécom Suisse")); // the seller, top left, then the creditor twice
        Assert.Equal(2, Count(text, "Payable par"));
        Assert.Equal(3, Count(text, "Uhren Müller AG")); // the customer's block, then the debtor twice
        Assert.Equal(3, Count(text, "8001 Zürich"));
        Assert.Equal(3, Count(text, Store.Domain.Payments.CreditorReference.Display(reference)));
        Assert.Equal(2, Count(text, "27.03"));
        Assert.Contains("Facture F-2026-000044", text, StringComparison.Ordinal);

        // The QR code holds the Swiss payment standard's fields, in their order (IG QR-bill 2.x, section 4.3).
        var payload = SwissPaymentPart.Payload(invoice).Split("\r\n");
        Assert.Equal(["SPC", "0200", "1", "CH9300762011623852957"], payload[..4]);
        Assert.Equal(["S", "Store Télécom Suisse", "Rue du Rhône 1", string.Empty, "1204", "Genève", "CH"], payload[4..11]);
        Assert.Equal(["27.03", "CHF"], payload[18..20]);
        Assert.Equal(["S", "Uhren Müller AG", "Bahnhofstrasse 1", string.Empty, "8001", "Zürich", "CH"], payload[20..27]);
        Assert.Equal(["SCOR", reference, "Facture F-2026-000044", "EPD"], payload[27..31]);
    }

    [Fact]
    public async Task A_French_invoice_has_no_Swiss_payment_part()
    {
        var draft = Invoice("2026-04", FrenchBuyer(), [Monthly("forfait-start", 1, D(2025, 6, 1))]);
        var invoice = Store.Domain.Billing.Invoice.Issue(draft, "F-2026-000045", IssuedAt, 30);

        var text = await PdfText.ExtractAsync(InvoicePdf.Render(invoice));

        Assert.False(SwissPaymentPart.Applies(invoice));
        Assert.DoesNotContain("Section paiement", text, StringComparison.Ordinal);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>pdftotext writes the thin and no-break spaces of French numbers as they are: make them plain spaces.</summary>
    private static string Normalize(string text) =>
        string.Join(' ', text.Replace('\u202F', ' ').Replace('\u00A0', ' ').Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
