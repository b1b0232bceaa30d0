using Store.Api.Viewer;
using Store.Domain.Identity;

namespace Store.Api.Authorization;

/// <summary>
/// The caller must be a machine client whose token carries calls:write: the telephony platform. Unlike other scopes,
/// people are not let through: no one types call records by hand.
/// </summary>
public sealed record PlatformRequirement : IAccessRequirement
{
    public static readonly PlatformRequirement Instance = new();

    public AccessDenial? Check(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller switch
        {
            { Kind: CallerKind.Anonymous } => new AccessDenial(AccessDenial.AuthRequired, $"This needs the telephony platform's bearer token with the scope {StoreScopes.CallsWrite}."),
            { Kind: CallerKind.Client } when caller.Scopes.Contains(StoreScopes.CallsWrite, StringComparer.Ordinal) => null,
            _ => new AccessDenial(AccessDenial.Forbidden, $"This needs the scope {StoreScopes.CallsWrite}, given only to the telephony platform's client; your token has: {(caller.Scopes.Count == 0 ? "no scope" : string.Join(", ", caller.Scopes))}."),
        };
    }
}
