namespace Store.Domain.Mail;

/// <summary>Hands a mail over for delivery. Sending the same mail twice must be harmless (same Message-ID).</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMail mail, CancellationToken cancellationToken);
}
