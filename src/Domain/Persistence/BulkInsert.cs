using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Store.Domain.Persistence;

/// <summary>
/// Inserts many new rows of one entity with a single prepared INSERT, in the context's current transaction, bypassing
/// change tracking. Columns, types and value conversions come from the EF model, so it works on both providers.
/// For ingestion batches, where tracking thousands of new entities would cost more than storing them.
/// </summary>
public static class BulkInsert
{
    /// <summary>Parameters in one statement: SQL Server takes 2,100, SQLite 32,766.</summary>
    private const int MaxParameters = 2000;

    public static void Rows<T>(StoreDb db, IReadOnlyList<T> rows)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var (entity, table) = TableOf<T>(db);
        var properties = entity.GetProperties().ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            SqliteRows.Insert(sqlite, InsertText(sql, table, properties), rows, properties);
            return;
        }

        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();

        var perStatement = Math.Clamp(MaxParameters / properties.Length, 1, 200);
        DbCommand? full = null;
        try
        {
            for (var offset = 0; offset < rows.Count; offset += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - offset);
                DbCommand command;
                if (count == perStatement)
                {
                    command = full ??= Prepare(db, sql, table, properties, mappings, getters, rows[0], count);
                }
                else
                {
                    command = Prepare(db, sql, table, properties, mappings, getters, rows[0], count);
                }

                for (var r = 0; r < count; r++)
                {
                    var row = rows[offset + r];
                    for (var i = 0; i < properties.Length; i++)
                    {
                        var value = getters[i].GetClrValueUsingContainingEntity(row);
                        var converter = mappings[i].Converter;
                        command.Parameters[(r * properties.Length) + i].Value = (converter is null || value is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
                    }
                }

                command.ExecuteNonQuery();
                if (command != full)
                {
                    command.Dispose();
                }
            }
        }
        finally
        {
            full?.Dispose();
        }
    }

    /// <summary>The entity type of <typeparamref name="T"/> in the model, and its table.</summary>
    internal static (IEntityType Entity, StoreObjectIdentifier Table) TableOf<T>(StoreDb db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model.");
        return (entity, StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()));
    }

    /// <summary>INSERT INTO t (a, b) VALUES (@p0, @p1), (@p2, @p3), ... for <paramref name="count"/> rows, prepared.</summary>
    private static DbCommand Prepare(StoreDb db, ISqlGenerationHelper sql, StoreObjectIdentifier table, IProperty[] properties, RelationalTypeMapping[] mappings, IClrPropertyGetter[] getters, object sample, int count)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var text = new System.Text.StringBuilder(InsertText(sql, table, properties));
        for (var r = 0; r < count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var i = 0; i < properties.Length; i++)
            {
                var name = "p" + ((r * properties.Length) + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                text.Append(i == 0 ? string.Empty : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                command.Parameters.Add(mappings[i].CreateParameter(command, sql.GenerateParameterName(name), getters[i].GetClrValueUsingContainingEntity(sample), properties[i].IsNullable));
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        command.Prepare();
        return command;
    }

    /// <summary>INSERT INTO t (a, b) VALUES, without the values.</summary>
    private static string InsertText(ISqlGenerationHelper sql, StoreObjectIdentifier table, IProperty[] properties) =>
        new System.Text.StringBuilder().Append("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))).Append(") VALUES ").ToString();
}
