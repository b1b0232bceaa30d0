using Microsoft.AspNetCore.Identity;
using Store.Domain.Identity;

namespace Store.Site.Identity;

/// <summary>The operator's back office: the policy, and the first back-office person created at start from configuration.</summary>
public static class BackOfficePolicy
{
    public const string Name = "back-office";

    public static void AddBackOffice(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder().AddPolicy(Name, p => p.RequireClaim(StoreClaims.BackOffice, "true"));
        builder.Services.AddHostedService<BackOfficeSeed>();
    }
}

/// <summary>
/// Creates the back-office role and, when Store:Identity:BackOffice:Email and :Password are set, that person
/// (confirmed; two-factor enrolment is asked at first sign-in).
/// </summary>
public sealed partial class BackOfficeSeed(IServiceProvider services, IConfiguration configuration, ILogger<BackOfficeSeed> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<StoreRole>>();
        if (!await roles.RoleExistsAsync(StoreRole.BackOffice))
        {
            await roles.CreateAsync(new StoreRole { Name = StoreRole.BackOffice });
        }

        var email = configuration["Store:Identity:BackOffice:Email"];
        var password = configuration["Store:Identity:BackOffice:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<StoreUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new StoreUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Back office", CreatedAt = DateTimeOffset.UtcNow };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                LogNotCreated(log, email, string.Join("; ", created.Errors.Select(e => e.Description)));
                return;
            }
        }

        if (!await users.IsInRoleAsync(user, StoreRole.BackOffice))
        {
            await users.AddToRoleAsync(user, StoreRole.BackOffice);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "The back-office person {Email} could not be created: {Errors}")]
    private static partial void LogNotCreated(ILogger logger, string email, string errors);
}
