// Drives the GraphQL API over loopback with a realistic reseller query, beside a plain ASP.NET JSON endpoint that
// serves the same data from the same database, in the same run, and prints throughput and latency percentiles.
// Run: dotnet run -c Release --project bench/Api [-- --seconds 10 --clients 64]
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Identity;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;
using Store.Site.Identity.OpenId;

namespace Store.Bench.Api;

internal static class ApiBench
{
    public static async Task<int> Main(string[] args)
    {
        var seconds = Argument("--seconds", 10);
        var clients = Argument("--clients", 64);
        const int PageSize = 25;
        const string Query = "{ customers(first: 25) { nodes { id legalName subscriptions { productCode quantity unitPrice options { code quantity } } } } }";

        var folder = Path.Combine(Path.GetTempPath(), "store-bench-api", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Store.sln")))
        {
            root = root.Parent ?? throw new DirectoryNotFoundException("Store.sln not found above " + AppContext.BaseDirectory);
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_STORE_SITE", Path.Combine(root.FullName, "src", "Site"));
        await using var host = new BenchHost(Path.Combine(folder, "store.db"));
        host.UseKestrel(0);
        host.StartServer();
        var baseAddress = host.ClientOptions.BaseAddress;

        var (resellerId, clientId, secret) = await SeedAsync(host.Services);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = baseAddress };
        var token = await TokenAsync(http, clientId, secret);
        BenchHost.ResellerId = resellerId;

        // Both sides answer the same 25 customers with their subscriptions and options; check once that they do.
        var graphqlSample = await GraphQLAsync(http, token);
        var plainSample = await http.GetFromJsonAsync<JsonArray>("/bench/plain");
        if (graphqlSample["data"]?["customers"]?["nodes"]?.AsArray().Count != PageSize || plainSample?.Count != PageSize)
        {
            throw new InvalidOperationException("The two endpoints do not serve the same page: " + graphqlSample.ToJsonString());
        }

        Console.WriteLine($"Store API benchmark: {clients} concurrent clients, {seconds} s per endpoint after a warm-up, on {Environment.ProcessorCount} cores, loopback {baseAddress}");
        Console.WriteLine($"Query: {Query}");
        Console.WriteLine();
        Console.WriteLine($"Saturation: each of the {clients} clients sends its next request as soon as the last one is answered.");
        var plain = await LoadAsync("plain ASP.NET JSON", () => http.GetAsync("/bench/plain"));
        var graphql = await LoadAsync("GraphQL (bearer token)", () => SendGraphQLAsync(http, token));
        Console.WriteLine($"GraphQL throughput is {graphql.Throughput / plain.Throughput:P0} of the plain endpoint's (goal at least 50 %).");
        Console.WriteLine();

        // At saturation, latency is only the queue: mean latency = clients / throughput (Little's law). Latency targets
        // are read at a steady offered load below capacity, timed from when each request was due, so that a stalled
        // server is not excused by the clients waiting for it (no coordinated omission).
        var rate = Argument("--rate", (int)(graphql.Throughput / 2));
        Console.WriteLine($"Paced: the {clients} clients together send {rate} requests a second (half the GraphQL saturation throughput unless --rate says), latency timed from each request's due time.");
        var plainPaced = await PacedAsync("plain ASP.NET JSON", () => http.GetAsync("/bench/plain"), rate);
        var graphqlPaced = await PacedAsync("GraphQL (bearer token)", () => SendGraphQLAsync(http, token), rate);
        Console.WriteLine($"GraphQL p99 at {rate} req/s from {clients} clients: {graphqlPaced.P99:F1} ms (goal under 20 ms); plain endpoint p99 {plainPaced.P99:F1} ms.");
        Console.WriteLine($"Memory: {Environment.WorkingSet / (1024 * 1024)} MiB working set, {GC.GetTotalMemory(false) / (1024 * 1024)} MiB managed heap, {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} gen0/1/2 collections.");
        Directory.Delete(folder, recursive: true);
        return 0;

        async Task<Result> LoadAsync(string name, Func<Task<HttpResponseMessage>> send)
        {
            await RunAsync(TimeSpan.FromSeconds(2), send, null);
            var latencies = new List<double>[clients];
            for (var i = 0; i < clients; i++)
            {
                latencies[i] = new List<double>(100_000);
            }

            var watch = Stopwatch.StartNew();
            var failures = await RunAsync(TimeSpan.FromSeconds(seconds), send, latencies);
            watch.Stop();
            var all = latencies.SelectMany(l => l).Order().ToArray();
            var result = new Result(name, all.Length / watch.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), failures);
            Console.WriteLine($"{name,-24} {result.Throughput,9:F0} req/s   p50 {result.P50,6:F1} ms   p95 {result.P95,6:F1} ms   p99 {result.P99,6:F1} ms   failures {failures}");
            return result;
        }

        async Task<Result> PacedAsync(string name, Func<Task<HttpResponseMessage>> send, int perSecond)
        {
            var interval = clients / (double)Math.Max(1, perSecond);
            var latencies = new List<double>[clients];
            var failures = 0;
            var start = Stopwatch.GetTimestamp();
            var end = start + (long)(seconds * Stopwatch.Frequency);
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
            {
                latencies[worker] = new List<double>(10_000);
                var due = start + (long)(worker * interval / clients * Stopwatch.Frequency);
                while (due < end)
                {
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait);
                    }

                    using var response = await send();
                    await response.Content.CopyToAsync(Stream.Null);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }

                    latencies[worker].Add(Stopwatch.GetElapsedTime(due).TotalMilliseconds);
                    due += (long)(interval * Stopwatch.Frequency);
                }
            }));
            var all = latencies.SelectMany(l => l).Order().ToArray();
            var result = new Result(name, all.Length / (double)seconds, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), failures);
            Console.WriteLine($"{name,-24} {result.Throughput,9:F0} req/s   p50 {result.P50,6:F1} ms   p95 {result.P95,6:F1} ms   p99 {result.P99,6:F1} ms   failures {failures}");
            return result;
        }

        async Task<int> RunAsync(TimeSpan duration, Func<Task<HttpResponseMessage>> send, List<double>[]? latencies)
        {
            var failures = 0;
            var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
            {
                while (Stopwatch.GetTimestamp() < end)
                {
                    var start = Stopwatch.GetTimestamp();
                    using var response = await send();
                    await response.Content.CopyToAsync(Stream.Null);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }

                    latencies?[worker].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }));
            return failures;
        }

        static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

        static Task<HttpResponseMessage> SendGraphQLAsync(HttpClient http, string token)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Query }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return http.SendAsync(request);
        }

        static async Task<JsonNode> GraphQLAsync(HttpClient http, string token)
        {
            using var response = await SendGraphQLAsync(http, token);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }

        static async Task<string> TokenAsync(HttpClient http, string clientId, string secret)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret });
            using var response = await http.PostAsync("/connect/token", form);
            return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!;
        }

        static async Task<(Guid ResellerId, string ClientId, string Secret)> SeedAsync(IServiceProvider services)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
            var catalog = scope.ServiceProvider.GetRequiredService<CatalogRegistry>().Get("2025-03");
            var now = DateTimeOffset.UtcNow;
            var reseller = new Reseller("Revendeur du banc d'essai", now);
            db.Resellers.Add(reseller);
            for (var i = 0; i < 500; i++)
            {
                var customer = new Customer($"Client {i:0000}", Market.FR, new Address("1 rue A", null, "75001", "Paris", "FR"), $"c{i}@example.fr", now, reseller.Id);
                var contract = new Contract(customer.Id, $"C-B-{i:0000}", catalog.Version, new ConditionsAcceptance("owner@example.fr", now, "127.0.0.1", "003"));
                for (var s = 0; s < 3; s++)
                {
                    var subscription = Subscription.Start(contract, catalog, s == 0 ? "forfait-pro" : "forfait-start", PricePeriod.Monthly, 1 + ((i + s) % 9), new DateOnly(2025, 6, 1));
                    subscription.AddOption(catalog, "call-recording", 1, new DateOnly(2025, 6, 1));
                }

                db.Customers.Add(customer);
                db.Contracts.Add(contract);
            }

            await db.SaveChangesAsync();
            var api = await scope.ServiceProvider.GetRequiredService<ApiClients>().CreateAsync(reseller.Id, "Bench", [StoreScopes.CustomersRead], CancellationToken.None);
            return (reseller.Id, api.Value!.Client.ClientId, api.Value.Secret);
        }

        int Argument(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        }
    }
}

internal sealed record Result(string Name, double Throughput, double P50, double P95, double P99, int Failures);

/// <summary>The real host on a loopback port, with a plain JSON endpoint beside /graphql serving the same page.</summary>
internal sealed class BenchHost(string databasePath) : WebApplicationFactory<global::Program>
{
    public static Guid ResellerId { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Store", $"Data Source={databasePath}");
        builder.UseSetting("Store:Identity:SecureCookies", "false");
        builder.UseSetting("Store:Identity:RequireHttps", "false");
        builder.UseSetting("Store:Api:Cost:PointsPerMinute", "1000000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", Environment.GetEnvironmentVariable("BENCH_SQL_LOG") ?? "Warning");
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PlainEndpoint>());
    }

    private sealed class PlainEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/bench/plain", plain => plain.Run(async http =>
            {
                var db = http.RequestServices.GetRequiredService<StoreDb>();
                var customers = await db.Customers.AsNoTracking().Where(c => c.ResellerId == ResellerId).OrderBy(c => c.LegalName).Take(25).ToListAsync();
                var ids = customers.Select(c => c.Id).ToList();
                var subscriptions = await (from s in db.Subscriptions.AsNoTracking()
                                           join c in db.Contracts.AsNoTracking() on s.ContractId equals c.Id
                                           where ids.Contains(c.CustomerId)
                                           select new { c.CustomerId, s }).ToListAsync();
                var subscriptionIds = subscriptions.Select(x => x.s.Id).ToList();
                var options = (await db.SubscriptionOptions.AsNoTracking().Where(o => subscriptionIds.Contains(o.SubscriptionId)).ToListAsync()).ToLookup(o => o.SubscriptionId);
                var changes = (await db.QuantityChanges.AsNoTracking().Where(q => subscriptionIds.Contains(q.SubscriptionId) && !q.Withdrawn).ToListAsync()).ToLookup(q => q.SubscriptionId);
                var today = Store.Domain.LocalTime.Today(TimeProvider.System);
                var catalogs = http.RequestServices.GetRequiredService<CatalogRegistry>();
                await http.Response.WriteAsJsonAsync(customers.Select(c => new
                {
                    id = c.Id,
                    legalName = c.LegalName,
                    subscriptions = subscriptions.Where(x => x.CustomerId == c.Id).Select(x => new
                    {
                        productCode = x.s.ProductCode,
                        quantity = Subscription.QuantityOn(x.s.Quantity, changes[x.s.Id], today),
                        unitPrice = x.s.UnitPrice(catalogs.Get(x.s.CatalogVersion)).Amount,
                        options = options[x.s.Id].Select(o => new { code = o.OptionCode, quantity = o.Quantity }),
                    }),
                }));
            }));
            next(app);
        };
    }
}
