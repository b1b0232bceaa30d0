// A month of generated traffic rated on one core (pure rating: tariffs and counters in memory, numbers classified
// beforehand), then, unless --pure-only, ingested end to end over HTTP into SQLite.
// Run: dotnet run -c Release --project bench/Rating [-- --calls 2000000 --customers 400 --rounds 5 --pure-only
//      --ingest-calls 300000 --ingest-customers 300 --batch 10000 --senders 2 --warm-up 5]
using System.Diagnostics;
using System.Globalization;
using Store.Domain.Catalog;
using Store.Domain.Rating;

namespace Store.Bench.Rating;

internal static class RatingBench
{
    public static async Task<int> Main(string[] args)
    {
        var calls = Argument(args, "--calls", 2_000_000);
        var customers = Argument(args, "--customers", 400);
        var rounds = Argument(args, "--rounds", 5);
        var catalog = CatalogFile.Parse("2025-03.json", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "catalog", "2025-03.json")));

        Console.WriteLine($"Store rating benchmark on {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        PureRating(catalog, customers, calls, rounds);

        if (!Flag(args, "--pure-only"))
        {
            // The generated month is garbage by now; collect it so that it does not weigh on the host's collections.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            Console.WriteLine();
            await IngestionBench.RunAsync(Argument(args, "--ingest-calls", 300_000), Argument(args, "--ingest-customers", 300), Argument(args, "--batch", 10_000), Argument(args, "--senders", 2), Argument(args, "--warm-up", 5));
        }

        return 0;
    }

    /// <summary>Rates the whole month, in start order, on the calling thread only; the best of the rounds is reported.</summary>
    private static void PureRating(CatalogVersion catalog, int customers, int calls, int rounds)
    {
        var generation = Stopwatch.StartNew();
        var month = TrafficMonth.Generate(catalog, customers, calls);
        Console.WriteLine($"Generated {calls:N0} calls for {customers} customers in {generation.Elapsed.TotalSeconds:F1} s: {string.Join(", ", month.Mix.Select(m => $"{m.Kind} {m.Count:N0}"))}");
        Thread.CurrentThread.Priority = ThreadPriority.Highest;
        var best = double.MaxValue;
        long allocated = 0;
        var total = 0m;
        for (var round = 0; round <= rounds; round++)
        {
            var counters = new PeriodCounters[month.Tariffs.Length];
            for (var c = 0; c < counters.Length; c++)
            {
                counters[c] = new PeriodCounters();
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            total = RateAll(month, counters);
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (round > 0)
            {
                best = Math.Min(best, watch.Elapsed.TotalSeconds);
            }
        }

        var perSecond = month.Calls.Length / best;
        Console.WriteLine($"Pure rating, 1 thread: {perSecond / 1e6:F2} million calls/s ({best * 1e9 / month.Calls.Length:F0} ns a call; best of {rounds} rounds after a warm-up; goal >= 2 million/s)");
        Console.WriteLine($"  allocated while rating a month: {allocated / 1024.0 / 1024.0:F1} MiB ({(double)allocated / month.Calls.Length:F1} bytes a call: the counters' sets growing, not the calls); sum of rated amounts, EUR and CHF together {total.ToString("N2", CultureInfo.InvariantCulture)}");
    }

    private static decimal RateAll(TrafficMonth month, PeriodCounters[] counters)
    {
        var calls = month.Calls;
        var customerOf = month.CustomerOf;
        var tariffs = month.Tariffs;
        var total = 0m;
        for (var i = 0; i < calls.Length; i++)
        {
            var c = customerOf[i];
            var lines = Rater.Rate(tariffs[c], counters[c], calls[i]);
            total += lines.Total;
        }

        return total;
    }

    private static int Argument(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    internal static bool Flag(string[] args, string name) => args.Contains(name, StringComparer.Ordinal);
}
