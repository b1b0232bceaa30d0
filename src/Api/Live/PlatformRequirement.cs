using Store.Api.Authorization;
using Store.Api.Viewer;
using Store.Domain.Identity;

namespace Store.Api.Live;

/// <summary>
/// Call events come from the telephony platform only: a machine client whose token carries calls:write. Unlike
/// <see cref="ScopeRequirement"/>, a signed-in person is refused too: nobody reports calls by hand.
/// </summary>
public sealed record PlatformRequirement : IAccessRequirement
{
    public AccessDenial? Check(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller switch
        {
            { Kind: CallerKind.Anonymous } => new AccessDenial(AccessDenial.AuthRequired, $"Call events need the platform's bearer token with the scope {StoreScopes.CallsWrite}."),
            { Kind: CallerKind.Client } when caller.Scopes.Contains(StoreScopes.CallsWrite, StringComparer.Ordinal) => null,
            _ => new AccessDenial(AccessDenial.Forbidden, $"Call events come from the telephony platform's client, with the scope {StoreScopes.CallsWrite}."),
        };
    }
}
