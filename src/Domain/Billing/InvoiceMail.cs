using System.Globalization;
using System.Net;
using Store.Domain.Mail;

namespace Store.Domain.Billing;

/// <summary>The mail that sends an invoice to the customer's billing address, in its language, with the PDF attached.</summary>
public static class InvoiceMail
{
    public const string Kind = "invoice";

    public static OutboxMail Enqueue(MailOutbox outbox, Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(invoice);
        var buyer = invoice.Buyer;
        var texts = InvoiceTexts.In(buyer.Language);
        var culture = CultureInfo.GetCultureInfo(buyer.Language == "en" ? "en-GB" : "fr-FR");
        var subject = string.Format(culture, texts.MailSubject, invoice.Number);
        var text = string.Format(
            culture,
            texts.MailBody,
            invoice.Number,
            invoice.IssuedOn.ToString("d", culture),
            BillingPeriod.Parse(invoice.Period).First.ToString("MMMM yyyy", culture),
            new Money(invoice.TotalIncludingVat, invoice.Currency).Format(culture),
            invoice.DueOn.ToString("d", culture),
            invoice.Seller.LegalName,
            Payments.CreditorReference.Display(Payments.CreditorReference.For(invoice.Number)),
            invoice.Seller.Iban);
        var html = "<p>" + string.Join("</p><p>", text.Split("\n\n").Select(p => WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal))) + "</p>";
        var mail = outbox.Enqueue(buyer.Email, subject, text, html, Kind);
        mail.Attach($"{invoice.Number}.pdf", "application/pdf", InvoicePdf.Render(invoice));
        return mail;
    }
}
