using Microsoft.Extensions.Configuration;

namespace Store.Domain.Persistence;

/// <summary>
/// Which database Store keeps its data in, read once from configuration: <c>Store:Database:Provider</c> (Sqlite,
/// the default, or SqlServer) and <c>ConnectionStrings:Store</c>; without a connection string SQLite uses
/// <c>App_Data/store.db</c> under the content root. The scheduler keeps its jobs in the same database.
/// </summary>
public sealed record DatabaseSettings(string Provider, string ConnectionString)
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    public bool IsSqlServer => Provider == SqlServer;

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration["Store:Database:Provider"] ?? Sqlite;
        var connectionString = configuration.GetConnectionString("Store");
        if (provider.Equals(SqlServer, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Store:Database:Provider is SqlServer: set ConnectionStrings:Store to the SQL Server connection string.");
            }

            return new DatabaseSettings(SqlServer, connectionString);
        }

        if (!provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Store:Database:Provider '{provider}' is not known: use Sqlite or SqlServer.");
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = Path.Combine(contentRoot, "App_Data");
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "store.db")}";
        }

        return new DatabaseSettings(Sqlite, connectionString);
    }
}
