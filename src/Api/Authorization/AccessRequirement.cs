using Store.Api.Viewer;

namespace Store.Api.Authorization;

/// <summary>Why a caller may not read a field, with the GraphQL error code (extensions.code) to answer.</summary>
public sealed record AccessDenial(string Code, string Message)
{
    public const string AuthRequired = "AUTH_REQUIRED";
    public const string Forbidden = "FORBIDDEN";
}

/// <summary>A condition a field puts on its caller; null when the caller meets it.</summary>
public interface IAccessRequirement
{
    AccessDenial? Check(Caller caller);
}

/// <summary>
/// A scope the caller's token must carry. People are not held to scopes: what they may see follows from their
/// memberships, which other requirements (such as <see cref="ResellerRequirement"/>) and the resolvers enforce.
/// </summary>
public sealed record ScopeRequirement(string Scope) : IAccessRequirement
{
    public AccessDenial? Check(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Kind switch
        {
            CallerKind.Anonymous => new AccessDenial(AccessDenial.AuthRequired, $"This field needs a bearer token with the scope {Scope}, or a signed-in person."),
            CallerKind.Client when !caller.Scopes.Contains(Scope, StringComparer.Ordinal) => new AccessDenial(
                AccessDenial.Forbidden,
                $"This field needs the scope {Scope}; your token has: {(caller.Scopes.Count == 0 ? "no scope" : string.Join(", ", caller.Scopes))}."),
            _ => null,
        };
    }
}

/// <summary>The caller must act for a reseller: a reseller's API client or a member of its staff.</summary>
public sealed record ResellerRequirement : IAccessRequirement
{
    public AccessDenial? Check(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller switch
        {
            { Kind: CallerKind.Anonymous } => new AccessDenial(AccessDenial.AuthRequired, "This field needs a reseller's bearer token or a signed-in reseller staff member."),
            { ResellerId: null } => new AccessDenial(AccessDenial.Forbidden, "This field is for resellers; you do not act for a reseller."),
            _ => null,
        };
    }
}
