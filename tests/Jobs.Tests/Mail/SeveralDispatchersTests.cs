using Microsoft.Extensions.DependencyInjection;
using Store.Domain.Mail;
using Store.Testing;

namespace Store.Jobs.Tests.Mail;

public sealed class SeveralDispatchersTests
{
    [Fact]
    public async Task Two_jobs_processes_on_the_same_database_send_each_mail_exactly_once()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var world = await JobsWorld.CreateAsync();
        var first = await world.StartHostAsync(JobsWorld.Smtp(smtp.Port));
        var second = await world.StartHostAsync(JobsWorld.Smtp(smtp.Port));

        var now = DateTimeOffset.UtcNow;
        var mails = Enumerable.Range(0, 60).Select(i => new OutboxMail($"user{i}@example.com", $"Mail {i}", "Texte", null, now.AddMilliseconds(i), "test")).ToList();
        await using (var db = world.OpenDatabase())
        {
            db.OutboxMails.AddRange(mails);
            await db.SaveChangesAsync();
        }

        // Both wake at the same moment, as when mails are queued in both processes at once.
        first.Services.GetRequiredService<MailSignal>().Pulse();
        second.Services.GetRequiredService<MailSignal>().Pulse();

        foreach (var mail in mails)
        {
            await smtp.WaitForMessageAsync(m => m.MessageId == $"{mail.Id}@store", TimeSpan.FromSeconds(30));
        }

        // Longer than a poll: a duplicate would have had time to arrive.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var received = smtp.Messages.CountBy(m => m.MessageId ?? string.Empty).ToDictionary();
        Assert.Equal(mails.Count, received.Count);
        Assert.All(received, r => Assert.Equal(1, r.Value));
        foreach (var mail in mails)
        {
            var stored = await world.ReadAsync(mail.Id);
            Assert.NotNull(stored.SentAt);
            Assert.Equal(1, stored.Attempts);
        }
    }
}
