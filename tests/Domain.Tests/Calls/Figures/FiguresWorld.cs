using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Calls;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Numbers;
using Store.Domain.Persistence;
using Store.Domain.Tenancy;
using Store.Testing;

namespace Store.Domain.Tests.Calls.Figures;

/// <summary>
/// A migrated SQLite database with a Paris holder of a premium Smart Number and a second line, the calls around
/// midnight and month ends worked out by hand in the tests, and another customer whose calls must never count.
/// </summary>
public sealed class FiguresWorld : IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public Guid CustomerId { get; private set; }

    public Guid OtherCustomerId { get; private set; }

    public Guid Premium { get; private set; }

    public Guid Line { get; private set; }

    public const string A = "+33611111111";
    public const string B = "+33622222222";
    public const string C = "+33633333333";
    public const string D = "+33644444444";
    public const string E = "+33655555555";

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second = 0) => new(year, month, day, hour, minute, second, TimeSpan.Zero);

    public SqliteStoreDb Open(TenantScope? tenant = null) => new(new DbContextOptionsBuilder<SqliteStoreDb>().UseSqlite(_connection).Options, tenant);

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var db = Open();
        await db.Database.MigrateAsync();
        var customer = new Customer("Voyance Étoile SARL", Market.FR, new Address("1 rue A", null, "75001", "Paris", "FR"), "compta@etoile.example", Created);
        var other = new Customer("Autre SAS", Market.FR, new Address("2 rue B", null, "69001", "Lyon", "FR"), "compta@autre.example", Created);
        db.Customers.AddRange(customer, other);
        var profile = new SmartNumberProfile("090x", TariffKind.PerMinute, 0.90m, PayoutKind.Standard, "voyance", false, new DateOnly(2025, 12, 1));
        var premium = TelephoneNumber.SmartNumberFromPool(customer.Id, "+33899123456", profile, "+33145678912", RoutingMode.Pstn, Created).Value!;
        var line = TelephoneNumber.FromPool(customer.Id, "+33145678900", Created);
        var theirs = TelephoneNumber.SmartNumberFromPool(other.Id, "+33899654321", profile, "+33145678912", RoutingMode.Pstn, Created).Value!;
        db.Numbers.AddRange(premium, line, theirs);
        await db.SaveChangesAsync();
        (CustomerId, OtherCustomerId, Premium, Line) = (customer.Id, other.Id, premium.Id, line.Id);

        var calls = new RatedCalls(db, customer.Id);
        var p = premium.E164;

        // Winter time: Paris is UTC+1. Starts are sent in UTC ("Z"), as the platform may.
        var lastBeforeMidnight = calls.Add(premium.Id, p, A, Utc(2026, 3, 9, 22, 59, 59), 150, 1.80m, 1.17m); // 9 March 23:59:59
        calls.Adjust(lastBeforeMidnight, 30, 0.45m, 0.2925m);                                                 // its later version added 30 s
        calls.Add(premium.Id, p, A, Utc(2026, 3, 9, 23, 0, 30), 60, 0.90m, 0.585m);                            // 10 March 00:00:30
        calls.Add(premium.Id, p, B, new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.FromHours(1)), 0);      // 10 March, missed
        calls.Add(premium.Id, p, C, Utc(2026, 2, 28, 22, 30), 300, 4.50m, 2.925m);                            // 28 February 23:30
        calls.Add(premium.Id, p, C, Utc(2026, 2, 28, 23, 10), 30, 0.45m, 0.2925m);                            // 1 March 00:10
        calls.Add(premium.Id, p, D, Utc(2025, 12, 31, 23, 30), 60, 1.00m, 0.65m);                             // 1 January 2026 00:30
        calls.Add(premium.Id, p, D, Utc(2025, 12, 31, 22, 30), 60, 1.00m, 0.65m);                             // 31 December 2025 23:30
        calls.Add(line.Id, line.E164, E, Utc(2026, 3, 10, 7, 0), 45);                                         // 10 March, the other line
        calls.Add(line.Id, line.E164, E, Utc(2026, 3, 5, 9, 0), 100, direction: CallDirection.Outbound);     // 5 March, outbound

        var theirCalls = new RatedCalls(db, other.Id);
        theirCalls.Add(theirs.Id, theirs.E164, A, Utc(2026, 3, 10, 8, 0), 600, 9.00m, 5.85m);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();
}
