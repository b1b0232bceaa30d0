using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Store.Testing;

/// <summary>
/// A real SMTP server on a loopback port that keeps every message it receives, so that a test sees what a
/// recipient would get. Start it with <see cref="StartAsync"/>; <see cref="RejectRecipient"/> makes it refuse
/// some recipients the way a real server refuses an unknown mailbox.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly List<MimeMessage> _messages = [];
    private readonly List<Waiter> _waiters = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private Task _running = Task.CompletedTask;

    private TestSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new MessageKeeper(this));
        services.Add(new RecipientFilter(this));
        _server = new SmtpServer.SmtpServer(options, services);
    }

    public int Port { get; }

    /// <summary>Recipients (the address, e.g. <c>nobody@example.com</c>) for which the server answers 550 at RCPT TO.</summary>
    public Func<string, bool> RejectRecipient { get; set; } = _ => false;

    /// <summary>Every message received so far, in order of arrival.</summary>
    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Starts a server on <paramref name="port"/>, or on a free port when it is 0, and returns once it accepts connections.</summary>
    public static async Task<TestSmtpServer> StartAsync(int port = 0)
    {
        var server = new TestSmtpServer(port == 0 ? FreePort() : port);
        server._running = server._server.StartAsync(server._stop.Token);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>A loopback port nobody listens on at the moment, e.g. to point a client at a server that is down.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first message, received before or during the wait, that matches; a <see cref="TimeoutException"/> if none comes in time.</summary>
    public async Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var waiter = new Waiter(match);
        lock (_messages)
        {
            var received = _messages.Find(m => match(m));
            if (received is not null)
            {
                return received;
            }

            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Found.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            lock (_messages)
            {
                _waiters.Remove(waiter);
                var subjects = string.Join(", ", _messages.Select(m => $"'{m.Subject}'"));
                throw new TimeoutException($"No matching message arrived within {timeout}; received: [{subjects}].");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked.
        }

        _stop.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (attempt < 100 && !_running.IsCompleted)
            {
                await Task.Delay(20);
            }
        }
    }

    private void Receive(MimeMessage message)
    {
        lock (_messages)
        {
            _messages.Add(message);
            foreach (var waiter in _waiters.Where(w => w.Match(message)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Found.TrySetResult(message);
            }
        }
    }

    private sealed record Waiter(Func<MimeMessage, bool> Match)
    {
        public TaskCompletionSource<MimeMessage> Found { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class MessageKeeper(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            server.Receive(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class RecipientFilter(TestSmtpServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!server.RejectRecipient(to.AsAddress()));
    }
}
