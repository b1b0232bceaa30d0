using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Store.Api.Safety;
using Store.Api.Transport;
using Store.Api.Viewer;

namespace Store.Api.Authorization;

/// <summary>
/// The caller of a GraphQL socket, found as for HTTP: an access token sent in connection_init's payload
/// ("Authorization": "Bearer …", the way browser clients can send it) or on the upgrade request, else the
/// person signed in on the site, else anonymous. A refused token refuses the connection (4403).
/// </summary>
public sealed class WebSocketAuthentication : IGraphQLWebSocketAuthenticator
{
    public async Task<WebSocketCaller?> AuthenticateAsync(HttpContext http, JsonElement payload)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (payload.ValueKind == JsonValueKind.Object && TokenIn(payload) is { } authorization)
        {
            // The validation handler reads the token from the request: hand it the one the payload carries.
            http.Request.Headers.Authorization = authorization;
        }

        var (caller, refusal) = await RequestAuthentication.AuthenticateAsync(http);
        if (caller is { HasToken: false, Kind: not CallerKind.Anonymous } && !SameOrigin(http))
        {
            // Browsers send the site's cookie with a socket opened from any page: another site's page gets no session.
            caller = Caller.Anonymous;
        }

        var address = http.Connection.RemoteIpAddress?.ToString();
        return refusal is null && caller is not null
            ? new WebSocketCaller(caller.Principal, () => new CallerContext(caller) { [CostLimits.AddressKey] = address })
            : null;
    }

    private static bool SameOrigin(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static string? TokenIn(JsonElement payload)
    {
        foreach (var property in payload.EnumerateObject())
        {
            if (property.NameEquals("Authorization") || property.NameEquals("authorization"))
            {
                return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            }
        }

        return null;
    }
}
