using System.Data.Common;
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
    public static void Rows<T>(StoreDb db, IReadOnlyList<T> rows)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var names = properties.Select((_, i) => sql.GenerateParameterNamePlaceholder("p" + i)).ToArray();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ({string.Join(", ", names)})";

        var getters = new IClrPropertyGetter[properties.Length];
        var mappings = new RelationalTypeMapping[properties.Length];
        var parameters = new DbParameter[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            getters[i] = properties[i].GetGetter();
            mappings[i] = properties[i].GetRelationalTypeMapping();
            parameters[i] = mappings[i].CreateParameter(command, sql.GenerateParameterName("p" + i), getters[i].GetClrValueUsingContainingEntity(rows[0]), properties[i].IsNullable);
            command.Parameters.Add(parameters[i]);
        }

        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < properties.Length; i++)
            {
                var value = getters[i].GetClrValueUsingContainingEntity(row);
                var converter = mappings[i].Converter;
                parameters[i].Value = (converter is null || value is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }
    }
}
