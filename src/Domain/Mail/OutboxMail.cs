namespace Store.Domain.Mail;

/// <summary>
/// An e-mail to send, saved in the same transaction as the change that causes it, and sent by the mail
/// dispatcher with retries. Its id is the Message-ID, so a retried send is recognisable as the same message.
/// </summary>
public sealed class OutboxMail
{
    private readonly List<MailAttachment> _attachments = [];

    private OutboxMail()
    {
    }

    public OutboxMail(string to, string subject, string textBody, string? htmlBody, DateTimeOffset now, string? kind = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        Id = Guid.CreateVersion7(now);
        To = to.Trim();
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        Kind = kind;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }

    public string To { get; private set; } = string.Empty;

    public string Subject { get; private set; } = string.Empty;

    public string TextBody { get; private set; } = string.Empty;

    public string? HtmlBody { get; private set; }

    /// <summary>What the mail is about (confirm-email, reset-password, security-alert, invoice, ...), for logs and tests.</summary>
    public string? Kind { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Set when retries are exhausted: the mail is kept, with its last error, for someone to look at.</summary>
    public DateTimeOffset? AbandonedAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Until when a dispatcher holds this mail: another dispatcher (another process) leaves it alone till then.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public void Claim(DateTimeOffset until) => ClaimedUntil = until;

    /// <summary>Lets any dispatcher take the mail again (when it is next due).</summary>
    public void Release() => ClaimedUntil = null;

    public const int MaxAttempts = 8;

    public IReadOnlyList<MailAttachment> Attachments => _attachments;

    /// <summary>Attaches a file, before the mail is saved.</summary>
    public MailAttachment Attach(string fileName, string contentType, byte[] content)
    {
        var attachment = new MailAttachment(Id, fileName, contentType, content);
        _attachments.Add(attachment);
        return attachment;
    }

    public void Sent(DateTimeOffset now)
    {
        Attempts++;
        SentAt = now;
        LastError = null;
    }

    /// <summary>Records a failed attempt and schedules the next one with exponential back-off (30 s, 1 min, 2 min, ...).</summary>
    public void Failed(string error, DateTimeOffset now) => Failed(error, now, TimeSpan.FromSeconds(30));

    /// <summary>Records a failed attempt and schedules the next one with exponential back-off from <paramref name="firstRetryDelay"/>.</summary>
    public void Failed(string error, DateTimeOffset now, TimeSpan firstRetryDelay)
    {
        ArgumentNullException.ThrowIfNull(error);
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        if (Attempts >= MaxAttempts)
        {
            AbandonedAt = now;
        }
        else
        {
            NextAttemptAt = now + (firstRetryDelay * Math.Pow(2, Attempts - 1));
        }
    }
}
