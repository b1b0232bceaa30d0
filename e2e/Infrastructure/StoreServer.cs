using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Store.E2E.Infrastructure;

/// <summary>
/// The real host, started as its own process on a free loopback port with a fresh database, the way
/// `dotnet run --project src/Site` starts it. STORE_E2E_URL points the tests at a host already running instead.
/// </summary>
public sealed class StoreServer : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "store-e2e", Guid.NewGuid().ToString("N"));

    private StoreServer(Uri baseAddress, Process? process)
    {
        BaseAddress = baseAddress;
        _process = process;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<StoreServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        if (Environment.GetEnvironmentVariable("STORE_E2E_URL") is { Length: > 0 } url)
        {
            return new StoreServer(new Uri(url), null);
        }

        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var site = Path.Combine(root, "src", "Site", "bin", configuration, "net10.0", "Store.Site.dll");
        if (!File.Exists(site))
        {
            throw new FileNotFoundException($"Build the solution first: {site} is missing.", site);
        }

        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", [site, "--urls", baseAddress.ToString(), "--contentRoot", Path.Combine(root, "src", "Site")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(root, "src", "Site"),
        };
        var server = new StoreServer(baseAddress, Process.Start(SetEnvironment(start))!);
        Directory.CreateDirectory(server._dataFolder);
        server.Capture();
        await server.WaitUntilHealthyAsync();
        return server;

        ProcessStartInfo SetEnvironment(ProcessStartInfo info)
        {
            var data = Path.Combine(Path.GetTempPath(), "store-e2e", $"{port}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(data);
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["ConnectionStrings__Store"] = $"Data Source={Path.Combine(data, "store.db")}";
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            return info;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's own clean-up.
        }
    }

    private void Capture()
    {
        _process!.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The host stopped with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The host did not become healthy in 90 s:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Store.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Store.sln was not found above " + AppContext.BaseDirectory);
    }
}
