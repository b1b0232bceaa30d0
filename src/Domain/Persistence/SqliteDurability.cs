using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Store.Domain.Persistence;

/// <summary>
/// Opens each SQLite connection with synchronous=NORMAL, the setting SQLite recommends with WAL: a commit no
/// longer waits for the disk to flush, so thousands of small transactions (one per invoice) run at disk-cache
/// speed. A crash of the process loses nothing; a power cut may lose the last commits, never half of one.
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
