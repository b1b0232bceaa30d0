using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Store.Domain.Persistence;

/// <summary>
/// Writes the values of many rows the database already holds, found by their primary key, bypassing change tracking:
/// the counterpart of <see cref="BulkInsert"/> for rows read untracked. On SQLite, one prepared UPDATE stepped per row,
/// at once, in the context's current transaction; a row that is no longer there fails the whole write. On SQL Server,
/// whose batched updates are already cheap, the rows are attached as modified and written by the next save.
/// </summary>
public static class BulkUpdate
{
    public static void Rows<T>(StoreDb db, IReadOnlyList<T> rows)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        if (db.Database.GetDbConnection() is not SqliteConnection sqlite)
        {
            db.UpdateRange(rows);
            return;
        }

        var (entity, table) = BulkInsert.TableOf<T>(db);
        var key = entity.FindPrimaryKey() ?? throw new InvalidOperationException($"{typeof(T).Name} has no primary key to update it by.");

        // The values set first, then the key: the parameters in the order of the statement.
        var properties = entity.GetProperties().Where(p => !p.IsPrimaryKey()).Concat(key.Properties).ToArray();
        var values = properties.Length - key.Properties.Count;
        var sql = db.GetService<ISqlGenerationHelper>();
        var text = new System.Text.StringBuilder("UPDATE ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" SET ")
            .AppendJoin(", ", properties.Take(values).Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!) + " = ?"))
            .Append(" WHERE ").AppendJoin(" AND ", properties.Skip(values).Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!) + " = ?"))
            .ToString();
        SqliteRows.Update(sqlite, text, rows, properties);
    }
}
