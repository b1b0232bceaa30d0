using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Store.Domain.Persistence;

/// <summary>
/// Lets the writers of this process into a SQLite database one at a time. SQLite has a single writer; a second
/// BEGIN IMMEDIATE meanwhile fails as busy and Microsoft.Data.Sqlite retries it after sleeping 150 ms, holding its
/// thread, long after the first commit (a billing run spent half its time there). Waiting here instead costs no
/// thread and goes in as soon as the other writer is done. Other processes are still kept out by SQLite's own lock.
/// On SQL Server, which has row locks, nobody waits here.
/// </summary>
public static class WriteTurns
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Turns = new(StringComparer.Ordinal);

    /// <summary>Waits for this process's turn to write to <paramref name="db"/>'s database; dispose the result to give it back.</summary>
    public static async ValueTask<Turn> TakeAsync(StoreDb db, CancellationToken cancellationToken)
    {
        if (TurnOf(db) is not { } turn)
        {
            return default;
        }

        await turn.Taken.WaitAsync(cancellationToken);
        return new Turn(turn.Taken);
    }

    /// <summary>
    /// A turn for a large write (an ingestion batch writes megabytes): the WAL's checkpoint, which copies what was
    /// written into the database file, runs after the turn is given back, while the next writer already writes,
    /// instead of inside the commit of whichever writer crossed SQLite's 1,000-page threshold. The connection stays
    /// open for the turn and the checkpoint; its next opening restores the automatic checkpoint
    /// (<see cref="SqliteDurability"/>). Dispose the result once the transaction is over.
    /// </summary>
    public static async ValueTask<BulkTurn> TakeForBulkAsync(StoreDb db, CancellationToken cancellationToken)
    {
        if (TurnOf(db) is not { } turn)
        {
            return new BulkTurn(db, null, null);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint=0;", cancellationToken);
            await turn.Taken.WaitAsync(cancellationToken);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }

        return new BulkTurn(db, turn.File, turn.Taken);
    }

    /// <summary>
    /// The database file and its turn, or null where nobody waits here: on SQL Server; for a caller inside its own
    /// transaction, which already writes, or waits in SQLite, as it began it; for an in-memory database, which is its
    /// connection's own.
    /// </summary>
    private static (string File, SemaphoreSlim Taken)? TurnOf(StoreDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite() || db.Database.CurrentTransaction is not null)
        {
            return null;
        }

        var connection = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        if (connection.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(connection.DataSource) || connection.DataSource == ":memory:")
        {
            return null;
        }

        var file = Path.GetFullPath(connection.DataSource);
        return (file, Turns.GetOrAdd(file, static _ => new SemaphoreSlim(1, 1)));
    }

    /// <summary>The pages in each database's WAL, as the last checkpoint found them.</summary>
    private static readonly ConcurrentDictionary<string, long> WalPages = new(StringComparer.Ordinal);

    /// <summary>
    /// Beyond this many pages in the WAL (64 MiB of 4 KiB pages), the bulk writer checkpoints before giving its turn
    /// back. SQLite starts the WAL over, at the next write, only once everything in it was copied; a checkpoint outside
    /// the turn never quite catches up with writers that never pause, and the WAL would keep growing. Inside the turn,
    /// only what was written since the last checkpoint is left to copy.
    /// </summary>
    private const long CatchUpPages = 16_384;

    public sealed class BulkTurn(StoreDb db, string? file, SemaphoreSlim? taken) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (taken is null || file is null)
            {
                return;
            }

            var caughtUp = false;
            try
            {
                if (WalPages.GetValueOrDefault(file) > CatchUpPages)
                {
                    caughtUp = await CheckpointAsync(file);
                }
            }
            finally
            {
                taken.Release();
            }

            try
            {
                if (caughtUp)
                {
                    // Everything is copied and the next writer starts the WAL over: nothing is left to checkpoint.
                    WalPages[file] = 0;
                }
                else
                {
                    await CheckpointAsync(file);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        /// <summary>
        /// A passive checkpoint: it copies what no reader still needs and waits for nobody. The write is committed by
        /// now: a checkpoint that fails (the disk full, say) is left to the next one rather than failing the write.
        /// </summary>
        /// <returns>Whether every page in the WAL is now in the database file.</returns>
        private async Task<bool> CheckpointAsync(string path)
        {
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                await using var reader = await command.ExecuteReaderAsync();
                if (await reader.ReadAsync() && reader.GetInt64(1) >= 0)
                {
                    // busy, pages in the WAL, pages copied (-1 when the database is not in WAL mode).
                    WalPages[path] = reader.GetInt64(1);
                    return reader.GetInt64(2) == reader.GetInt64(1);
                }
            }
            catch (SqliteException)
            {
                WalPages[path] = long.MaxValue;
            }

            return false;
        }
    }

    public readonly struct Turn(SemaphoreSlim? taken) : IDisposable
    {
        public void Dispose() => taken?.Release();
    }
}
