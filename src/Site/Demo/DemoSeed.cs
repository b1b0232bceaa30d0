using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Store.Domain.Catalog;
using Store.Domain.Customers;
using Store.Domain.Identity;
using Store.Domain.Numbers;
using Store.Domain.Persistence;

namespace Store.Site.Demo;

/// <summary>Demo accounts, under Store:Demo: on in Development so that a newcomer has something to sign in to and watch.</summary>
public sealed class DemoOptions
{
    public const string Section = "Store:Demo";

    /// <summary>Creates the demo accounts at start when the database has no customer yet.</summary>
    public bool Seed { get; set; }

    public string Email { get; set; } = "demo@store.localhost";

    /// <summary>The demo person's password; no person is created without one.</summary>
    public string? Password { get; set; }
}

/// <summary>
/// Two demo customers, a French bakery on two Paris lines and a Swiss premium-rate (0900) hotline, with one person
/// who administers both (no two-factor enrolment needed for that role). Nothing happens when customers exist.
/// </summary>
public sealed partial class DemoSeed(IServiceProvider services, Microsoft.Extensions.Options.IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoSeed> log) : IHostedService
{
    public static readonly string[] FrenchNumbers = ["+33184800101", "+33184800102"];
    public static readonly string[] SwissNumbers = ["+41800123456", "+41900123456"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Seed)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDb>();
        if (await db.Customers.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var bakery = new Customer("Boulangerie Martin SARL", Market.FR, new Address("12 rue des Martyrs", null, "75009", "Paris", "FR"), "compta@boulangerie-martin.example", now);
        var hotline = new Customer("Voyance Léman SA", Market.CH, new Address("Quai du Mont-Blanc 5", null, "1201", "Genève", "CH"), "finance@voyance-leman.example", now);
        db.Customers.AddRange(bakery, hotline);
        db.Numbers.AddRange(FrenchNumbers.Select(n => TelephoneNumber.FromPool(bakery.Id, n, now)));
        db.Numbers.AddRange(SwissNumbers.Select(n => TelephoneNumber.FromPool(hotline.Id, n, now)));
        await db.SaveChangesAsync(cancellationToken);

        if (!string.IsNullOrWhiteSpace(settings.Password))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StoreUser>>();
            var person = new StoreUser { UserName = settings.Email, Email = settings.Email, EmailConfirmed = true, DisplayName = "Démo", CreatedAt = now };
            var created = await users.CreateAsync(person, settings.Password);
            if (created.Succeeded)
            {
                db.Memberships.Add(Membership.InCustomer(person.Id, bakery.Id, MemberRole.Administrator, now));
                db.Memberships.Add(Membership.InCustomer(person.Id, hotline.Id, MemberRole.Administrator, now));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        LogSeeded(log, settings.Email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo accounts created; sign in as {Email} and open /Account/Live")]
    private static partial void LogSeeded(ILogger logger, string email);
}
