using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Calls;
using Store.Domain.Persistence;
using Store.Domain.Rating;

namespace Store.Domain.Tests.Persistence;

/// <summary>
/// Ingestion stores its rows with SQLite's raw statement API instead of EF (<see cref="BulkInsert"/>, <see cref="BulkUpdate"/>):
/// what it stores must be exactly what EF would have stored (same column types, same text for GUIDs, decimals and
/// dates), or EF queries would miss or misread them.
/// </summary>
public sealed class BulkInsertTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2025, 3, 31, 23, 30, 15, TimeSpan.FromHours(2));
    private readonly SqliteConnection _connection = new("Data Source=:memory:;Foreign Keys=False");
    private SqliteStoreDb _db = null!;

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        _db = new SqliteStoreDb(new DbContextOptionsBuilder<SqliteStoreDb>().UseSqlite(_connection).Options);
        await _db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [Fact]
    public async Task Call_charges_are_stored_as_EF_stores_them_and_read_back_exactly()
    {
        var subscription = Guid.NewGuid();
        var customer = Guid.NewGuid();
        var record = Guid.NewGuid();
        CallCharge Charge() => new(record, customer, "2025-03", At, new ChargeLine(subscription, Currency.EUR, ChargeCategory.DomesticOverage, RatingRule.BeyondCallLength, 3600, 754, 1.8850m, 0.1234m, 0.0001m), "2025-03", At.AddSeconds(1), AdjustmentReason.Rerated);
        var byEf = Charge();
        var byBulk = Charge();

        var columns = await StoreBothAsync(byEf, byBulk, "CallCharges");

        Assert.All(columns, c => Assert.Equal(c.Ef, c.Bulk));
        var back = await _db.CallCharges.AsNoTracking().SingleAsync(c => c.Id == byBulk.Id);
        Assert.Equal((1.8850m, 0.1234m, 0.0001m, At, AdjustmentReason.Rerated), (back.Amount, back.CallerAmount, back.RevenueShare, back.CallStartedAt, back.Reason));
        Assert.Equal(2, await _db.CallCharges.CountAsync(c => c.CallRecordId == record && c.Amount > 1.88m));
    }

    [Fact]
    public async Task Call_records_are_stored_as_EF_stores_them_and_read_back_exactly()
    {
        var customer = Guid.NewGuid();
        var number = Guid.NewGuid();
        CallRecord Record(string id)
        {
            var account = NumberClassifier.Classify("account", "+33141000001").Value!;
            var callee = NumberClassifier.Classify("callee", "+33612345678").Value!;
            var call = new ValidCall(id, account, "u1", CallDirection.Outbound, account, callee, At, At.AddSeconds(4), At.AddSeconds(3700), CallDisposition.Answered, 3696, 12, CallFlags.Transferred | CallFlags.Forwarded, 2, "60:1");
            return new CallRecord(call, customer, number, new DateOnly(2025, 3, 31), At.AddMinutes(5));
        }

        var columns = await StoreBothAsync(Record("ef-1"), Record("bulk-1"), "CallRecords");

        Assert.All(columns.Where(c => c.Name != "PlatformCallId"), c => Assert.Equal(c.Ef, c.Bulk));
        var back = await _db.CallRecords.AsNoTracking().SingleAsync(c => c.PlatformCallId == "bulk-1" && c.CustomerId == customer && c.Day == new DateOnly(2025, 3, 31));
        Assert.Equal((At, 3696, CallFlags.Transferred | CallFlags.Forwarded), (back.StartedAt, back.Seconds, back.Flags));
    }

    [Fact]
    public async Task An_unanswered_call_stores_its_missing_answer_and_tariff_changes_as_EF_does()
    {
        var customer = Guid.NewGuid();
        CallRecord Record(string id)
        {
            var account = NumberClassifier.Classify("account", "+33141000001").Value!;
            var caller = NumberClassifier.Classify("caller", "+41791234567").Value!;
            var call = new ValidCall(id, account, "u1", CallDirection.Inbound, caller, account, At, null, At.AddSeconds(20), CallDisposition.NoAnswer, 0, 0, CallFlags.None, 0, null);
            return new CallRecord(call, customer, Guid.NewGuid(), new DateOnly(2025, 3, 31), At.AddMinutes(1));
        }

        var columns = await StoreBothAsync(Record("ef-2"), Record("bulk-2"), "CallRecords");

        Assert.All(columns.Where(c => c.Name is not ("PlatformCallId" or "NumberId")), c => Assert.Equal(c.Ef, c.Bulk));
        Assert.Equal("null:NULL", columns.Single(c => c.Name == "AnsweredAt").Bulk);
        var back = await _db.CallRecords.AsNoTracking().SingleAsync(c => c.PlatformCallId == "bulk-2");
        Assert.Equal((null, null, CallDisposition.NoAnswer), (back.AnsweredAt, back.TariffChanges, back.Disposition));
    }

    [Fact]
    public async Task A_row_that_breaks_a_constraint_fails_the_insert_with_SQLite_s_error()
    {
        var customer = Guid.NewGuid();
        var correspondent = new MonthlyCorrespondent(customer, "2025-03", "u1", 33612345678, 1);
        await using var transaction = await _db.Database.BeginTransactionAsync();

        var error = Assert.Throws<SqliteException>(() => BulkInsert.Rows(_db, [correspondent, new MonthlyCorrespondent(customer, "2025-03", "u1", 33612345678, 2)]));

        Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counters_updated_in_bulk_are_found_by_their_key_with_their_new_value_and_the_others_are_untouched()
    {
        var customer = Guid.NewGuid();
        _db.UsageCounters.AddRange(
            new UsageCounter(customer, "2025-03", UsageCounter.Inbound) { Value = 600 },
            new UsageCounter(customer, "2025-03", "correspondents:u1") { Value = 99 },
            new UsageCounter(customer, "2025-04", UsageCounter.Inbound) { Value = 60 });
        await _db.SaveChangesAsync();
        _db.ChangeTracker.Clear();
        var march = await _db.UsageCounters.AsNoTracking().Where(c => c.CustomerId == customer && c.Period == "2025-03").ToListAsync();
        foreach (var counter in march)
        {
            counter.Value += 1;
        }

        await using (var transaction = await _db.Database.BeginTransactionAsync())
        {
            BulkUpdate.Rows(_db, march);
            await transaction.CommitAsync();
        }

        var back = await _db.UsageCounters.AsNoTracking().Where(c => c.CustomerId == customer).ToDictionaryAsync(c => (c.Period, c.Name), c => c.Value);
        Assert.Equal(601, back[("2025-03", UsageCounter.Inbound)]);
        Assert.Equal(100, back[("2025-03", "correspondents:u1")]);
        Assert.Equal(60, back[("2025-04", UsageCounter.Inbound)]);
    }

    [Fact]
    public async Task A_row_no_longer_in_the_database_fails_the_update_and_the_transaction_keeps_nothing_of_it()
    {
        var customer = Guid.NewGuid();
        var kept = new UsageCounter(customer, "2025-03", UsageCounter.Recorded) { Value = 30 };
        _db.UsageCounters.Add(kept);
        await _db.SaveChangesAsync();
        _db.ChangeTracker.Clear();

        await using (var transaction = await _db.Database.BeginTransactionAsync())
        {
            var error = Assert.Throws<InvalidOperationException>(() => BulkUpdate.Rows(_db, [
                new UsageCounter(customer, "2025-03", UsageCounter.Recorded) { Value = 45 },
                new UsageCounter(customer, "2025-03", UsageCounter.TextToSpeech) { Value = 10 },
            ]));
            Assert.Contains("no longer in the database", error.Message, StringComparison.Ordinal);
        }

        var back = await _db.UsageCounters.AsNoTracking().Where(c => c.CustomerId == customer).ToListAsync();
        Assert.Equal(30, Assert.Single(back).Value);
    }

    /// <summary>Stores one entity with EF and the other with <see cref="BulkInsert"/>, then reads each column's type and literal.</summary>
    private async Task<List<(string Name, string Ef, string Bulk)>> StoreBothAsync<T>(T byEf, T byBulk, string table)
        where T : class
    {
        _db.Add(byEf);
        await _db.SaveChangesAsync();
        await using (var transaction = await _db.Database.BeginTransactionAsync())
        {
            BulkInsert.Rows(_db, [byBulk]);
            await transaction.CommitAsync();
        }

        var names = new List<string>();
        await using (var info = _connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var rows = new List<string[]>();
        await using (var select = _connection.CreateCommand())
        {
            // Ids differ between the two rows: their type and shape are compared, not their value.
            select.CommandText = "SELECT " + string.Join(", ", names.Select(n => n == "Id" ? "typeof(Id) || ':' || length(Id) || ':' || (Id = upper(Id))" : $"typeof(\"{n}\") || ':' || quote(\"{n}\")")) + $" FROM \"{table}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add([.. Enumerable.Range(0, names.Count).Select(reader.GetString)]);
            }
        }

        Assert.Equal(2, rows.Count);
        return [.. names.Select((n, i) => (n, rows[0][i], rows[1][i]))];
    }
}
