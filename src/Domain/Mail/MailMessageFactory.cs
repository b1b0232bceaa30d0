using MimeKit;

namespace Store.Domain.Mail;

/// <summary>Builds the MIME message of an outbox mail, identical at every attempt.</summary>
public static class MailMessageFactory
{
    public static MimeMessage Create(OutboxMail mail, string from)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = new MimeMessage
        {
            MessageId = $"{mail.Id}@store",
            Date = mail.CreatedAt,
            Subject = mail.Subject,
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
