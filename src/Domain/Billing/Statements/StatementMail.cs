using System.Globalization;
using System.Net;
using Store.Domain.Mail;

namespace Store.Domain.Billing.Statements;

/// <summary>The mail that sends a statement to the holder's billing address, in its language, with the PDF attached.</summary>
public static class StatementMail
{
    public const string Kind = "smart-number-statement";

    public static OutboxMail Enqueue(MailOutbox outbox, Statement statement)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(statement);
        var holder = statement.Holder;
        var texts = StatementTexts.In(holder.Language);
        var culture = CultureInfo.GetCultureInfo(holder.Language == "en" ? "en-GB" : "fr-FR");
        var subject = string.Format(culture, texts.MailSubject, statement.Number);
        var text = string.Format(
            culture,
            texts.MailBody,
            statement.Number,
            BillingPeriod.Parse(statement.Period).First.ToString("MMMM yyyy", culture),
            statement.Calls,
            new Money(statement.CallerRevenue, statement.Currency).Format(culture),
            new Money(statement.HolderShare, statement.Currency).Format(culture),
            statement.PayoutOn.ToString("d", culture),
            statement.Seller.LegalName);
        var html = "<p>" + string.Join("</p><p>", text.Split("\n\n").Select(p => WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal))) + "</p>";
        var mail = outbox.Enqueue(holder.Email, subject, text, html, Kind);
        mail.Attach($"{statement.Number}.pdf", "application/pdf", StatementPdf.Render(statement));
        return mail;
    }
}
