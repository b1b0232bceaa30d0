using System.Diagnostics;
using Store.Testing;

namespace Store.Jobs.Tests.Mail;

public sealed class SmtpDeliveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_queued_mail_arrives_at_the_SMTP_server_with_its_subject_text_html_and_Message_ID()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync(JobsWorld.Smtp(smtp.Port));

        var mail = await JobsWorld.QueueAsync(host, "alice@example.com", "Confirmez votre adresse", "Bonjour Alice,\r\nCliquez sur le lien.", "<p>Bonjour Alice</p>");

        var received = await smtp.WaitForMessageAsync(m => m.MessageId == $"{mail.Id}@store", Timeout);
        Assert.Equal("Confirmez votre adresse", received.Subject);
        Assert.Equal("alice@example.com", Assert.Single(received.To.Mailboxes).Address);
        Assert.Equal("no-reply@store.localhost", Assert.Single(received.From.Mailboxes).Address);
        Assert.Contains("Cliquez sur le lien.", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>Bonjour Alice</p>", received.HtmlBody, StringComparison.Ordinal);

        var stored = await world.WaitForAsync(mail.Id, m => m.SentAt is not null, Timeout);
        Assert.Equal(1, stored.Attempts);
        Assert.Null(stored.ClaimedUntil);
    }

    [Fact]
    public async Task A_mail_goes_out_as_soon_as_it_is_queued_without_waiting_for_the_next_poll()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync(JobsWorld.Smtp(smtp.Port));

        // Polling alone (every 2 s) would miss the one-second bound about half of the time, each time.
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            var mail = await JobsWorld.QueueAsync(host, "bob@example.com", $"Mail {i}", "Texte");
            await smtp.WaitForMessageAsync(m => m.MessageId == $"{mail.Id}@store", TimeSpan.FromSeconds(1));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"mail {i} took {clock.Elapsed}");
        }
    }

    [Fact]
    public async Task A_mail_queued_while_the_SMTP_server_is_down_is_retried_and_arrives_once_it_is_up()
    {
        var port = TestSmtpServer.FreePort();
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync(JobsWorld.Smtp(port, retryBaseSeconds: 1));

        var mail = await JobsWorld.QueueAsync(host, "carol@example.com", "Votre facture", "Facture jointe.");
        var failed = await world.WaitForAsync(mail.Id, m => m.Attempts >= 1, Timeout);
        Assert.Null(failed.SentAt);
        Assert.False(string.IsNullOrEmpty(failed.LastError));

        await using var smtp = await TestSmtpServer.StartAsync(port);
        var received = await smtp.WaitForMessageAsync(m => m.MessageId == $"{mail.Id}@store", Timeout);
        Assert.Equal("Votre facture", received.Subject);

        var sent = await world.WaitForAsync(mail.Id, m => m.SentAt is not null, Timeout);
        Assert.True(sent.Attempts >= 2);
        Assert.Null(sent.LastError);
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task A_mail_refused_at_every_attempt_is_abandoned_with_its_last_error_and_the_others_still_go_out()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.RejectRecipient = address => address == "nobody@example.com";
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync(JobsWorld.Smtp(smtp.Port, retryBaseSeconds: 0.02));

        var refused = await JobsWorld.QueueAsync(host, "nobody@example.com", "Perdu", "Texte");
        var before = await JobsWorld.QueueAsync(host, "dave@example.com", "Avant", "Texte");
        await smtp.WaitForMessageAsync(m => m.MessageId == $"{before.Id}@store", Timeout);

        var abandoned = await world.WaitForAsync(refused.Id, m => m.AbandonedAt is not null, Timeout);
        Assert.Equal(Domain.Mail.OutboxMail.MaxAttempts, abandoned.Attempts);
        Assert.Null(abandoned.SentAt);
        Assert.False(string.IsNullOrEmpty(abandoned.LastError));

        var after = await JobsWorld.QueueAsync(host, "dave@example.com", "Après", "Texte");
        await smtp.WaitForMessageAsync(m => m.MessageId == $"{after.Id}@store", Timeout);
        Assert.Equal(["Avant", "Après"], smtp.Messages.Select(m => m.Subject));
        Assert.Equal(Domain.Mail.OutboxMail.MaxAttempts, (await world.ReadAsync(refused.Id)).Attempts);
    }

    [Fact]
    public async Task Stopping_the_host_stops_the_dispatcher_promptly()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var world = await JobsWorld.CreateAsync();
        var host = await world.StartHostAsync(JobsWorld.Smtp(smtp.Port));
        await JobsWorld.QueueAsync(host, "erin@example.com", "Bonjour", "Texte");
        await smtp.WaitForMessageAsync(_ => true, Timeout);

        var clock = Stopwatch.StartNew();
        await host.StopAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stop took {clock.Elapsed}");
    }
}
