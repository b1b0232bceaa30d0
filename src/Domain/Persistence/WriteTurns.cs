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
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite() || db.Database.CurrentTransaction is not null)
        {
            // A caller inside its own transaction already writes, or waits in SQLite, as it began it.
            return default;
        }

        var connection = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        if (connection.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(connection.DataSource) || connection.DataSource == ":memory:")
        {
            // Each in-memory database is its connection's own: there is nobody to take turns with.
            return default;
        }

        var turn = Turns.GetOrAdd(Path.GetFullPath(connection.DataSource), static _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        return new Turn(turn);
    }

    public readonly struct Turn(SemaphoreSlim? taken) : IDisposable
    {
        public void Dispose() => taken?.Release();
    }
}
