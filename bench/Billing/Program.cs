// Bills a month for many customers on SQLite, the way the Quartz job does, and prints the figures.
// Run: dotnet run -c Release --project bench/Billing [-- --customers 10000 --usage 1000000]
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Store.Bench.Billing;
using Store.Domain;
using Store.Domain.Billing;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Persistence;
using Store.Domain.Subscriptions;
using Store.Jobs;
using Store.Jobs.Billing;

var customers = Argument("--customers", 10_000);
var usageRows = Argument("--usage", 1_000_000);
var period = new BillingPeriod(2026, 4);

var folder = Path.Combine(Path.GetTempPath(), "store-bench-billing", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var connectionString = $"Data Source={Path.Combine(folder, "store.db")}";
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Store"] = connectionString });
builder.Logging.ClearProviders();
builder.AddDomain();
builder.AddJobs();
builder.Services.AddSingleton<IUsageSource>(new BenchUsage(connectionString));
using var host = builder.Build();
await StoreDatabase.InitializeAsync(host.Services, builder.Configuration);

var seeding = Stopwatch.StartNew();
var catalog = host.Services.GetRequiredService<CatalogRegistry>().Get("2025-03");
var subscriptionIds = new List<(Guid Customer, Guid Subscription)>(customers);
for (var batch = 0; batch < customers; batch += 1000)
{
    await using var scope = host.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    for (var i = batch; i < Math.Min(customers, batch + 1000); i++)
    {
        var at = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero).AddSeconds(i);
        var customer = new Customer($"Client {i:00000} SAS", Market.FR, new Address($"{i} avenue du Banc", null, "75011", "Paris", "FR"), $"compta{i}@example.fr", at);
        var contract = new Contract(customer.Id, $"C-2025-{i + 1:000000}", catalog.Version, new ConditionsAcceptance("owner@example.fr", at, "127.0.0.1", "003"));
        var pro = Subscription.Start(contract, catalog, "forfait-pro", PricePeriod.Monthly, 1 + (i % 5), new DateOnly(2025, 6, 1));
        pro.AddOption(catalog, "call-recording", 1, new DateOnly(2025, 6, 1));
        Subscription.Start(contract, catalog, "forfait-start", PricePeriod.Yearly, 1, new DateOnly(2025, 3, 20));
        Subscription.Start(contract, catalog, "cx-agent-licence", PricePeriod.Monthly, 2, new DateOnly(2025, 9, 1));
        db.Customers.Add(customer);
        db.Contracts.Add(contract);
        subscriptionIds.Add((customer.Id, pro.Id));
    }

    await db.SaveChangesAsync();
}

await using (var connection = new SqliteConnection(connectionString))
{
    await connection.OpenAsync();
    await using (var create = connection.CreateCommand())
    {
        create.CommandText = BenchUsage.CreateTable;
        await create.ExecuteNonQueryAsync();
    }

    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
    await using var insert = connection.CreateCommand();
    insert.CommandText = "INSERT INTO BenchUsage VALUES ($c, $s, $m, $k, $t, $a)";
    var c = insert.Parameters.Add("$c", SqliteType.Text);
    var s = insert.Parameters.Add("$s", SqliteType.Text);
    insert.Parameters.AddWithValue("$m", period.Previous.ToString());
    var k = insert.Parameters.Add("$k", SqliteType.Text);
    var t = insert.Parameters.Add("$t", SqliteType.Integer);
    var a = insert.Parameters.Add("$a", SqliteType.Text);
    var random = new Random(42);
    for (var row = 0; row < usageRows; row++)
    {
        var (customer, subscription) = subscriptionIds[row % subscriptionIds.Count];
        var international = random.Next(4) == 0;
        var seconds = random.Next(1, 1800);
        c.Value = customer.ToString().ToUpperInvariant();
        s.Value = subscription.ToString();
        k.Value = international ? "international" : "domestic";
        t.Value = seconds;
        a.Value = (seconds * (international ? 0.89m : 0.15m) / 60m).ToString(CultureInfo.InvariantCulture);
        await insert.ExecuteNonQueryAsync();
    }

    await transaction.CommitAsync();
}

seeding.Stop();
Console.WriteLine($"Seeded {customers:N0} customers × 3 subscriptions and {usageRows:N0} usage charges in {seeding.Elapsed.TotalSeconds:F1} s");

GC.Collect();
var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var billing = Stopwatch.StartNew();
var run = await host.Services.GetRequiredService<BillingRunner>().RunAsync(period);
billing.Stop();
process.Refresh();
var cpu = process.TotalProcessorTime - cpuBefore;

await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
    var invoices = await db.Invoices.CountAsync();
    var lines = await db.InvoiceLines.CountAsync();
    var mails = await db.OutboxMails.CountAsync(m => m.Kind == InvoiceMail.Kind);
    var total = (await db.Invoices.Select(i => i.TotalIncludingVat).ToListAsync()).Sum();
    var numbers = await db.Invoices.OrderBy(i => i.Number).Select(i => i.Number).ToListAsync();
    Console.WriteLine($"Billing run {run.Period}: {run.Status}, {run.InvoicesIssued:N0} invoices ({invoices:N0} stored, {lines:N0} lines, {mails:N0} mails with PDF), {run.CustomersFailed} failed");
    Console.WriteLine($"Numbers {numbers[0]} … {numbers[^1]}; total billed {total:N2} EUR incl. VAT");
}

Console.WriteLine($"Billing time: {billing.Elapsed.TotalSeconds:F1} s ({customers / billing.Elapsed.TotalSeconds:F0} customers/s); goal < 60 s");
Console.WriteLine($"CPU time of the run: {cpu.TotalSeconds:F1} s ({cpu.TotalMilliseconds / customers:F2} ms a customer; the machine's load average was {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
await using (var scope = host.Services.CreateAsyncScope())
{
    // The pure parts alone, on the first invoice: drafting and the PDF.
    var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
    var sample = await db.Invoices.AsNoTracking().Include(i => i.Lines).FirstAsync();
    var pdfClock = Stopwatch.StartNew();
    for (var i = 0; i < 200; i++)
    {
        InvoicePdf.Render(sample);
    }

    Console.WriteLine($"PDF: {pdfClock.Elapsed.TotalMilliseconds / 200:F2} ms an invoice ({InvoicePdf.Render(sample).Length / 1024} KiB)");
}

Console.WriteLine($"Peak working set: {process.PeakWorkingSet64 / (1024 * 1024):N0} MiB; goal < 1024 MiB");
SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
return billing.Elapsed < TimeSpan.FromSeconds(60) && process.PeakWorkingSet64 < 1024L * 1024 * 1024 ? 0 : 1;

int Argument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
