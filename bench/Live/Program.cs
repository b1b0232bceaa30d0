// Live statistics under load, over loopback: 1 000 graphql-transport-ws subscribers to callStatistics while the
// platform posts 1 000 call events a second in batches, for five minutes. Prints the delivery latency (from the
// moment a batch is posted to the moment a subscriber receives figures that include its events) as percentiles,
// and the process's memory every ten seconds: working set, the GC heap as it stands (live objects and garbage not yet
// collected) and what a full collection keeps (the memory the process really holds), compared after warm-up and at the end,
// and once the retention of ended calls is full (from then on, calls held stop growing: as many end as are forgotten).
// Run: dotnet run -c Release --project bench/Live [-- --seconds 300 --subscribers 1000 --accounts 1000 --rate 1000]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Store.Api.Customers;
using Store.Api.Live;
using Store.Api.Relay;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Identity;
using Store.Domain.Numbers;
using Store.Domain.Persistence;
using Store.Site.Identity.OpenId;

namespace Store.Bench.Live;

internal static class LiveBench
{
    private const string PlatformSecret = "bench platform secret 0123456789abcdef";

    public static async Task<int> Main(string[] args)
    {
        var seconds = Argument(args, "--seconds", 300);
        var subscribers = Argument(args, "--subscribers", 1000);
        var accounts = Argument(args, "--accounts", 1000);
        var rate = Argument(args, "--rate", 1000);
        const int TicksPerSecond = 10;

        var folder = Path.Combine(Path.GetTempPath(), "store-bench-live", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_STORE_SITE", Path.Combine(RepositoryRoot(), "src", "Site"));
        await using var host = new BenchHost(Path.Combine(folder, "store.db"));
        host.UseKestrel(0);
        host.StartServer();
        var baseAddress = host.ClientOptions.BaseAddress;
        var (accountIds, numbers, clientId, secret) = await SeedAsync(host.Services, accounts);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = baseAddress };
        var platformToken = await TokenAsync(http, OpenIdClientSeeder.PlatformClientId, PlatformSecret, StoreScopes.CallsWrite);
        var watcherToken = await TokenAsync(http, clientId, secret, null);
        var live = host.Services.GetRequiredService<LiveStatistics>();
        var liveOptions = host.Services.GetRequiredService<IOptions<LiveOptions>>().Value;

        Console.WriteLine($"Store live statistics benchmark: {subscribers} WebSocket subscribers on {accounts} accounts, {rate} events/s for {seconds} s, {Environment.ProcessorCount} cores, loopback {baseAddress}");

        // Each subscriber watches one account; the events of an account wait in its subscribers' queues until figures include them.
        var pendingOf = Enumerable.Range(0, subscribers).Select(_ => new ConcurrentQueue<(long At, long SentAt)>()).ToArray();
        var subscribersOf = Enumerable.Range(0, accounts).Select(a => Enumerable.Range(0, subscribers).Where(s => s % accounts == a).ToArray()).ToArray();
        // Fixed-size histograms, so the bench's own bookkeeping does not grow with the deliveries it measures.
        var latencies = new LatencyHistogram();
        var window = new LatencyHistogram();
        var postWindow = new LatencyHistogram();
        (double Seconds, double MiB, int Calls)? retainedAfterWarmUp = null;
        (double Seconds, double MiB, int Calls)? retainedAtEnd = null;
        (double Seconds, double MiB, int Calls)? retainedWindowFull = null;
        var warmUpSeconds = Math.Min(60, seconds / 2);
        // An ended call is held for the retention, and forgotten at the next sweep: calls held grow until then.
        var windowFullSeconds = (liveOptions.FinishedCallRetention + liveOptions.SweepInterval).TotalSeconds + 10;
        long messages = 0;
        using var stop = new CancellationTokenSource();
        var sockets = new List<ClientWebSocket>();
        var ready = new CountdownEvent(subscribers);
        var readers = new List<Task>();
        for (var s = 0; s < subscribers; s++)
        {
            var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol("graphql-transport-ws");
            await socket.ConnectAsync(new Uri($"ws://{baseAddress.Authority}/graphql"), CancellationToken.None);
            await SendAsync(socket, new { type = "connection_init", payload = new Dictionary<string, string> { ["Authorization"] = "Bearer " + watcherToken } });
            await SendAsync(socket, new
            {
                id = "live",
                type = "subscribe",
                payload = new { query = "subscription ($id: ID!) { callStatistics(accountId: $id, minutes: 1) { lastEventAt callsToday inProgress } }", variables = new { id = accountIds[s % accounts] } },
            });
            sockets.Add(socket);
            var subscriber = s;
            readers.Add(Task.Run(() => ReadAsync(socket, subscriber)));
        }

        if (!ready.Wait(TimeSpan.FromSeconds(120)))
        {
            throw new TimeoutException($"{ready.CurrentCount} subscribers got no first message.");
        }

        Console.WriteLine($"{subscribers} subscribers connected and received their first figures.");
        Console.WriteLine();
        Console.WriteLine("  time   events sent   messages   p50 ms   p99 ms   post p99 ms   working set   GC heap   calls held   forgotten keys   (retained after a full collection)");

        // The platform: every tenth of a second a batch with a tenth of the rate, each event the next step of its account's call.
        var step = new int[accounts];
        var callNumber = new int[accounts];
        long sent = 0;
        var failures = 0;
        var posts = new List<Task>();
        var watch = Stopwatch.StartNew();
        var nextAccount = 0;
        var nextReport = 10;
        using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / TicksPerSecond));
        for (var tick = 0; tick < seconds * TicksPerSecond; tick++)
        {
            await ticker.WaitForNextTickAsync();
            var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            var sentAt = Stopwatch.GetTimestamp();
            var batch = new List<object>(rate / TicksPerSecond);
            for (var i = 0; i < rate / TicksPerSecond; i++)
            {
                var a = nextAccount;
                nextAccount = (nextAccount + 1) % accounts;
                var kind = (step[a]++ % 3) switch { 0 => "started", 1 => "answered", _ => "ended" };
                if (kind == "started")
                {
                    callNumber[a]++;
                }

                var callId = $"bench-{a}-{callNumber[a]}";
                batch.Add(new { eventId = $"{callId}-{kind}", callId, number = numbers[a], kind, at = now, caller = "+33612345678", callee = numbers[a], direction = "inbound" });
                foreach (var s in subscribersOf[a])
                {
                    pendingOf[s].Enqueue((now.UtcTicks, sentAt));
                }
            }

            posts.RemoveAll(p => p.IsCompleted);
            posts.Add(PostAsync(batch));
            sent += batch.Count;

            if (watch.Elapsed.TotalSeconds >= nextReport)
            {
                nextReport += 10;
                var (p50, p99) = window.TakePercentiles(0.50, 0.99);
                var (_, post99) = postWindow.TakePercentiles(0.50, 0.99);
                var retained = "";
                if (retainedAfterWarmUp is null && watch.Elapsed.TotalSeconds >= warmUpSeconds)
                {
                    var mib = Retained();
                    retainedAfterWarmUp = (watch.Elapsed.TotalSeconds, mib, live.Board.CallsHeld);
                    retained = $"   {mib:F0} MiB";
                }

                else if (retainedWindowFull is null && watch.Elapsed.TotalSeconds >= windowFullSeconds && tick < (seconds - 20) * TicksPerSecond)
                {
                    var mib = Retained();
                    retainedWindowFull = (watch.Elapsed.TotalSeconds, mib, live.Board.CallsHeld);
                    retained = $"   {mib:F0} MiB";
                }

                else if (retainedAtEnd is null && tick >= (seconds - 10) * TicksPerSecond)
                {
                    var mib = Retained(); // Under the same load as after warm-up, before the platform stops.
                    retainedAtEnd = (watch.Elapsed.TotalSeconds, mib, live.Board.CallsHeld);
                    retained = $"   {mib:F0} MiB";
                }

                Console.WriteLine($"{watch.Elapsed.TotalSeconds,5:F0} s {sent,12:N0} {Interlocked.Read(ref messages),10:N0} {p50,8:F1} {p99,8:F1} {post99,13:F1} {Environment.WorkingSet / 1048576.0,10:F0} MiB {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0,6:F0} MiB {live.Board.CallsHeld,10:N0} {live.Board.ForgottenCallKeys,16:N0}{retained}");
            }
        }

        await Task.WhenAll(posts);
        await Task.Delay(1000); // The last batches' figures.
        await stop.CancelAsync();
        var undelivered = pendingOf.Sum(q => q.Count);
        Console.WriteLine();
        Console.WriteLine($"Events posted: {sent:N0} in {watch.Elapsed.TotalSeconds:F0} s ({sent / watch.Elapsed.TotalSeconds:F0}/s), failed posts: {failures}; messages received: {Interlocked.Read(ref messages):N0}; events never seen by their subscriber: {undelivered:N0}");
        Console.WriteLine($"Delivery latency (post to subscriber, {latencies.Count:N0} event deliveries): p50 {latencies.Percentile(0.50):F1} ms, p90 {latencies.Percentile(0.90):F1} ms, p99 {latencies.Percentile(0.99):F1} ms, p99.9 {latencies.Percentile(0.999):F1} ms, max {latencies.Max:F1} ms (goal p99 < 100 ms)");
        Console.WriteLine($"Memory at the end: {Environment.WorkingSet / 1048576.0:F0} MiB working set, {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:F0} MiB GC heap; {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} gen0/1/2 collections");
        if (retainedAfterWarmUp is { } warm && retainedAtEnd is { } end)
        {
            var growth = (end.MiB - warm.MiB) / warm.MiB;
            Console.WriteLine($"Retained after a full collection, under load: {warm.MiB:F1} MiB at {warm.Seconds:F0} s ({warm.Calls:N0} calls held), {end.MiB:F1} MiB at {end.Seconds:F0} s ({end.Calls:N0} calls held): {growth:+0.0%;-0.0%} -> {(growth <= 0.10 ? "flat" : "GROWING")} (goal: no more than 10 % growth after warm-up)");
            if (retainedWindowFull is { } full)
            {
                var steady = (end.MiB - full.MiB) / full.MiB;
                Console.WriteLine($"Once ended calls' retention is full ({liveOptions.FinishedCallRetention.TotalSeconds:F0} s + a {liveOptions.SweepInterval.TotalSeconds:F0} s sweep): {full.MiB:F1} MiB at {full.Seconds:F0} s ({full.Calls:N0} calls held), {end.MiB:F1} MiB at {end.Seconds:F0} s: {steady:+0.0%;-0.0%} ({end.MiB - full.MiB:+0.0;-0.0} MiB, of which {live.Board.ForgottenCallKeys * 8 / 1048576.0:F1} MiB are the day's {live.Board.ForgottenCallKeys:N0} keys of forgotten calls at 8 bytes)");
            }
        }

        foreach (var socket in sockets)
        {
            socket.Abort();
            socket.Dispose();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The database file may still be open; the temp folder is cleaned later.
        }

        return 0;

        async Task PostAsync(List<object> batch)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/call-events") { Content = JsonContent.Create(batch) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", platformToken);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            postWindow.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
                Console.Error.WriteLine($"A batch was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        async Task ReadAsync(ClientWebSocket socket, int subscriber)
        {
            var buffer = new byte[16 * 1024];
            var first = true;
            using var message = new MemoryStream();
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var result = await socket.ReceiveAsync(buffer, stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        Console.Error.WriteLine($"Subscriber {subscriber} was closed: {result.CloseStatus} {result.CloseStatusDescription}");
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                    if (!result.EndOfMessage)
                    {
                        continue;
                    }

                    var receivedAt = Stopwatch.GetTimestamp();
                    var node = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length));
                    message.SetLength(0);
                    var type = (string?)node?["type"];
                    if (type == "ping")
                    {
                        await SendAsync(socket, new { type = "pong" });
                        continue;
                    }

                    if (type != "next")
                    {
                        continue;
                    }

                    Interlocked.Increment(ref messages);
                    if (first)
                    {
                        first = false;
                        ready.Signal();
                    }

                    var last = (string?)node!["payload"]?["data"]?["callStatistics"]?["lastEventAt"];
                    if (last is null)
                    {
                        continue;
                    }

                    var seenUpTo = DateTimeOffset.Parse(last, CultureInfo.InvariantCulture).UtcTicks;
                    var queue = pendingOf[subscriber];
                    while (queue.TryPeek(out var pending) && pending.At <= seenUpTo && queue.TryDequeue(out pending))
                    {
                        var ms = Stopwatch.GetElapsedTime(pending.SentAt, receivedAt).TotalMilliseconds;
                        latencies.Add(ms);
                        window.Add(ms);
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // The run is over.
            }
        }
    }

    private static Task SendAsync(ClientWebSocket socket, object message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The managed memory the process holds once garbage is collected (one blocking full collection, a pause of tens of milliseconds).</summary>
    private static double Retained()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false) / 1048576.0;
    }

    private static async Task<(string[] AccountIds, string[] Numbers, string ClientId, string Secret)> SeedAsync(IServiceProvider services, int accounts)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var now = DateTimeOffset.UtcNow;
        var reseller = new Reseller("Revendeur du banc d'essai en direct", now);
        db.Resellers.Add(reseller);
        var ids = new string[accounts];
        var numbers = new string[accounts];
        for (var i = 0; i < accounts; i++)
        {
            var customer = new Customer($"Client {i:0000}", Market.FR, new Address("1 rue A", null, "75001", "Paris", "FR"), $"c{i}@example.fr", now, reseller.Id);
            db.Customers.Add(customer);
            numbers[i] = "+3318480" + i.ToString("0000", CultureInfo.InvariantCulture);
            db.Numbers.Add(TelephoneNumber.FromPool(customer.Id, numbers[i], now));
            ids[i] = GlobalId.Encode(CustomerType.TypeName, customer.Id);
        }

        await db.SaveChangesAsync();
        var client = await scope.ServiceProvider.GetRequiredService<ApiClients>().CreateAsync(reseller.Id, "Bench", [StoreScopes.CallsRead], CancellationToken.None);
        return (ids, numbers, client.Value!.Client.ClientId, client.Value.Secret);
    }

    private static async Task<string> TokenAsync(HttpClient http, string clientId, string secret, string? scope)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), content);
        return (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"] ?? throw new InvalidOperationException("No token for " + clientId);
    }

    private static int Argument(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Store.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Store.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The real host on a loopback port, with the platform's client and no limits that would throttle the bench itself.</summary>
internal sealed class BenchHost(string databasePath) : WebApplicationFactory<global::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Store", $"Data Source={databasePath}");
        builder.UseSetting("Store:Identity:SecureCookies", "false");
        builder.UseSetting("Store:Identity:RequireHttps", "false");
        builder.UseSetting("Store:Identity:PlatformClientSecret", "bench platform secret 0123456789abcdef");
        builder.UseSetting("Store:Api:Cost:PointsPerMinute", "1000000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}

/// <summary>Latencies in buckets of 0.1 ms up to 30 s (beyond counts as 30 s): fixed memory, thread-safe, exact to the bucket.</summary>
internal sealed class LatencyHistogram
{
    private const double BucketMs = 0.1;
    private const int Buckets = 300_000;
    private int[] _counts = new int[Buckets + 1];
    private long _count;
    private double _max;

    public long Count => Interlocked.Read(ref _count);

    public double Max => Volatile.Read(ref _max);

    public void Add(double ms)
    {
        var bucket = (int)Math.Min(Buckets, Math.Max(0, ms / BucketMs));
        Interlocked.Increment(ref Volatile.Read(ref _counts)[bucket]);
        Interlocked.Increment(ref _count);
        var max = Volatile.Read(ref _max);
        while (ms > max)
        {
            var seen = Interlocked.CompareExchange(ref _max, ms, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    public double Percentile(double p) => Percentile(Volatile.Read(ref _counts), p);

    /// <summary>Two percentiles of what was added since the last call, then starts afresh.</summary>
    public (double First, double Second) TakePercentiles(double first, double second)
    {
        var counts = Interlocked.Exchange(ref _counts, new int[Buckets + 1]);
        Interlocked.Exchange(ref _count, 0);
        return (Percentile(counts, first), Percentile(counts, second));
    }

    private static double Percentile(int[] counts, double p)
    {
        long total = 0;
        foreach (var c in counts)
        {
            total += c;
        }

        if (total == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(p * total);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return (i + 1) * BucketMs; // The bucket's upper edge: never reports less than was measured.
            }
        }

        return counts.Length * BucketMs;
    }
}
