using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Store.Domain.Catalog;

namespace Store.Domain.Persistence;

/// <summary>
/// Brings the database up to date and publishes the catalog when the host starts, before it serves anything:
/// registered first, it runs before the web server listens, and a failure stops the start.
/// </summary>
public sealed class StoreDatabase(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => InitializeAsync(services, configuration, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task InitializeAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        if (configuration.GetValue("Store:Database:MigrateAtStart", true))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // Readers never wait for the writer; the setting is kept in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        await scope.ServiceProvider.GetRequiredService<CatalogPublisher>().PublishAsync(cancellationToken);
    }
}
