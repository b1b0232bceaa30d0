using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Store.Domain.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Store.Site.Identity.OpenId;

/// <summary>
/// Creates or updates Store's own clients at start, after the database is migrated: the first-party public client
/// (code + PKCE) and, when its secret is configured, the telephony platform's confidential client.
/// </summary>
public sealed partial class OpenIdClientSeeder(IServiceProvider services, IOptions<OpenIdSettings> options, IHostEnvironment environment, ILogger<OpenIdClientSeeder> log) : IHostedService
{
    public const string FirstPartyClientId = "store-first-party";
    public const string PlatformClientId = "telephony-platform";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.UsesDevelopmentKeys && !environment.IsDevelopment())
        {
            LogDevelopmentKeys(log, environment.EnvironmentName);
        }

        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await SaveAsync(applications, FirstParty(settings), cancellationToken);
        if (!string.IsNullOrWhiteSpace(settings.PlatformClientSecret))
        {
            await SaveAsync(applications, Platform(settings.PlatformClientSecret), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static OpenIddictApplicationDescriptor FirstParty(OpenIdSettings settings)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = FirstPartyClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Store",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var scope in OpenIdServer.IdentityScopes.Concat(StoreScopes.ForResellers))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        foreach (var uri in settings.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        return descriptor;
    }

    private static OpenIddictApplicationDescriptor Platform(string secret) => new()
    {
        ClientId = PlatformClientId,
        ClientSecret = secret,
        ClientType = ClientTypes.Confidential,
        DisplayName = "Telephony platform",
        Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + StoreScopes.CallsWrite },
    };

    /// <summary>Idempotent: creates the client, or brings it in line with the configuration; another process may create it first.</summary>
    private static async Task SaveAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
        if (existing is not null)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
            return;
        }

        try
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or OpenIddictExceptions.ConcurrencyException)
        {
            existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
            if (existing is null)
            {
                throw;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tokens are signed and encrypted with development certificates in {Environment}: set Store:Identity:SigningCertificate and Store:Identity:EncryptionCertificate (docs/identity-keys.md).")]
    private static partial void LogDevelopmentKeys(ILogger logger, string environment);
}
