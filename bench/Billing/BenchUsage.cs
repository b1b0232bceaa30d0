using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Store.Domain;
using Store.Domain.Billing;

namespace Store.Bench.Billing;

/// <summary>
/// Rated usage kept in a table of the bench's own, standing in for the rating area's rated calls: amounts stored
/// as exact decimal text, read for a chunk of customers at once the way the billing run asks for them.
/// </summary>
internal sealed class BenchUsage(string connectionString) : IUsageSource
{
    public const string CreateTable = "CREATE TABLE BenchUsage (CustomerId TEXT NOT NULL, SubscriptionId TEXT NOT NULL, Month TEXT NOT NULL, Category TEXT NOT NULL, Seconds INTEGER NOT NULL, Amount TEXT NOT NULL); CREATE INDEX IX_BenchUsage ON BenchUsage (CustomerId, Month);";

    public async Task<ILookup<Guid, UsageCharge>> ByCustomerAsync(IReadOnlyCollection<Guid> customerIds, BillingPeriod month, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT CustomerId, SubscriptionId, Category, Seconds, Amount FROM BenchUsage WHERE CustomerId IN (SELECT value FROM json_each($c)) AND Month = $m";
        command.Parameters.AddWithValue("$c", JsonSerializer.Serialize(customerIds.Select(c => c.ToString().ToUpperInvariant())));
        command.Parameters.AddWithValue("$m", month.ToString());
        var charges = new List<(Guid Customer, UsageCharge Charge)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var category = reader.GetString(2);
            charges.Add((Guid.Parse(reader.GetString(0)), new UsageCharge(
                Guid.Parse(reader.GetString(1)),
                category,
                category == "international" ? "Appels internationaux hors forfait" : "Appels France au-delà du forfait",
                reader.GetInt64(3),
                UsageUnit.Seconds,
                decimal.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                Currency.EUR)));
        }

        return charges.ToLookup(c => c.Customer, c => c.Charge);
    }
}
