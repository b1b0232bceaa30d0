namespace Store.Api.Transport;

public sealed class GraphQLWebSocketOptions
{
    /// <summary>How long a client has to send connection_init before the socket is closed with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the server pings an idle client, so proxies keep the socket open.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The largest message accepted from a client, in bytes; larger ones close the socket with 1009.</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Messages waiting for a slow client before the socket is closed.</summary>
    public int MaxQueuedMessages { get; set; } = 1024;
}
