using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Persistence;
using Store.Domain.Rating;

namespace Store.Domain.Tests.Persistence;

/// <summary>
/// A bulk writer's checkpoint runs after its turn instead of inside a commit: what it wrote must still end up in the
/// database file, and its pooled connection must checkpoint by itself again for the writers that come after.
/// </summary>
public sealed class BulkTurnTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("store-bulk-turn-").FullName;

    private string File => Path.Combine(_folder, "store.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task What_a_bulk_turn_wrote_is_in_the_database_file_once_it_is_over_and_the_connection_checkpoints_again()
    {
        var customer = Guid.NewGuid();
        await using (var db = Open())
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");

            // An ordinary small write stays in the WAL until SQLite's 1,000-page threshold: the file alone lacks it.
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                BulkInsert.Rows(db, Correspondents(customer, "2025-02", 50));
                await transaction.CommitAsync();
            }
        }

        Assert.Equal(0, await CountInFileAloneAsync(customer, "2025-02"));

        await using (var db = Open())
        {
            await using (await WriteTurns.TakeForBulkAsync(db, CancellationToken.None))
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                BulkInsert.Rows(db, Correspondents(customer, "2025-03", 3000));
                await transaction.CommitAsync();
                Assert.Equal(0L, await ScalarAsync(db, "PRAGMA wal_autocheckpoint;"));
            }
        }

        Assert.Equal(3000, await CountInFileAloneAsync(customer, "2025-03"));
        await using (var db = Open())
        {
            await db.Database.OpenConnectionAsync();
            Assert.Equal(1000L, await ScalarAsync(db, "PRAGMA wal_autocheckpoint;"));
        }
    }

    private SqliteStoreDb Open() =>
        new(new DbContextOptionsBuilder<SqliteStoreDb>().UseSqlite($"Data Source={File}").AddInterceptors(new SqliteDurability()).Options);

    private static List<MonthlyCorrespondent> Correspondents(Guid customer, string period, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new MonthlyCorrespondent(customer, period, "u1", 33_600_000_000 + i, i + 1))];

    private static async Task<long> ScalarAsync(StoreDb db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Counts the month's rows in a copy of the database file without its WAL: what was checkpointed.</summary>
    private async Task<long> CountInFileAloneAsync(Guid customer, string period)
    {
        var copy = Path.Combine(_folder, "copy-" + period + ".db");
        System.IO.File.Copy(File, copy);
        await using var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM MonthlyCorrespondents WHERE CustomerId = $customer AND Period = $period";
        command.Parameters.AddWithValue("$customer", customer.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$period", period);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
