using Microsoft.Extensions.Options;

namespace Store.Domain.Mail;

/// <summary>
/// Writes each mail as <c>{id}.eml</c> into a folder, for a local mail server or a person to pick up. The file
/// appears whole or not at all, and a mail already written is not written again.
/// </summary>
public sealed class PickupFolderTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(OutboxMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = options.Value;
        var folder = settings.PickupFolder;
        var path = Path.Combine(folder, $"{mail.Id}.eml");
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $"{mail.Id}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var message = MailMessageFactory.Create(mail, settings.From))
            {
                await message.WriteToAsync(temporary, cancellationToken);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another dispatcher wrote the same mail first: it is sent.
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
