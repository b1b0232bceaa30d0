using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Store.Domain.Mail;

namespace Store.Jobs.Tests.Mail;

public sealed class PickupFolderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Without_an_SMTP_server_each_mail_is_written_once_as_an_eml_file_named_by_its_id()
    {
        await using var world = await JobsWorld.CreateAsync();
        var folder = Path.Combine(world.Folder, "pickup");
        var host = await world.StartHostAsync(new() { ["Store:Mail:PickupFolder"] = folder });

        var mails = new List<OutboxMail>();
        for (var i = 0; i < 3; i++)
        {
            mails.Add(await JobsWorld.QueueAsync(host, $"user{i}@example.com", $"Bienvenue {i}", $"Bonjour {i}"));
        }

        foreach (var mail in mails)
        {
            await world.WaitForAsync(mail.Id, m => m.SentAt is not null, Timeout);
        }

        Assert.Equal(mails.Select(m => $"{m.Id}.eml").Order(), Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        for (var i = 0; i < mails.Count; i++)
        {
            using var message = await MimeMessage.LoadAsync(Path.Combine(folder, $"{mails[i].Id}.eml"));
            Assert.Equal($"{mails[i].Id}@store", message.MessageId);
            Assert.Equal($"Bienvenue {i}", message.Subject);
            Assert.Equal($"user{i}@example.com", Assert.Single(message.To.Mailboxes).Address);
            Assert.Contains($"Bonjour {i}", message.TextBody, StringComparison.Ordinal);
        }

        // A retry of a mail already written (say the process stopped before recording it) leaves the file alone.
        var first = Path.Combine(folder, $"{mails[0].Id}.eml");
        var written = await File.ReadAllBytesAsync(first);
        var writtenAt = File.GetLastWriteTimeUtc(first);
        await host.Services.GetRequiredService<IMailTransport>().SendAsync(await world.ReadAsync(mails[0].Id), CancellationToken.None);
        Assert.Equal(written, await File.ReadAllBytesAsync(first));
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(first));
        Assert.Equal(mails.Count, Directory.GetFiles(folder).Length);
    }

    [Fact]
    public async Task The_pickup_folder_defaults_to_App_Data_mail_under_the_content_root()
    {
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync([]);

        var mail = await JobsWorld.QueueAsync(host, "frank@example.com", "Bonjour", "Texte");
        await world.WaitForAsync(mail.Id, m => m.SentAt is not null, Timeout);

        Assert.True(File.Exists(Path.Combine(world.Folder, "App_Data", "mail", $"{mail.Id}.eml")));
    }
}
