using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Numbers;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;

namespace Store.Bench.Rating;

/// <summary>
/// End to end: the real host on a loopback port with a fresh SQLite file; the platform's client posts a month of calls
/// in JSON batches to /api/calls/json; the figure is calls stored and rated per second, checked against the database.
/// </summary>
internal static class IngestionBench
{
    private const string PlatformSecret = "bench-platform-secret-0123456789abcdef";

    public static async Task RunAsync(int calls, int customers, int batchSize, int senders, int warmUpBatches)
    {
        var folder = Path.Combine(Path.GetTempPath(), "store-bench-rating", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Store.sln")))
        {
            root = root.Parent ?? throw new DirectoryNotFoundException("Store.sln not found above " + AppContext.BaseDirectory);
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_STORE_SITE", Path.Combine(root.FullName, "src", "Site"));
        await using (var host = new IngestionHost(Path.Combine(folder, "store.db")))
        {
            host.UseKestrel(0);
            host.StartServer();
            var users = await SeedAsync(host.Services, customers);
            using var http = new HttpClient { BaseAddress = host.ClientOptions.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http));
            var bodies = Batches(users, calls, batchSize, seed: 42, prefix: "c");

            // Warm-up on batches of their own ids, not counted: a server that has run for a while, its code compiled at its
            // final tier and its caches filled, as the platform's long-lived connection finds it.
            foreach (var warmUp in Batches(users, warmUpBatches * batchSize, batchSize, seed: 7, prefix: "w"))
            {
                using var warm = await http.PostAsync("/api/calls/json", warmUp);
                warm.EnsureSuccessStatusCode();
            }

            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var watch = Stopwatch.StartNew();
            var next = -1;
            var accepted = 0;
            await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < bodies.Count)
                {
                    using var response = await http.PostAsync("/api/calls/json", bodies[i]);
                    var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                    if (!response.IsSuccessStatusCode || answer["quarantined"]!.AsArray().Count > 0)
                    {
                        throw new InvalidOperationException("A batch was refused: " + answer.ToJsonString()[..Math.Min(500, answer.ToJsonString().Length)]);
                    }

                    Interlocked.Add(ref accepted, (int)answer["accepted"]!);
                }
            }));
            watch.Stop();
            var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;

            var (records, charges, amount) = await CountAsync(host.Services);
            Console.WriteLine($"End-to-end ingestion, HTTP JSON batches of {batchSize} from {senders} senders -> SQLite ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, {warmUpBatches} warm-up batches): {accepted / watch.Elapsed.TotalSeconds:N0} calls/s ({accepted:N0} calls in {watch.Elapsed.TotalSeconds:F1} s; goal >= 20,000/s)");
            Console.WriteLine($"  stored {records:N0} call records and {charges:N0} charge rows (warm-up included), {amount.ToString("N2", CultureInfo.InvariantCulture)} EUR rated; database file {MiB(Path.Combine(folder, "store.db")):F0} MiB, its WAL {MiB(Path.Combine(folder, "store.db-wal")):F0} MiB");

            // The same month sent again: every record is a duplicate, nothing is stored twice.
            var dupWatch = Stopwatch.StartNew();
            var duplicates = 0;
            foreach (var body in bodies.Take(Math.Max(1, bodies.Count / 10)))
            {
                using var response = await http.PostAsync("/api/calls/json", body);
                duplicates += (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["duplicates"]!;
            }

            Console.WriteLine($"  re-sent a tenth of the batches: {duplicates:N0} duplicates recognised at {duplicates / dupWatch.Elapsed.TotalSeconds:N0} calls/s, {(await CountAsync(host.Services)).Records - records} new records");
            Console.WriteLine($"  memory: {Environment.WorkingSet / (1024 * 1024)} MiB working set, {GC.GetTotalMemory(false) / (1024 * 1024)} MiB managed heap, {allocated / (double)accepted / 1024:F1} KiB allocated per call (client and server in one process), GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} pausing {GC.GetTotalPauseDuration().TotalSeconds:F1} s in all");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static double MiB(string file) => File.Exists(file) ? new FileInfo(file).Length / 1024.0 / 1024.0 : 0;

    private static async Task<(int Records, int Charges, decimal Amount)> CountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var amounts = await db.CallCharges.Select(c => c.Amount).ToListAsync();
        return (await db.CallRecords.CountAsync(), amounts.Count, amounts.Sum());
    }

    /// <summary>
    /// A month of calls cut into batches in the order the calls end, as a platform reports them: its CDRs are written at
    /// hang-up and sent every few seconds.
    /// </summary>
    private static List<ByteArrayContent> Batches(List<(string Number, int Users)> users, int calls, int batchSize, int seed, string prefix)
    {
        var month = Records(users, calls, new Random(seed), prefix);
        month.Sort((a, b) => a.EndedAt.CompareTo(b.EndedAt));
        return [.. month.Chunk(batchSize).Select(batch => Json(new { records = batch.Select(r => r.Body) }))];
    }

    private static ByteArrayContent Json(object body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>A realistic March: users calling their usual correspondents, some abroad, some long calls; the call centres receiving.</summary>
    private static List<(DateTimeOffset EndedAt, object Body)> Records(List<(string Number, int Users)> customers, int count, Random random, string prefix)
    {
        var abroad = new[] { "+493012345678", "+34612345678", "+442079460000", "+12025550123", "+262262212345" };
        var records = new List<(DateTimeOffset, object)>(count);
        var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.FromHours(1));
        for (var i = 0; i < count; i++)
        {
            var (number, users) = customers[random.Next(customers.Count)];
            var user = "u" + random.Next(users).ToString(CultureInfo.InvariantCulture);
            var begin = start.AddSeconds(random.Next(30 * 86_400));
            var answered = random.Next(100) < 85;
            var seconds = random.Next(100) switch { < 60 => 5 + random.Next(180), < 95 => 180 + random.Next(1500), _ => 3000 + random.Next(3000) };
            var inbound = number.StartsWith("+33142", StringComparison.Ordinal) || random.Next(100) < 30;
            var other = random.Next(100) < 5 ? abroad[random.Next(abroad.Length)]
                : "+336" + (10_000_000 + ((number.GetHashCode(StringComparison.Ordinal) & 0xFFFF) * 13 + random.Next(random.Next(10) == 0 ? 5000 : 80)) % 89_999_999).ToString(CultureInfo.InvariantCulture);
            var end = begin.AddSeconds(3 + (answered ? seconds : 20));
            records.Add((end, new
            {
                callId = prefix + "-" + i.ToString(CultureInfo.InvariantCulture),
                user,
                direction = inbound ? "inbound" : "outbound",
                caller = inbound ? other : number,
                callee = inbound ? number : other,
                startedAt = begin.ToString("o", CultureInfo.InvariantCulture),
                answeredAt = answered ? begin.AddSeconds(3).ToString("o", CultureInfo.InvariantCulture) : null,
                endedAt = end.ToString("o", CultureInfo.InvariantCulture),
                disposition = answered ? "answered" : "no-answer",
                recordedSeconds = inbound && random.Next(4) == 0 ? seconds / 2 : 0,
            }));
        }

        return records;
    }

    /// <summary>Customers with a number each: Forfait Start or Pro (+33141...) with up to 20 users, or a call centre (+33142...).</summary>
    private static async Task<List<(string Number, int Users)>> SeedAsync(IServiceProvider services, int customers)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogRegistry>().Get("2025-03");
        var now = DateTimeOffset.UtcNow;
        var today = LocalTime.Today(TimeProvider.System);
        var march = new DateOnly(2025, 3, 1);
        var list = new List<(string, int)>();
        for (var i = 0; i < customers; i++)
        {
            var callCentre = i % 7 == 0;
            var number = (callCentre ? "+33142" : "+33141") + (100_000 + i).ToString(CultureInfo.InvariantCulture);
            var users = 1 + (i % 20);
            var customer = new Customer($"Client {i:0000}", Market.FR, new Address("1 rue A", null, "75001", "Paris", "FR"), $"c{i}@example.fr", now);
            var contract = new Contract(customer.Id, $"C-R-{i:0000}", catalog.Version, new ConditionsAcceptance("owner@example.fr", now, "127.0.0.1", "003,004"));
            if (callCentre)
            {
                var ivr = Subscription.Start(contract, catalog, "cx-advanced-ivr", PricePeriod.Monthly, 1, march);
                Subscription.Start(contract, catalog, "cx-agent-licence", PricePeriod.Monthly, users, march);
                ivr.AddOption(catalog, "cx-recording-500", 1, march).AllowOverage(true);
            }
            else
            {
                Subscription.Start(contract, catalog, i % 2 == 0 ? "forfait-start" : "forfait-pro", PricePeriod.Monthly, users, march);
            }

            db.Customers.Add(customer);
            db.Contracts.Add(contract);
            db.Numbers.Add(TelephoneNumber.RequestPorting(customer.Id, number, "FR", Porting.EarliestDate(today), null, today, now).Value!);
            list.Add((number, users));
        }

        await db.SaveChangesAsync();
        return list;
    }

    private static async Task<string> TokenAsync(HttpClient http)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "telephony-platform", ["client_secret"] = PlatformSecret });
        using var response = await http.PostAsync("/connect/token", form);
        return (string)(await response.Content.ReadFromJsonAsync<JsonNode>())!["access_token"]!;
    }

    private sealed class IngestionHost(string databasePath) : WebApplicationFactory<global::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Store", $"Data Source={databasePath}");
            builder.UseSetting("Store:Identity:PlatformClientSecret", PlatformSecret);
            builder.UseSetting("Store:Identity:SecureCookies", "false");
            builder.UseSetting("Store:Identity:RequireHttps", "false");

            // The warnings of a host started without its production keys are expected here; errors still show.
            builder.UseSetting("Logging:LogLevel:Default", "Error");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        }
    }
}
