using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Store.Domain.Persistence;

/// <summary>
/// SQLite's fast path for <see cref="BulkInsert"/>: one single-row INSERT prepared once on the connection's handle and
/// stepped per row, its values bound by position. Microsoft.Data.Sqlite looks every parameter up by name at every
/// execution, which costs more than the insert itself. Values are stored exactly as Microsoft.Data.Sqlite stores them
/// (GUIDs as upper-case text, decimals as invariant text, dates as ISO text), so that EF reads and queries them back.
/// </summary>
internal static class SqliteRows
{
    public static void Insert<T>(SqliteConnection connection, string insertText, IReadOnlyList<T> rows, IProperty[] properties, RelationalTypeMapping[] mappings, IClrPropertyGetter[] getters)
        where T : class
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open: bulk inserts run inside a transaction.");
        var text = new System.Text.StringBuilder(insertText).Append('(').AppendJoin(", ", Enumerable.Repeat("?", properties.Length)).Append(')').ToString();
        Check(handle, raw.sqlite3_prepare_v2(handle, text, out var statement));
        using (statement)
        {
            foreach (var row in rows)
            {
                for (var i = 0; i < properties.Length; i++)
                {
                    var value = getters[i].GetClrValueUsingContainingEntity(row);
                    var converter = mappings[i].Converter;
                    Bind(handle, statement, i + 1, converter is null || value is null ? value : converter.ConvertToProvider(value));
                }

                var done = raw.sqlite3_step(statement);
                if (done != raw.SQLITE_DONE)
                {
                    Check(handle, done);
                }

                raw.sqlite3_reset(statement);
            }
        }
    }

    private static void Bind(sqlite3 handle, sqlite3_stmt statement, int index, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, index),
            string s => raw.sqlite3_bind_text(statement, index, s),
            Guid g => raw.sqlite3_bind_text(statement, index, g.ToString().ToUpperInvariant()),
            decimal d => raw.sqlite3_bind_text(statement, index, d.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            DateOnly d => raw.sqlite3_bind_text(statement, index, d.ToString("yyyy\\-MM\\-dd", CultureInfo.InvariantCulture)),
            DateTime t => raw.sqlite3_bind_text(statement, index, t.ToString("yyyy\\-MM\\-dd HH\\:mm\\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
            long l => raw.sqlite3_bind_int64(statement, index, l),
            int n => raw.sqlite3_bind_int64(statement, index, n),
            short n => raw.sqlite3_bind_int64(statement, index, n),
            byte n => raw.sqlite3_bind_int64(statement, index, n),
            double x => raw.sqlite3_bind_double(statement, index, x),
            float x => raw.sqlite3_bind_double(statement, index, x),
            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
            Enum e => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(e, CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"Bulk inserts do not store {value.GetType().Name} values on SQLite; map the property with a value converter."),
        };
        Check(handle, rc);
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc, raw.sqlite3_extended_errcode(handle));
        }
    }
}
