using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;
using Store.Domain.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Store.Site.Identity.OpenId;

/// <summary>
/// Resellers' API clients: confidential clients with the client credentials grant, the reseller's id in their
/// properties, and a secret that OpenIddict stores hashed.
/// </summary>
public sealed class ApiClients(
    OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication<Guid>> applications,
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations,
    TimeProvider clock)
{
    public const string ResellerProperty = "store_reseller";
    public const string CreatedProperty = "store_created";
    public const int MaxNameLength = 100;

    public async Task<ApiClientResult<NewApiClient>> CreateAsync(Guid resellerId, string? displayName, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        var name = displayName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            return ApiClientError.NameRequired;
        }

        if (name.Length > MaxNameLength)
        {
            return ApiClientError.NameTooLong;
        }

        if (scopes.Count == 0)
        {
            return ApiClientError.ScopesRequired;
        }

        if (scopes.Any(s => !StoreScopes.ForResellers.Contains(s)))
        {
            return ApiClientError.ScopeNotAllowed;
        }

        var now = clock.GetUtcNow();
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = "rsl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
            Properties =
            {
                [ResellerProperty] = JsonSerializer.SerializeToElement(resellerId.ToString()),
                [CreatedProperty] = JsonSerializer.SerializeToElement(now.ToString("O", CultureInfo.InvariantCulture)),
            },
        };
        foreach (var scope in scopes.Distinct(StringComparer.Ordinal))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        await applications.CreateAsync(descriptor, cancellationToken);
        return new NewApiClient(new ApiClient(descriptor.ClientId, name, [.. scopes.Distinct(StringComparer.Ordinal)], now), secret);
    }

    public async Task<IReadOnlyList<ApiClient>> ListAsync(Guid resellerId, CancellationToken cancellationToken)
    {
        // The properties are a JSON text column: narrowed in SQL by the reseller id, then checked property by property.
        var marker = resellerId.ToString();
        var clients = new List<ApiClient>();
        await foreach (var application in applications.ListAsync(a => a.Where(x => x.Properties != null && x.Properties.Contains(marker)), cancellationToken))
        {
            if (await ResellerOfAsync(application, cancellationToken) == resellerId)
            {
                clients.Add(await DescribeAsync(application, cancellationToken));
            }
        }

        return [.. clients.OrderBy(c => c.DisplayName, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Deletes the client with its authorizations and tokens: its tokens stop working and it can get no new one.</summary>
    public async Task<ApiClientResult<ApiClient>> RevokeAsync(Guid resellerId, string clientId, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null || await ResellerOfAsync(application, cancellationToken) != resellerId)
        {
            return ApiClientError.NotFound;
        }

        var client = await DescribeAsync(application, cancellationToken);
        var id = await applications.GetIdAsync(application, cancellationToken);
        await tokens.RevokeByApplicationIdAsync(id!, cancellationToken);
        await authorizations.RevokeByApplicationIdAsync(id!, cancellationToken);
        await applications.DeleteAsync(application, cancellationToken);
        return client;
    }

    private async Task<Guid?> ResellerOfAsync(OpenIddictEntityFrameworkCoreApplication<Guid> application, CancellationToken cancellationToken)
    {
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        return properties.TryGetValue(ResellerProperty, out var value) && value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id)
            ? id
            : null;
    }

    private async Task<ApiClient> DescribeAsync(OpenIddictEntityFrameworkCoreApplication<Guid> application, CancellationToken cancellationToken)
    {
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        DateTimeOffset? created = properties.TryGetValue(CreatedProperty, out var value) && value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : null;
        return new ApiClient(
            application.ClientId ?? string.Empty,
            application.DisplayName ?? string.Empty,
            [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.Scope.Length..])],
            created);
    }
}
