using System.Globalization;
using Microsoft.Data.Sqlite;
using Store.Domain;
using Store.Domain.Billing;

namespace Store.Bench.Billing;

/// <summary>
/// Rated usage kept in a table of the bench's own, standing in for the rating area's rated calls: amounts stored
/// as exact decimal text, read per customer the way the billing run asks for them.
/// </summary>
internal sealed class BenchUsage(string connectionString) : IUsageSource
{
    public const string CreateTable = "CREATE TABLE BenchUsage (CustomerId TEXT NOT NULL, SubscriptionId TEXT NOT NULL, Month TEXT NOT NULL, Category TEXT NOT NULL, Seconds INTEGER NOT NULL, Amount TEXT NOT NULL); CREATE INDEX IX_BenchUsage ON BenchUsage (CustomerId, Month);";

    public async Task<IReadOnlyList<UsageCharge>> ForAsync(IReadOnlyCollection<Guid> customerIds, BillingPeriod month, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var charges = new List<UsageCharge>();
        foreach (var customerId in customerIds)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT SubscriptionId, Category, Seconds, Amount FROM BenchUsage WHERE CustomerId = $c AND Month = $m";
            command.Parameters.AddWithValue("$c", customerId.ToString().ToUpperInvariant());
            command.Parameters.AddWithValue("$m", month.ToString());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var category = reader.GetString(1);
                charges.Add(new UsageCharge(
                    Guid.Parse(reader.GetString(0)),
                    category,
                    category == "international" ? "Appels internationaux hors forfait" : "Appels France au-delà du forfait",
                    reader.GetInt64(2),
                    UsageUnit.Seconds,
                    decimal.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                    Currency.EUR));
            }
        }

        return charges;
    }
}
