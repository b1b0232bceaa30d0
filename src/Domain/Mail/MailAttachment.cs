namespace Store.Domain.Mail;

/// <summary>A file sent with an outbox mail (an invoice's PDF), stored with it so that every retry sends the same bytes.</summary>
public sealed class MailAttachment
{
    private MailAttachment()
    {
    }

    internal MailAttachment(Guid mailId, string fileName, string contentType, byte[] content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentNullException.ThrowIfNull(content);
        Id = Guid.NewGuid();
        MailId = mailId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    public Guid Id { get; private set; }

    public Guid MailId { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = string.Empty;

    public byte[] Content { get; private set; } = [];
}
