using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Store.Domain;
using Store.Domain.Mail;
using Store.Domain.Persistence;

namespace Store.Jobs.Tests;

/// <summary>
/// A fresh SQLite file, migrated, and the Store hosts (domain and jobs roles) started over it: what a jobs
/// process runs in production, with its own database.
/// </summary>
internal sealed class JobsWorld : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];

    private JobsWorld(string folder)
    {
        Folder = folder;
        ConnectionString = $"Data Source={Path.Combine(folder, "store.db")}";
    }

    public string Folder { get; }

    public string ConnectionString { get; }

    public static async Task<JobsWorld> CreateAsync()
    {
        var world = new JobsWorld(Path.Combine(Path.GetTempPath(), "store-tests", Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(world.Folder);
        await using var db = world.OpenDatabase();
        await db.Database.MigrateAsync();
        return world;
    }

    public SqliteStoreDb OpenDatabase() => new(new DbContextOptionsBuilder<SqliteStoreDb>().UseSqlite(ConnectionString).Options);

    /// <summary>Settings to send through a test SMTP server on <paramref name="port"/>, retrying after <paramref name="retryBaseSeconds"/>.</summary>
    public static Dictionary<string, string?> Smtp(int port, double retryBaseSeconds = 30) => new()
    {
        ["Store:Mail:Smtp:Host"] = "127.0.0.1",
        ["Store:Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Store:Mail:Smtp:Security"] = "None",
        ["Store:Mail:RetryBaseSeconds"] = retryBaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public async Task<IHost> StartHostAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", ContentRootPath = Folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["ConnectionStrings:Store"] = ConnectionString });
        builder.AddDomain();
        builder.AddJobs();
        var host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync();
        return host;
    }

    /// <summary>Queues a mail the way the application does: through the outbox, saved with the unit of work.</summary>
    public static async Task<OutboxMail> QueueAsync(IHost host, string to, string subject, string text, string? html = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var mail = scope.ServiceProvider.GetRequiredService<MailOutbox>().Enqueue(to, subject, text, html, "test");
        await scope.ServiceProvider.GetRequiredService<StoreDb>().SaveChangesAsync();
        return mail;
    }

    public async Task<OutboxMail> ReadAsync(Guid id)
    {
        await using var db = OpenDatabase();
        return await db.OutboxMails.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    /// <summary>Waits until the stored mail satisfies <paramref name="condition"/>, and returns it.</summary>
    public async Task<OutboxMail> WaitForAsync(Guid id, Func<OutboxMail, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var mail = await ReadAsync(id);
            if (condition(mail))
            {
                return mail;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Mail {id} did not reach the expected state within {timeout}: attempts {mail.Attempts}, sent {mail.SentAt}, abandoned {mail.AbandonedAt}, last error '{mail.LastError}'.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is removed with the temp folder later.
        }
    }
}
