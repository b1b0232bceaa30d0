using System.Globalization;
using System.Net;
using Store.Domain.Mail;

namespace Store.Domain.Billing;

/// <summary>The mail that sends a credit note to the customer's billing address, in its language, with the PDF attached.</summary>
public static class CreditNoteMail
{
    public const string Kind = "credit-note";

    private sealed record Texts(string Subject, string Body, string Refund, string Deducted);

    // {0} credit note number, {1} invoice number, {2} amount, {3} reason, {4} seller, {5} what happens to the money
    private static readonly Dictionary<string, Texts> All = new(StringComparer.Ordinal)
    {
        ["fr"] = new(
            "Avoir {0} sur la facture {1}",
            "Bonjour,\n\nVous trouverez ci-joint l'avoir {0} sur la facture {1}, d'un montant de {2} TTC.\nMotif : {3}\n\n{5}\n\n{4}",
            "Ce montant vous est remboursé sur le moyen de paiement utilisé pour la facture ; le remboursement apparaît sous quelques jours ouvrés.",
            "Ce montant est déduit de ce qui reste à payer sur la facture."),
        ["en"] = new(
            "Credit note {0} for invoice {1}",
            "Hello,\n\nPlease find attached credit note {0} for invoice {1}, for {2} including VAT.\nReason: {3}\n\n{5}\n\n{4}",
            "This amount is refunded to the payment method used for the invoice; the refund shows within a few working days.",
            "This amount is deducted from what is still due on the invoice."),
    };

    /// <param name="refunded">Whether a card or SEPA refund goes with the credit note.</param>
    public static OutboxMail Enqueue(MailOutbox outbox, CreditNote note, Invoice invoice, bool refunded)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(note);
        ArgumentNullException.ThrowIfNull(invoice);
        var buyer = invoice.Buyer;
        var language = buyer.Language == "en" ? "en" : "fr";
        var texts = All[language];
        var culture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "fr-FR");
        var subject = string.Format(culture, texts.Subject, note.Number, note.InvoiceNumber);
        var text = string.Format(culture, texts.Body, note.Number, note.InvoiceNumber, new Money(note.TotalIncludingVat, note.Currency).Format(culture), note.Reason, invoice.Seller.LegalName, refunded ? texts.Refund : texts.Deducted);
        var html = "<p>" + string.Join("</p><p>", text.Split("\n\n").Select(p => WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal))) + "</p>";
        var mail = outbox.Enqueue(buyer.Email, subject, text, html, Kind);
        mail.Attach($"{note.Number}.pdf", "application/pdf", InvoicePdf.Render(note));
        return mail;
    }
}
