using Store.Domain.Persistence;

namespace Store.Domain.Mail;

/// <summary>
/// Queues e-mail in the database with the change that causes it: the mail is sent only if the change is saved,
/// and is never lost if sending fails. The mail dispatcher (Jobs) sends it.
/// </summary>
public sealed class MailOutbox(StoreDb db, TimeProvider clock, MailSignal signal)
{
    private bool _queued;

    /// <summary>Adds a mail to the unit of work; it is queued when the caller saves.</summary>
    public OutboxMail Enqueue(string to, string subject, string textBody, string? htmlBody, string kind)
    {
        var mail = new OutboxMail(to, subject, textBody, htmlBody, clock.GetUtcNow(), kind);
        db.OutboxMails.Add(mail);
        if (!_queued)
        {
            _queued = true;
            db.SavedChanges += WakeDispatcher;
        }

        return mail;
    }

    private void WakeDispatcher(object? sender, Microsoft.EntityFrameworkCore.SavedChangesEventArgs e) => signal.Pulse();
}
