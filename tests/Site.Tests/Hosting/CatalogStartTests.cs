using System.Diagnostics;
using System.Text.Json.Nodes;
using Store.Testing;

namespace Store.Site.Tests.Hosting;

/// <summary>The catalog is published at start; a malformed or altered one stops the start, saying why.</summary>
public sealed class CatalogStartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "store-catalog-tests", Guid.NewGuid().ToString("N"));

    public CatalogStartTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Shipped => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "catalog", "2025-03.json"));

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task A_malformed_catalog_file_stops_the_process_naming_the_file_the_entry_and_the_fault()
    {
        var root = JsonNode.Parse(Shipped)!;
        root["plans"]![1]!["prices"]![0]!["currency"] = "CHF";
        var file = Write("2025-03.json", root.ToJsonString());

        var (exitCode, said) = await RunSiteAsync(Path.Combine(_folder, "store.db"));

        Assert.Equal(1, exitCode);
        Assert.Contains(file, said, StringComparison.Ordinal);
        Assert.Contains("plans[1] (forfait-pro).prices[0].currency", said, StringComparison.Ordinal);
        Assert.Contains("must be EUR", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_version_cannot_be_changed_afterwards()
    {
        var file = Write("2025-03.json", Shipped);
        await using var first = new StoreFactory();
        first.Settings["Store:Catalog:Path"] = _folder;
        first.CreateClient();

        Write("2025-03.json", Shipped.Replace("\"amount\": 39.90", "\"amount\": 41.90", StringComparison.Ordinal));
        var (exitCode, said) = await RunSiteAsync(first.DatabasePath);

        Assert.Equal(1, exitCode);
        Assert.Contains(file, said, StringComparison.Ordinal);
        Assert.Contains("version '2025-03' was published", said, StringComparison.Ordinal);
        Assert.Contains("never changes", said, StringComparison.Ordinal);
    }

    /// <summary>Starts the real host as its own process on this test's catalog folder and waits for it to stop.</summary>
    private async Task<(int ExitCode, string Output)> RunSiteAsync(string databasePath)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Store.Site.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
        };
        start.Environment["Store__Catalog__Path"] = _folder;
        start.Environment["ConnectionStrings__Store"] = $"Data Source={databasePath}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await output + await errors);
    }

    [Fact]
    public async Task A_new_version_file_is_published_beside_the_old_one_without_code()
    {
        Write("2025-03.json", Shipped);
        var next = JsonNode.Parse(Shipped)!;
        next["version"] = "2026-01";
        next["effectiveFrom"] = "2026-01-01";
        next["plans"]![0]!["prices"]![0]!["amount"] = 21.90m;
        Write("2026-01.json", next.ToJsonString());

        await using var factory = new StoreFactory();
        factory.Settings["Store:Catalog:Path"] = _folder;
        var client = factory.CreateClient();
        var old = await client.GetStringAsync("/graphql?query=" + Uri.EscapeDataString("{ catalog(on: \"2025-12-31\") { version plans { prices { amount } } } }"));
        var current = await client.GetStringAsync("/graphql?query=" + Uri.EscapeDataString("{ catalog(on: \"2026-01-01\") { version plans { prices { amount } } } }"));

        Assert.Contains("\"version\":\"2025-03\",\"plans\":[{\"prices\":[{\"amount\":19.90}", old, StringComparison.Ordinal);
        Assert.Contains("\"version\":\"2026-01\",\"plans\":[{\"prices\":[{\"amount\":21.90}", current, StringComparison.Ordinal);
    }
}
